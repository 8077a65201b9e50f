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
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora"));
});

afterAll(() => stopE2e({ browser, server, database }));

/** Calls the API as a server would, with the workspace's secret key. */
async function apiCall<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface StageMove {
  contactId: string;
  toStage: { name: string };
  cause: string;
}

const PEOPLE = [
  ["Anna", "Petrova"],
  ["Boris", "Sokolov"],
  ["Clara", "Ivanova"],
  ["Dmitry", "Orlov"],
] as const;

let funnelId = "";
const ids: Record<string, string> = {};

async function historyOf(contactId: string): Promise<StageMove[]> {
  const r = await apiCall<{ data: StageMove[] }>(
    "GET",
    `/api/funnels/${funnelId}/history?contactId=${contactId}`,
  );
  return r.data;
}

describe("bulk actions on the contacts list", () => {
  it("moves the ticked contacts to a funnel stage and says how many moved", async () => {
    const funnel = await apiCall<{ id: string }>("POST", "/api/funnels", {
      name: "Banquet hall sales",
      stages: ["First contact", "Offer sent", "Contract"],
    });
    funnelId = funnel.id;
    for (const [first, last] of PEOPLE) {
      const c = await apiCall<{ id: string }>("POST", "/api/contacts", {
        email: `${first.toLowerCase()}@example.com`,
        firstName: first,
        lastName: last,
        tags: first === "Dmitry" ? [] : ["banquet"],
      });
      ids[first] = c.id;
    }

    await page.goto(`${server.url}/contacts`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/contacts$/);
    await expect.poll(() => page.getByText("Dmitry Orlov").isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText("Tick contacts to move them to a funnel stage or enroll them in a journey.")
          .isVisible(),
      )
      .toBe(true);

    // Everyone on the page, then Dmitry taken out again.
    await page.getByLabel("Select all on this page").check();
    await expect.poll(() => page.getByText("4 selected").isVisible()).toBe(true);
    await page.getByLabel("Select Dmitry Orlov").uncheck();
    await expect.poll(() => page.getByText("3 selected").isVisible()).toBe(true);
    expect(await page.getByLabel("Select all on this page").isChecked()).toBe(false);

    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Add to funnel").selectOption({ label: "Banquet hall sales" });
    await expect
      .poll(() => bar.getByLabel("Stage").locator("option", { hasText: "Offer sent" }).count())
      .toBe(1);
    // Lost needs a reason, so it is not offered here.
    expect(await bar.getByLabel("Stage").locator("option", { hasText: "Lost" }).count()).toBe(0);
    await bar.getByLabel("Stage").selectOption({ label: "Offer sent" });
    await bar.getByRole("button", { name: "Move", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("3 contacts moved to Offer sent");
    await page.screenshot({ path: path.join(ARTIFACTS, "contacts-bulk.png") });

    for (const first of ["Anna", "Boris", "Clara"]) {
      const moves = await historyOf(ids[first] ?? "");
      expect(moves.map((m) => [m.toStage.name, m.cause])).toEqual([["Offer sent", "user"]]);
    }
    expect(await historyOf(ids.Dmitry ?? "")).toEqual([]);

    // Again: they are already there, and the line says so.
    await bar.getByRole("button", { name: "Move", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("0 contacts moved to Offer sent · 3 were already there");
  });

  it("enrolls the ticked contacts in a live journey with one bulk job", async () => {
    const journey = await apiCall<{ id: string }>("POST", "/api/journeys", {
      name: "Banquet follow-up",
      draft: {
        schemaVersion: 1,
        nodes: [
          { id: "start", type: "trigger-manual", position: { x: 0, y: 0 }, data: {} },
          {
            id: "w",
            type: "wait",
            position: { x: 1, y: 0 },
            data: { mode: "duration", duration: { amount: 1, unit: "days" } },
          },
        ],
        edges: [{ id: "e1", source: "start", target: "w" }],
        settings: { reentry: { mode: "once" } },
      },
    });
    await apiCall("POST", `/api/journeys/${journey.id}/publish`);
    // Anna is in it already: the re-entry rule keeps her out of the bulk job.
    await apiCall("POST", `/api/journeys/${journey.id}/enrollments`, { contactId: ids.Anna });

    await page.reload();
    await expect.poll(() => page.getByText("Dmitry Orlov").isVisible()).toBe(true);
    await page.getByLabel("Select Anna Petrova").check();
    await page.getByLabel("Select Boris Sokolov").check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Enroll in a journey").selectOption({ label: "Banquet follow-up" });
    await bar.getByRole("button", { name: "Enroll", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 20_000 })
      .toBe("1 contact enrolled in Banquet follow-up · 1 kept out by the journey's re-entry rule");
    await page.screenshot({ path: path.join(ARTIFACTS, "contacts-bulk-enroll.png") });
    const jobs = await apiCall<{ data: { filter: { contactIds?: string[] }; enrolled: number }[] }>(
      "GET",
      `/api/journeys/${journey.id}/bulk-enrollments`,
    );
    expect(jobs.data).toHaveLength(1);
    expect(jobs.data[0]?.filter.contactIds?.sort()).toEqual([ids.Anna, ids.Boris].sort());
    expect(jobs.data[0]?.enrolled).toBe(1);
  });

  it("exports the contacts matching the current filters", async () => {
    await page.goto(`${server.url}/contacts?tag=banquet`);
    await expect.poll(() => page.getByText("Anna Petrova").isVisible()).toBe(true);
    const link = page.getByRole("link", { name: "Export CSV" });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toBe("/api/contacts/export.csv?tag=banquet");
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv).toContain("anna@example.com");
    expect(csv).not.toContain("dmitry@example.com");
  });

  it("reads in Russian", async () => {
    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.goto(`${server.url}/contacts`);
    await expect.poll(() => page.getByText("Dmitry Orlov").isVisible()).toBe(true);
    await page.getByLabel("Выбрать: Dmitry Orlov").check();
    const bar = page.getByRole("region", { name: "Действия с выбранными" });
    await bar.getByLabel("Добавить в воронку").selectOption({ label: "Banquet hall sales" });
    await expect
      .poll(() => bar.getByLabel("Этап").locator("option", { hasText: "Contract" }).count())
      .toBe(1);
    await bar.getByLabel("Этап").selectOption({ label: "Contract" });
    await bar.getByRole("button", { name: "Перенести", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("1 контакт перенесён на этап «Contract»");
    await page.screenshot({ path: path.join(ARTIFACTS, "contacts-bulk.ru.png") });
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
    const moves = await historyOf(ids.Dmitry ?? "");
    expect(moves.map((m) => m.toStage.name)).toEqual(["Contract"]);
  });
});
