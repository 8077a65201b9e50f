import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { createTenant, type TestTenant } from "../support/fixtures.ts";
import { REPO_ROOT, type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

const ARTIFACTS = path.join(REPO_ROOT, "test/e2e/artifacts");

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  tenant = await createTenant(database.db, "Banquet hall Aurora");
  server = await startServerProcess(database.url);
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/journeys`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("sign in and the app shell", () => {
  it("a wrong password shows a plain message and stays on the sign-in page", async () => {
    const page = await browser.newPage();
    await signIn(page, tenant.email, "not my password");
    await expect
      .poll(() => page.getByText("That email and password don't match.").isVisible())
      .toBe(true);
    expect(page.url()).toContain("/sign-in");
    await page.screenshot({ path: path.join(ARTIFACTS, "sign-in-error.png") });
    await page.close();
  });

  it("signs in, lands where it was going, and sees the navigation", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, tenant.email, tenant.password);
    await page.waitForURL(/\/journeys$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Journeys", "Contacts", "Funnels", "Templates", "Analytics", "Settings"]) {
      await expect
        .poll(() => nav.getByRole("link", { name: item }).isVisible(), { message: item })
        .toBe(true);
    }
    await expect.poll(() => page.getByText("Banquet hall Aurora").first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "shell-journeys.png") });

    await nav.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/settings$/);
    await expect.poll(() => page.getByText("Default secret key").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "settings.png"), fullPage: true });

    // A reload keeps the session (HttpOnly cookie) and the client-side route.
    await page.reload();
    await expect
      .poll(() => page.getByRole("heading", { name: "Settings" }).first().isVisible())
      .toBe(true);
    await page.close();
  });

  it("switches the whole app to Russian from the user menu, and back", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, tenant.email, tenant.password);
    await page.waitForURL(/\/journeys$/);
    await page
      .getByRole("button", { name: /Owner|owner/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole("group", { name: "Language" }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "user-menu-language.png") });
    await page.getByRole("button", { name: "Русский" }).click();

    const nav = page.getByRole("navigation", { name: "Главное меню" });
    for (const item of ["Цепочки", "Контакты", "Воронки", "Шаблоны", "Аналитика", "Настройки"]) {
      await expect
        .poll(() => nav.getByRole("link", { name: item }).isVisible(), { message: item })
        .toBe(true);
    }
    await nav.getByRole("link", { name: "Настройки" }).click();
    await expect.poll(() => page.getByText("API-ключи").first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "settings.ru.png"), fullPage: true });

    // The choice is kept: signing out shows the sign-in page in Russian too.
    await page
      .getByRole("button", { name: /Owner|owner/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Выйти" }).click();
    await page.waitForURL(/\/sign-in/);
    await expect
      .poll(() => page.getByRole("heading", { name: "Вход в Voronka" }).isVisible())
      .toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "sign-in.ru.png") });
    await page.getByRole("button", { name: "English" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Sign in to Voronka" }).isVisible())
      .toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "sign-in.png") });
    await page.close();
  });
});
