import path from "node:path";
import { createUser } from "@voronka/db";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora", "server"));
  for (const [email, name] of [
    ["misha@aurora-hall.example", "Misha Petrov"],
    ["olga@aurora-hall.example", "Olga Smirnova"],
  ] as const) {
    await createUser(database.db, {
      email,
      name,
      password: "correct horse battery staple",
      workspaceId: tenant.workspaceId,
      role: "member",
    });
  }
});

afterAll(async () => {
  await stopE2e({ browser, server, database });
});

async function api(pathname: string) {
  const res = await fetch(`${server.url}${pathname}`, {
    headers: { authorization: `Bearer ${tenant.secretKey}` },
  });
  if (!res.ok) throw new Error(`GET ${pathname}: ${res.status}`);
  return res.json();
}

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

const rulesSection = () => page.getByRole("region", { name: /Sending rules|Правила отправки/ });
const membersSection = () => page.getByRole("region", { name: /Members and roles|Участники/ });

async function shot(section: ReturnType<typeof rulesSection>, name: string) {
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

describe("sending rules and members", () => {
  it("sets the workspace's quiet hours and frequency cap, confirming before saving", async () => {
    await page.goto(`${server.url}/settings`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings$/);
    await visible("Not set yet: journeys send at any hour, without a cap.").toBe(true);

    const rules = rulesSection();
    await rules.getByLabel("Quiet hours", { exact: true }).check();
    await rules.getByLabel("Quiet hours start").fill("21:00");
    await rules.getByLabel("Quiet hours end").fill("9:00");
    await rules.getByLabel("Frequency cap", { exact: true }).check();
    await rules.getByLabel("Most messages").fill("3");
    await rules.getByLabel("Period length").fill("1");
    await rules.getByLabel("Period unit").selectOption("weeks");
    await rules.getByRole("button", { name: "Save rules" }).click();

    const dialog = page.getByRole("dialog", { name: "Save the sending rules?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect
      .poll(() => dialog.textContent())
      .toContain("nothing is sent between 21:00 and 09:00 in the contact's time zone");
    expect(await dialog.textContent()).toContain("at most 3 messages per 1 week to one contact");
    // Nothing is stored until the confirmation.
    expect((await api("/api/workspace/sending-rules")).updatedAt).toBeNull();
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-sending-rules-confirm.png") });
    await dialog.getByRole("button", { name: "Save rules" }).click();
    await visible("Saved.").toBe(true);

    expect(await api("/api/workspace/sending-rules")).toMatchObject({
      quietHours: { from: "21:00", to: "09:00" },
      frequencyCap: { max: 3, per: { amount: 1, unit: "weeks" } },
    });
    await shot(rules, "settings-sending-rules");
  });

  it("changes a member's role, and keeps the only owner an owner", async () => {
    const members = membersSection();
    await expect.poll(() => members.getByRole("row").count()).toBe(4);
    // The sole owner's role is not offered for change.
    expect(await members.getByLabel("Role of Owner").count()).toBe(0);
    expect(await members.getByText("Only owner — make another owner first.").isVisible()).toBe(
      true,
    );

    await members.getByLabel("Role of Misha Petrov").selectOption("admin");
    await visible("Misha Petrov is now admin.").toBe(true);
    const list = await api("/api/workspace/members");
    const roles = Object.fromEntries(
      list.data.map((m: { email: string; role: string }) => [m.email, m.role]),
    );
    expect(roles).toEqual({
      [tenant.email]: "owner",
      "misha@aurora-hall.example": "admin",
      "olga@aurora-hall.example": "member",
    });
    await shot(members, "settings-members");
  });

  it("shows both sections in Russian", async () => {
    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await visible("Правила отправки").toBe(true);
    await visible("Не отправлять с").toBe(true);
    await expect
      .poll(() => rulesSection().getByLabel("Начало тихих часов").inputValue())
      .toBe("21:00");
    await shot(rulesSection(), "settings-sending-rules.ru");
    await visible("Участники и роли").toBe(true);
    await expect
      .poll(() => membersSection().getByLabel("Роль: Misha Petrov").inputValue())
      .toBe("admin");
    await shot(membersSection(), "settings-members.ru");
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });

  it("shows a member the rules and roles without letting them change either", async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/settings`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill("olga@aurora-hall.example");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings$/);
    await visible("Only the workspace's owners and admins can change these rules.").toBe(true);
    expect(await rulesSection().getByRole("button", { name: "Save rules" }).count()).toBe(0);
    expect(await rulesSection().getByLabel("Quiet hours start").isDisabled()).toBe(true);
    expect(await rulesSection().getByLabel("Quiet hours start").inputValue()).toBe("21:00");
    await expect.poll(() => membersSection().getByRole("row").count()).toBe(4);
    expect(await membersSection().getByRole("combobox").count()).toBe(0);
    await shot(rulesSection(), "settings-sending-rules-member");
  });
});
