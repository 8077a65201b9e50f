import path from "node:path";
import { createManagerTasks } from "@voronka/db";
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

async function contact(firstName: string, lastName: string, phone: string): Promise<string> {
  const res = await fetch(`${server.url}/api/contacts`, {
    method: "POST",
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: JSON.stringify({ firstName, lastName, phone }),
  });
  if (!res.ok) throw new Error(`POST /api/contacts: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora", "server"));
});
afterAll(() => stopE2e({ browser, server, database }));

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

async function shotBoth(name: string, ruText: string | RegExp) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
  await page.reload();
  await visible(ruText).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.ru.png`) });
  await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  await page.reload();
}

describe("tasks page", () => {
  it("starts empty, saying how tasks appear", async () => {
    await page.goto(`${server.url}/tasks`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/tasks$/);
    await visible("Nothing to do right now").toBe(true);
    await shotBoth("tasks-empty", "Сейчас задач нет");
  });

  it("lists the journeys' tasks, overdue ones marked, and a task can be marked done", async () => {
    const maria = await contact("Maria", "Sokolova", "+79161234567");
    const ivan = await contact("Ivan", "Petrov", "+79167654321");
    const now = Date.now();
    await createManagerTasks(database.db, [
      {
        workspaceId: tenant.workspaceId,
        effectKey: "e2e-1",
        contactId: maria,
        journeyId: null,
        nodeId: null,
        message: "Call Maria: she asked about a wedding banquet for 80 guests on 14 June",
        assigneeId: null,
        dueAt: new Date(now - 3 * 3_600_000),
      },
      {
        workspaceId: tenant.workspaceId,
        effectKey: "e2e-2",
        contactId: ivan,
        journeyId: null,
        nodeId: null,
        message: "Send Ivan the corporate party menu",
        assigneeId: null,
        dueAt: new Date(now + 20 * 3_600_000),
      },
    ]);
    await page.reload();
    await visible("Call Maria: she asked about a wedding banquet").toBe(true);
    await visible("Overdue").toBe(true);
    await visible("Maria Sokolova").toBe(true);
    await shotBoth("tasks-list", "Просрочена");

    const row = page.getByRole("row", { name: /Send Ivan the corporate party menu/ });
    await row.getByRole("button", { name: "Mark done" }).click();
    await expect.poll(() => page.getByText("Send Ivan the corporate party menu").count()).toBe(0);
    await page.getByRole("tab", { name: "Done" }).click();
    await visible("Send Ivan the corporate party menu").toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "tasks-done.png") });
    const res = await fetch(`${server.url}/api/tasks?status=done`, {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    expect((await res.json()).data.map((t: { message: string }) => t.message)).toEqual([
      "Send Ivan the corporate party menu",
    ]);
  });
});
