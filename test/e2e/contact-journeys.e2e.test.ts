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

const at = (x: number) => ({ x: x * 260, y: 0 });

/** A live journey: manual trigger → the steps in a row. */
async function liveJourney(name: string, steps: Array<{ id: string; type: string; data: object }>) {
  const nodes = [
    { id: "start", type: "trigger-manual", position: at(0), data: {} },
    ...steps.map((s, i) => ({ ...s, position: at(i + 1) })),
  ];
  const draft = {
    schemaVersion: 1,
    nodes,
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id, target: n.id })),
  };
  const journey = await apiCall<{ id: string }>("POST", "/api/journeys", { name, draft });
  await apiCall("POST", `/api/journeys/${journey.id}/publish`);
  return journey.id;
}

interface Run {
  journeyName: string;
  status: string;
}

const panel = () => page.getByRole("region", { name: /^(Journeys|Цепочки)$/ });

async function shot(name: string) {
  await panel().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

let anna = "";
let boris = "";
let welcome = "";

describe("journeys on the contact card", () => {
  it("says what to do when the contact is in no journey", async () => {
    anna = (
      await apiCall<{ id: string }>("POST", "/api/contacts", {
        email: "anna@example.com",
        firstName: "Anna",
        lastName: "Petrova",
        consent: { email: "subscribed" },
      })
    ).id;
    boris = (
      await apiCall<{ id: string }>("POST", "/api/contacts", {
        email: "boris@example.com",
        firstName: "Boris",
        lastName: "Sokolov",
      })
    ).id;
    await page.goto(`${server.url}/contacts/${boris}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/contacts\//);
    await expect.poll(() => panel().getByText("Not in any journey yet.").isVisible()).toBe(true);
    expect(await panel().textContent()).toContain("Enroll in a journey");
    await panel().getByRole("link", { name: "Go to the contacts list" }).click();
    await page.waitForURL(/\/contacts$/);
    await page.goto(`${server.url}/contacts/${boris}`);
    await expect.poll(() => panel().getByText("Not in any journey yet.").isVisible()).toBe(true);
    await shot("contact-journeys-empty");
  });

  it("shows each journey the contact is in, the step and until when it waits", async () => {
    welcome = await liveJourney("Banquet follow-up", [
      { id: "w", type: "wait", data: { mode: "duration", duration: { amount: 3, unit: "days" } } },
      { id: "m", type: "send-email", data: { templateId: "tpl" } },
    ]);
    const declined = await liveJourney("Declined offer", [
      { id: "out", type: "exit", data: { reason: "declined" } },
    ]);
    for (const journeyId of [declined, welcome]) {
      await apiCall("POST", `/api/journeys/${journeyId}/enrollments`, { contactId: anna });
    }
    // The worker of `voronka start` moves both runs on.
    await expect
      .poll(
        async () =>
          (await apiCall<{ data: Run[] }>("GET", `/api/contacts/${anna}/journeys`)).data.map(
            (r) => `${r.journeyName}:${r.status}`,
          ),
        { timeout: 20_000 },
      )
      .toEqual(["Banquet follow-up:waiting", "Declined offer:exited"]);

    await page.goto(`${server.url}/contacts/${anna}`);
    const runs = panel().getByRole("listitem");
    await expect.poll(() => runs.count()).toBe(2);
    const first = runs.nth(0);
    expect(await first.getByRole("link").textContent()).toBe("Banquet follow-up");
    expect(await first.textContent()).toContain("Waiting");
    expect(await first.textContent()).toContain("At: Wait");
    // Node and the browser share the machine's time zone.
    const day = new Date(Date.now() + 3 * 86_400_000).getDate();
    expect(await first.textContent()).toMatch(
      new RegExp(`until ${day} \\w{3} \\d{4}, \\d\\d:\\d\\d`),
    );
    const second = runs.nth(1);
    expect(await second.textContent()).toContain("Left");
    expect(await second.textContent()).toContain("Ended at: Exit");
    expect(await second.textContent()).toContain("reason: declined");
    await shot("contact-journeys");

    await first.getByRole("link", { name: "Open Banquet follow-up in the journey editor" }).click();
    await page.waitForURL(new RegExp(`/journeys/${welcome}$`));
  });

  it("shows the panel in Russian", async () => {
    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.goto(`${server.url}/contacts/${anna}`);
    await expect.poll(() => panel().getByText("Ждёт").isVisible()).toBe(true);
    expect(await panel().textContent()).toContain("Шаг: Пауза");
    expect(await panel().textContent()).toContain("Закончил на шаге");
    await shot("contact-journeys.ru");
    await page.goto(`${server.url}/contacts/${boris}`);
    await expect
      .poll(() => panel().getByText("Пока не участвует ни в одной цепочке.").isVisible())
      .toBe(true);
    await shot("contact-journeys-empty.ru");
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });
});
