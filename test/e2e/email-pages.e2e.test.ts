/**
 * What people see of the email channel outside the app: two starter templates as rendered
 * for a contact (desktop and phone width), and the preference page behind the unsubscribe
 * link, used with a real browser against a real server process.
 */
import path from "node:path";
import { storeEvents } from "@voronka/db";
import { signClaim } from "@voronka/email";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

const SECRET = "e2e-email-secret-e2e-email-secret-0123456789";
let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;
let contactId: string;

beforeAll(async () => {
  process.env.VORONKA_SECRET = SECRET;
  ({ database, tenant, server, browser, page } = await startE2e("Flower shop", "server"));
  const { stored } = await storeEvents(database.db, tenant.workspaceId, [
    {
      messageId: "identify-anna",
      type: "identify",
      name: null,
      userId: "anna",
      anonymousId: null,
      identities: [{ kind: "user_id", value: "anna" }],
      patch: { firstName: "Anna", email: "anna@example.com", consent: { email: "subscribed" } },
      properties: {},
      context: {},
      timestamp: new Date(),
    },
  ]);
  contactId = stored[0]?.contactId ?? "";
});

afterAll(async () => {
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

describe("email pages in a browser", () => {
  it.each([["welcome"], ["contract-discount"]])(
    "the %s starter renders as a finished email at desktop and phone width",
    async (starter) => {
      const t = await api<{ id: string }>("POST", "/api/email/templates/from-starter", {
        starter,
      });
      const out = await api<{ html: string }>("POST", `/api/email/templates/${t.id}/preview`, {
        contactId,
        vars: { brand: "Romashka flowers", promo_code: "ANNA10", discount: "10%" },
      });
      for (const [width, label] of [
        [900, "desktop"],
        [375, "phone"],
      ] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.setContent(out.html, { waitUntil: "load" });
        const text = await page.locator("body").textContent();
        expect(text).toContain("Romashka flowers");
        expect(text).toContain("Anna");
        // Nothing wider than the screen: the layout is responsive.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: path.join(ARTIFACTS, `email-starter-${starter}-${label}.png`),
          fullPage: true,
        });
      }
    },
  );

  it("the preference page: untick a topic, save, and only that topic is left", async () => {
    const offers = await api<{ id: string }>("POST", "/api/email/topics", {
      name: "Offers and discounts",
      description: "Seasonal bouquets and promo codes, twice a month",
    });
    await api("POST", "/api/email/topics", {
      name: "Care tips",
      description: "How to keep your flowers fresh longer",
    });
    const token = signClaim(SECRET, { a: "u", w: tenant.workspaceId, c: contactId, k: "e2e" });
    await page.setViewportSize({ width: 1024, height: 760 });
    await page.goto(`${server.url}/e/u/${token}`);
    await expect(
      page.getByRole("heading", { name: "Email preferences" }).isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "email-preferences.png") });
    await page.getByRole("checkbox", { name: /Offers and discounts/ }).uncheck();
    await page.getByRole("button", { name: "Save my choices" }).click();
    await page.getByRole("heading", { name: "Your choices are saved" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "email-preferences-saved.png") });
    const rows = await database.pool.query<{ topic_id: string }>(
      "select topic_id from email_topic_optouts where workspace_id = $1 and contact_id = $2",
      [tenant.workspaceId, contactId],
    );
    expect(rows.rows).toEqual([{ topic_id: offers.id }]);
  });
});
