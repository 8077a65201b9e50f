import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAKE_TOKENS,
  type FakeAdPlatforms,
  fakeBaseUrls,
  startFakeAdPlatforms,
} from "../../packages/ads/src/fake/fake-platforms.ts";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;
let fake: FakeAdPlatforms;

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora"));
  fake = await startFakeAdPlatforms();
});

afterAll(async () => {
  await fake?.close();
  await stopE2e({ browser, server, database });
});

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

describe("the ad audiences screen", () => {
  it("says what to do when there are no audiences", async () => {
    await page.goto(`${server.url}/audiences`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/audiences$/);
    await expect.poll(() => page.getByText("No ad audiences yet").isVisible()).toBe(true);
    await shot("audiences-empty");
  });

  it("lists per-stage audiences with each platform's sync status; Sync now sends them", async () => {
    const funnel = await api<{ id: string; stages: { id: string; name: string }[] }>(
      "POST",
      "/api/funnels",
      { name: "Banquet", stages: ["First contact", "Offer sent", "Presentation booked"] },
    );
    // The marketer turns it on from the audiences screen.
    await page.reload();
    const toggle = page.getByRole("checkbox", { name: "Banquet" });
    await expect.poll(() => toggle.isEnabled(), { timeout: 20_000 }).toBe(true);
    await toggle.click();
    await expect
      .poll(() => page.getByText("On · 5 audiences").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => page.getByRole("row", { name: /Banquet: Offer sent/ }).isVisible())
      .toBe(true);
    const inserted = await database.pool.query<{ id: string }>(
      `insert into contacts (workspace_id, email, phone)
       select $1, 'guest' || g || '@example.com', '+7 916 000 00 ' || lpad(g::text, 2, '0')
       from generate_series(1, 12) g returning id`,
      [tenant.workspaceId],
    );
    const [first, offer, booked] = funnel.stages;
    for (const [i, row] of inserted.rows.entries()) {
      const stage = i < 7 ? offer : i < 10 ? booked : first;
      await api("POST", `/api/funnels/${funnel.id}/moves`, {
        contactId: row.id,
        stageId: stage?.id,
      });
    }
    const urls = fakeBaseUrls(fake.url);
    await api("PUT", "/api/ad-accounts/meta", {
      baseUrl: urls.meta,
      credentials: { accessToken: FAKE_TOKENS.meta },
    });
    await api("PUT", "/api/ad-accounts/yandex", {
      baseUrl: urls.yandex,
      credentials: { oauthToken: FAKE_TOKENS.yandex },
    });
    const audiences = (await api<{ data: { id: string; name: string }[] }>("GET", "/api/audiences"))
      .data;
    const byName = (n: string) => audiences.find((a) => a.name === n)?.id ?? "";
    const offerAudience = byName("Banquet: Offer sent");
    await api("PUT", `/api/audiences/${offerAudience}/destinations/meta`, { externalId: "2001" });
    await api("PUT", `/api/audiences/${offerAudience}/destinations/yandex`, { externalId: "2002" });
    await api("PUT", `/api/audiences/${offerAudience}/destinations/google`, { externalId: "2003" });
    await api("PUT", `/api/audiences/${byName("Banquet: Presentation booked")}/destinations/meta`, {
      externalId: "3001",
    });
    await api("POST", "/api/audiences", { name: "Newsletter readers" });

    await page.reload();
    const row = page.getByRole("row", { name: /Banquet: Offer sent/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    await expect.poll(() => row.getByText("7 contacts").isVisible()).toBe(true);
    await expect.poll(() => row.getByText("account not set up").isVisible()).toBe(true);
    await row.getByRole("button", { name: "Sync now" }).click();
    await expect.poll(() => row.getByRole("button", { name: "Queued" }).isVisible()).toBe(true);
    await expect
      .poll(
        async () => {
          await page.reload();
          // Count once the list has loaded again, not in the instant after the reload.
          const offerRow = page.getByRole("row", { name: /Banquet: Offer sent/ });
          await offerRow.waitFor();
          return offerRow.getByText(/synced/).count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(2);
    expect(fake.violations).toEqual([]);
    const sent = fake.uploads.filter((u) => u.listId === "2001" || u.listId === "2002");
    expect(sent.map((u) => `${u.platform}:${u.op}:${u.emails.length}`).sort()).toEqual([
      "meta:add:7",
      "yandex:add:7",
    ]);
    await expect
      .poll(() =>
        page
          .getByRole("row", { name: /Banquet: Offer sent/ })
          .getByText("+7 / −0")
          .count(),
      )
      .toBe(2);
    const names = await page.locator("tbody tr .table-strong").allTextContents();
    expect(names.slice(0, 5)).toEqual([
      "Banquet: First contact",
      "Banquet: Offer sent",
      "Banquet: Presentation booked",
      "Banquet: Won",
      "Banquet: Lost",
    ]);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
    await shot("audiences-list");
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
