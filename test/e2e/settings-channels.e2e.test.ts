import path from "node:path";
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
});
afterAll(() => stopE2e({ browser, server, database }));

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

const TOKEN = "7788990011:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

describe("messenger, SMS and webhook settings", () => {
  it("connects a Telegram bot without ever showing the token again, and creates a webhook secret", async () => {
    await page.goto(`${server.url}/settings`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings$/);
    const card = page.locator("section", {
      has: page.getByRole("heading", { name: "Messengers, SMS and webhooks" }),
    });
    await visible("Telegram bot").toBe(true);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(ARTIFACTS, "settings-channels-empty.png"),
      fullPage: true,
    });

    const telegram = page.locator("form", {
      has: page.getByRole("heading", { name: "Telegram bot" }),
    });
    await telegram.getByLabel("Bot token").fill(TOKEN);
    await telegram.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => telegram.getByText("Connected · token …Dsaw").isVisible()).toBe(true);
    expect(await telegram.getByLabel("Bot token").inputValue()).toBe("");
    expect(await page.content()).not.toContain(TOKEN);

    const sms = page.locator("form", { has: page.getByRole("heading", { name: /SMS gateway/ }) });
    await sms.getByLabel("Sender number").fill("not a number!");
    await sms.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => sms.locator(".field-error").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Create a new signing secret" }).click();
    await visible(/^whsec_/).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-channels.png"), fullPage: true });

    const api = await fetch(`${server.url}/api/channels/settings`, {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    const body = await api.json();
    expect(body.telegram).toMatchObject({ configured: true, token: { set: true, hint: "…Dsaw" } });
    expect(body.webhooks.signingSecret.set).toBe(true);
    expect(body.webhooks.allowPrivateNetworks).toBe(false);

    await page.getByLabel("Allow webhooks to private networks").check();
    await expect
      .poll(async () => {
        const r = await fetch(`${server.url}/api/channels/settings`, {
          headers: { authorization: `Bearer ${tenant.secretKey}` },
        });
        return (await r.json()).webhooks.allowPrivateNetworks;
      })
      .toBe(true);

    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await visible("Мессенджеры, SMS и вебхуки").toBe(true);
    await page.screenshot({
      path: path.join(ARTIFACTS, "settings-channels.ru.png"),
      fullPage: true,
    });
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });
});
