import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnalyticsSeed, seedAnalytics } from "../support/analytics-seed.ts";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;
let seed: AnalyticsSeed;

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora", "server"));
  // 3,000 contacts over 180 days: about half of them fall in the default 90-day range.
  seed = await seedAnalytics(database.db, database.pool, tenant.workspaceId, 3000, {
    spanDays: 180,
  });
  await page.setViewportSize({ width: 1280, height: 800 });
}, 180_000);

afterAll(() => stopE2e({ browser, server, database }));

/** A screenshot of the whole report at 1280 px wide (the window grows to the page's height). */
async function shot(name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(800, Math.min(height, 4000)) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), {
    message: String(text),
    timeout: 20_000,
  });

describe("analytics screens", () => {
  it("shows the funnel pyramid and drills into the contacts behind a number", async () => {
    await page.goto(`${server.url}/analytics`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/analytics\/funnel$/);
    await expect
      .poll(() => page.getByRole("img", { name: "Contacts reaching each stage" }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await visible("Lost by stage and reason").toBe(true);
    await visible("Weekly cohorts (by week of entry)").toBe(true);
    // The pyramid's first bar is everybody who entered.
    const entered = await page.locator(".an-stat").first().locator(".an-stat-value").innerText();
    expect(Number(entered.replace(/\D/g, ""))).toBeGreaterThan(1000);
    await shot("analytics-funnel");

    const stageTable = page.getByRole("region", { name: "Conversion and time by stage" });
    await stageTable.locator("tbody tr").nth(1).locator(".an-drill").first().click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.locator("tbody tr").count(), { timeout: 20_000 }).toBe(50);
    await expect
      .poll(() => dialog.getByText(/in total/).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await shot("analytics-funnel-drill");
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  it("shows the journey report with A/B results", async () => {
    await page.getByRole("link", { name: "Journeys & A/B" }).click();
    await page.waitForURL(/\/analytics\/journeys$/);
    await visible("A/B results").toBe(true);
    await visible("15% discount").toBe(true);
    await visible("Chance to be best").toBe(true);
    await visible("Goal conversion by day").toBe(true);
    const rows = page.locator(".an-ab tbody tr");
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    await shot("analytics-journey-ab");
  });

  it("shows the channel report and takes spend from a form", async () => {
    await page.getByRole("link", { name: "Channels" }).click();
    await page.waitForURL(/\/analytics\/channels$/);
    await visible("By UTM source").toBe(true);
    await visible(/Sales formula/).toBe(true);
    await page.getByLabel("Channel", { exact: true }).fill("yandex");
    await page.getByLabel("Amount").fill("12500");
    await page.getByRole("button", { name: "Save" }).click();
    await visible("1 row(s) saved.").toBe(true);
    await shot("analytics-channels");
  });

  it("shows the RFM grid and a segment's contacts", async () => {
    await page.getByRole("link", { name: "RFM" }).click();
    await page.waitForURL(/\/analytics\/rfm$/);
    await visible("Recency × frequency").toBe(true);
    await expect.poll(() => page.locator(".an-cell").count(), { timeout: 20_000 }).toBe(25);
    await shot("analytics-rfm");
    await page.getByRole("button", { name: /^Champions/ }).click();
    await expect
      .poll(() => page.getByRole("dialog").locator("tbody tr").count())
      .toBeGreaterThan(0);
    await shot("analytics-rfm-segment");
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  });

  it("shows the screens in Russian", async () => {
    await page.evaluate(() => window.localStorage.setItem("voronka.locale", "ru"));
    await page.goto(`${server.url}/analytics/funnel`);
    await visible("Сколько контактов дошли до каждого этапа").toBe(true);
    await shot("analytics-funnel-ru");
    expect(seed.journeyId).toMatch(/[0-9a-f-]{36}/);
  });
});
