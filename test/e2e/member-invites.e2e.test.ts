import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
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
const guests: BrowserContext[] = [];

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora", "server"));
});

afterAll(async () => {
  for (const context of guests) await context.close();
  await stopE2e({ browser, server, database });
});

const members = () => page.getByRole("region", { name: /^(Members and roles|Участники и роли)$/ });

/** A browser of someone else: no cookies, its own storage, optionally Russian. */
async function freshPage(locale: "en" | "ru" = "en"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  guests.push(context);
  if (locale === "ru") {
    await context.addInitScript(() => localStorage.setItem("voronka.locale", "ru"));
  }
  return context.newPage();
}

async function invite(email: string, role: string): Promise<string> {
  await members()
    .getByLabel(/^(Email|Эл\. почта)$/)
    .fill(email);
  await members()
    .getByLabel(/^(Role|Роль)$/)
    .selectOption(role);
  await members()
    .getByRole("button", { name: /^(Invite|Пригласить)$/ })
    .click();
  const link = members().getByLabel(/^(Invitation link|Ссылка-приглашение)$/);
  await expect.poll(() => link.isVisible()).toBe(true);
  return link.inputValue();
}

let olgaLink = "";

/** The members section alone; the sticky top bar is hidden so it does not cover the section. */
async function shotMembers(name: string) {
  await members().screenshot({
    path: path.join(ARTIFACTS, `${name}.png`),
    style: ".topbar { visibility: hidden; }",
  });
}

describe("inviting a member from the app", () => {
  it("the owner invites by email and role and gets the link once", async () => {
    await page.goto(`${server.url}/settings`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings$/);
    await expect.poll(() => members().getByText("No invitations waiting.").isVisible()).toBe(true);

    olgaLink = await invite("olga@aurora-hall.example", "admin");
    expect(olgaLink).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{43}$`));
    expect(await members().textContent()).toContain(
      "No mail server is set up, so the letter went to the dev mailbox.",
    );
    const pending = members().getByRole("region", { name: "Waiting to accept" });
    await expect.poll(() => pending.getByRole("row").count()).toBe(2);
    expect(await pending.getByRole("row").nth(1).textContent()).toContain(
      "olga@aurora-hall.example",
    );
    // The letter carries the same link; the table holds only its hash.
    const letters = await database.pool.query<{ to_address: string; text: string }>(
      "select to_address, text from email_dev_mailbox",
    );
    expect(letters.rows.map((l) => l.to_address)).toEqual(["olga@aurora-hall.example"]);
    const token = olgaLink.split("/invite/")[1] ?? "";
    expect(letters.rows[0]?.text).toContain(`/invite/${token}`);
    const stored = await database.pool.query("select * from member_invitations");
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    await shotMembers("settings-members-invite");
  });

  it("the invited person sets a password in a fresh browser and lands signed in", async () => {
    const guest = await freshPage();
    await guest.goto(olgaLink);
    await expect
      .poll(() => guest.getByRole("heading", { name: "Join Banquet hall Aurora" }).isVisible())
      .toBe(true);
    await expect.poll(() => guest.getByText("Owner invited you as admin.").isVisible()).toBe(true);
    expect(await guest.getByLabel("Email").inputValue()).toBe("olga@aurora-hall.example");
    await guest.getByLabel("Your name").fill("Olga Smirnova");
    await guest.getByLabel("Choose a password").fill("short");
    await guest.getByRole("button", { name: "Join and sign in" }).click();
    await expect.poll(() => guest.getByText("Use at least 8 characters.").isVisible()).toBe(true);
    await guest.getByLabel("Choose a password").fill("banquet-2026-olga");
    await guest.screenshot({ path: path.join(ARTIFACTS, "invite-accept.png") });
    await guest.getByRole("button", { name: "Join and sign in" }).click();
    await guest.waitForURL(/\/journeys$/);
    await expect.poll(() => guest.getByText("Banquet hall Aurora").first().isVisible()).toBe(true);
    await expect.poll(() => guest.getByText("Olga Smirnova").first().isVisible()).toBe(true);

    // The owner sees her as an admin, and the invitation is no longer waiting.
    await page.reload();
    await expect
      .poll(() => members().getByLabel("Role of Olga Smirnova").inputValue())
      .toBe("admin");
    await expect.poll(() => members().getByText("No invitations waiting.").isVisible()).toBe(true);

    // The link is used up.
    const again = await freshPage();
    await again.goto(olgaLink);
    await expect
      .poll(() =>
        again.getByText("This invitation has already been used. Sign in instead.").isVisible(),
      )
      .toBe(true);
  });

  it("a withdrawn invitation's link stops working", async () => {
    const link = await invite("late@aurora-hall.example", "member");
    await members().getByRole("button", { name: "Done" }).click();
    await members()
      .getByRole("button", { name: "Withdraw the invitation for late@aurora-hall.example" })
      .click();
    await expect
      .poll(() =>
        members()
          .getByText(
            "The invitation for late@aurora-hall.example was withdrawn; its link no longer works.",
          )
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => members().getByText("No invitations waiting.").isVisible()).toBe(true);
    const guest = await freshPage();
    await guest.goto(link);
    await expect
      .poll(() => guest.getByRole("heading", { name: "This link doesn't work" }).isVisible())
      .toBe(true);
    await expect
      .poll(() => guest.getByText(/This invitation was withdrawn/).isVisible())
      .toBe(true);
    await guest.screenshot({ path: path.join(ARTIFACTS, "invite-dead-link.png") });
  });

  it("shows the members screen and the accept page in Russian", async () => {
    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await expect.poll(() => members().getByText("Пригласить человека").isVisible()).toBe(true);
    const link = await invite("ivan@aurora-hall.example", "member");
    expect(await members().textContent()).toContain("Почтовый сервер не настроен");
    await shotMembers("settings-members-invite.ru");
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));

    const guest = await freshPage("ru");
    await guest.goto(link);
    await expect
      .poll(() => guest.getByRole("heading", { name: "Вход в «Banquet hall Aurora»" }).isVisible())
      .toBe(true);
    await expect
      .poll(() => guest.getByText("Owner приглашает вас. Роль: участник.").isVisible())
      .toBe(true);
    await guest.getByLabel("Ваше имя").fill("Иван Петров");
    await guest.getByLabel("Придумайте пароль").fill("banquet-2026-ivan");
    await guest.screenshot({ path: path.join(ARTIFACTS, "invite-accept.ru.png") });
    await guest.getByRole("button", { name: "Присоединиться и войти" }).click();
    await guest.waitForURL(/\/journeys$/);
    await expect.poll(() => guest.getByText("Иван Петров").first().isVisible()).toBe(true);
  });
});
