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

async function apiCall<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const STAGES = ["First contact", "Offer sent", "Presentation booked", "Contract", "Prepayment"];
const PEOPLE = [
  ["Anna Petrova", "web_form", 0],
  ["Boris Sokolov", "telegram", 0],
  ["Clara Weiss", "whatsapp", 1],
  ["Dmitry Orlov", "phone", 2],
  ["Elena Volkova", "web_form", 3],
  ["Fyodor Lebedev", "api", 4],
] as const;

interface Box {
  x: number;
  width: number;
}

/** Left and right edges of every column, in page order. */
async function columnBoxes(): Promise<Array<{ name: string; box: Box }>> {
  return page.locator(".board-column").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.querySelector("h2")?.textContent ?? "", box: { x: r.x, width: r.width } };
    }),
  );
}

describe("the funnel board at 1440 px", () => {
  it("fits five stages beside the pinned Won and Lost columns without scrolling", async () => {
    const funnel = await apiCall<{ id: string; stages: Array<{ id: string; name: string }> }>(
      "POST",
      "/api/funnels",
      { name: "Banquet hall sales", stages: STAGES },
    );
    for (const [name, source, stage] of PEOPLE) {
      const [firstName, lastName] = name.split(" ");
      const contact = await apiCall<{ id: string }>("POST", "/api/contacts", {
        email: `${firstName?.toLowerCase()}@example.com`,
        firstName,
        lastName,
        source,
      });
      await apiCall("POST", `/api/funnels/${funnel.id}/moves`, {
        contactId: contact.id,
        stageId: funnel.stages[stage]?.id,
      });
    }

    await page.goto(`${server.url}/funnels/${funnel.id}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/funnels\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText("Fyodor Lebedev").isVisible()).toBe(true);

    const columns = await columnBoxes();
    expect(columns.map((c) => c.name)).toEqual([...STAGES, "Won", "Lost"]);
    const viewport = page.viewportSize()?.width ?? 0;
    const outcomesLeft = Math.min(...columns.slice(5).map((c) => c.box.x));
    for (const { name, box } of columns.slice(0, 5)) {
      // Every stage is wholly on screen, left of the pinned outcomes, and wide enough to read.
      expect(box.x + box.width, name).toBeLessThanOrEqual(outcomesLeft);
      expect(box.width, name).toBeGreaterThanOrEqual(160);
    }
    for (const { name, box } of columns.slice(5)) {
      expect(box.x + box.width, name).toBeLessThanOrEqual(viewport);
    }
    const scroll = await page
      .locator(".board")
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll.scroll).toBeLessThanOrEqual(scroll.client);
    await page.screenshot({ path: path.join(ARTIFACTS, "board-five-stages.png") });

    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await expect.poll(() => page.getByText("Fyodor Lebedev").isVisible()).toBe(true);
    const ru = await columnBoxes();
    const ruOutcomesLeft = Math.min(...ru.slice(5).map((c) => c.box.x));
    for (const { name, box } of ru.slice(0, 5)) {
      expect(box.x + box.width, name).toBeLessThanOrEqual(ruOutcomesLeft);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "board-five-stages.ru.png") });
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });
});
