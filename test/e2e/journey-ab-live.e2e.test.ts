import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import { type Calls, calls } from "../support/e2e-calls.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;
let journeyId = "";

const VIEWPORT = { width: 1280, height: 800 };
const PEOPLE = Array.from({ length: 12 }, (_, i) => `reader-${i}`);
/** Those who buy: every other one, so both arms are likely to convert someone. */
const BUYERS = PEOPLE.filter((_, i) => i % 2 === 0);

const step = (id: string, type: string, x: number, y: number, data: object) => ({
  id,
  type,
  position: { x, y },
  data,
});

/** signed up → subject-line A/B split → wait a week → goal "Bought" (converts on `purchased`). */
const abTest = {
  schemaVersion: 1,
  nodes: [
    step("signed-up", "trigger-event", 0, 120, { event: "signed_up" }),
    step("subject-test", "split", 300, 120, {
      branches: [
        { id: "short", name: "Short subject", weight: 50 },
        { id: "long", name: "Long subject", weight: 50 },
      ],
    }),
    ...["short", "long"].map((arm, i) =>
      step(`wait-${arm}`, "wait", 600, i * 240, {
        mode: "duration",
        duration: { amount: 7, unit: "days" },
      }),
    ),
    step("bought", "goal", 900, 120, { name: "Bought", event: { event: "purchased" } }),
  ],
  edges: [
    { id: "e1", source: "signed-up", sourceHandle: "out", target: "subject-test" },
    { id: "e2", source: "subject-test", sourceHandle: "short", target: "wait-short" },
    { id: "e3", source: "subject-test", sourceHandle: "long", target: "wait-long" },
    { id: "e4", source: "wait-short", sourceHandle: "out", target: "bought" },
    { id: "e5", source: "wait-long", sourceHandle: "out", target: "bought" },
  ],
};

interface BranchCount {
  nodeId: string;
  branch: string;
  entered: number;
  converted: number;
}

async function branchCounts(): Promise<Map<string, BranchCount>> {
  const answer = (await api("GET", `/api/journeys/${journeyId}/versions/1/counts`)) as {
    branches: BranchCount[];
  };
  return new Map(answer.branches.map((b) => [b.branch, b]));
}

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
const arm = (p: Page, branch: string) =>
  p.locator(
    `.react-flow__node[data-id="subject-test"] .step-output[data-output="${branch}"] [data-testid="branch-stat"]`,
  );
const percent = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(n);
/** What an arm's figure reads: entered · converted / entered. */
const figure = (locale: string, b: BranchCount) =>
  `${b.entered} · ${b.entered > 0 ? percent(locale, b.converted / b.entered) : "—"}`;

let api: Calls["api"];
let track: Calls["track"];

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Northwind books"));
  ({ api, track } = calls(server, tenant));
  await page.setViewportSize(VIEWPORT);
  journeyId = (await api("POST", "/api/journeys", { name: "Welcome subject test", draft: abTest }))
    .id;
  await api("POST", `/api/journeys/${journeyId}/publish`);

  await page.goto(`${server.url}/journeys/${journeyId}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(tenant.email);
  await page.getByLabel("Password").fill(tenant.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/journeys\/[^/]+$/);
}, 120_000);

afterAll(() => stopE2e({ browser, server, database }));

describe("journey editor: live A/B figures per branch", () => {
  it("shows each arm's entered count and conversion rate on the split, refreshed live", async () => {
    await expect.poll(() => page.locator(".react-flow__node").count(), { timeout: 20_000 }).toBe(5);
    // Published but nobody in yet: both arms read zero, no rate.
    await expect.poll(() => arm(page, "short").textContent(), { timeout: 15_000 }).toBe("0 · —");
    await expect.poll(() => arm(page, "long").textContent()).toBe("0 · —");

    for (const user of PEOPLE) await track(user, "signed_up");
    await expect
      .poll(
        async () => [...(await branchCounts()).values()].reduce((sum, b) => sum + b.entered, 0),
        { timeout: 30_000 },
      )
      .toBe(PEOPLE.length);
    let counts = await branchCounts();
    // The canvas follows without a reload (it refreshes every few seconds).
    for (const b of counts.values()) {
      await expect
        .poll(() => arm(page, b.branch).textContent(), { timeout: 15_000 })
        .toBe(figure("en", { ...b, converted: 0 }));
    }

    for (const user of BUYERS) await track(user, "purchased");
    await expect
      .poll(
        async () => [...(await branchCounts()).values()].reduce((sum, b) => sum + b.converted, 0),
        { timeout: 30_000 },
      )
      .toBe(BUYERS.length);
    counts = await branchCounts();
    for (const b of counts.values()) {
      await expect
        .poll(() => arm(page, b.branch).textContent(), { timeout: 15_000 })
        .toBe(figure("en", b));
      await expect
        .poll(() => arm(page, b.branch).getAttribute("title"))
        .toBe(
          `${b.entered} entered this branch, ${b.converted} of them converted (${percent("en", b.converted / b.entered)})`,
        );
    }
    // Both arms got someone, so the figures above are not about zeros.
    expect([...counts.values()].filter((b) => b.entered > 0).length).toBe(2);
    await expect
      .poll(() =>
        page.locator('.react-flow__node[data-id="subject-test"] .branch-legend').textContent(),
      )
      .toBe("Per branch: entered · conversion");

    await page.locator('.react-flow__node[data-id="subject-test"]').click();
    // Closer in, as a marketer reading the numbers would.
    await page.locator(".react-flow__controls-zoomin").click();
    await page.locator(".react-flow__controls-zoomin").click();
    await shot(page, "journey-ab-branch-figures");

    const context = await browser.newContext({
      viewport: VIEWPORT,
      storageState: await page.context().storageState(),
    });
    await context.addInitScript(() => window.localStorage.setItem("voronka.locale", "ru"));
    const ru = await context.newPage();
    await ru.goto(`${server.url}/journeys/${journeyId}`);
    for (const b of counts.values()) {
      await expect
        .poll(() => arm(ru, b.branch).textContent(), { timeout: 20_000 })
        .toBe(figure("ru", b));
    }
    await expect
      .poll(() =>
        ru.locator('.react-flow__node[data-id="subject-test"] .branch-legend').textContent(),
      )
      .toBe("По веткам: вошли · конверсия");
    await ru.locator(".react-flow__controls-zoomin").click();
    await ru.locator(".react-flow__controls-zoomin").click();
    await shot(ru, "journey-ab-branch-figures-ru");
  });

  it("shows the journey's quiet hours and send limit on the canvas and edits them there", async () => {
    const summary = page.getByTestId("journey-settings-summary");
    await expect.poll(() => summary.textContent()).toBe("No quiet hours, no send limit");
    await page.getByRole("button", { name: /Journey settings/ }).click();
    const dialog = page.getByRole("dialog", { name: "Journey settings" });
    await dialog.getByLabel("Quiet hours").check();
    await dialog.getByLabel("From").fill("22:00");
    await dialog.getByLabel("To").fill("07:00");
    await dialog.getByLabel("Send limit").check();
    await dialog.getByLabel("At most").fill("0");
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => dialog.getByRole("alert").textContent())
      .toBe("The limit is a whole number of 1 or more.");
    await dialog.getByLabel("At most").fill("2");
    await dialog.getByLabel("Period length").fill("1");
    await dialog.getByLabel("Period unit").selectOption("days");
    await shot(page, "journey-settings-dialog");
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => summary.textContent())
      .toBe("Quiet hours 22:00–07:00 · At most 2 messages per day");
    await expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved/);
    const saved = (await api("GET", `/api/journeys/${journeyId}`)) as {
      draft: { settings?: Record<string, unknown> };
    };
    expect(saved.draft.settings).toMatchObject({
      quietHours: { from: "22:00", to: "07:00" },
      frequencyCap: { max: 2, per: { amount: 1, unit: "days" } },
    });
    await shot(page, "journey-settings-on-canvas");

    // Publishing says what changed, and the new version carries the settings.
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const publish = page.getByRole("dialog", { name: "Publish this journey?" });
    await expect
      .poll(() => publish.getByTestId("publish-changes").textContent())
      .toMatch(/Quiet hours or the send limit changed/);
    await publish.getByRole("button", { name: "Publish" }).click();
    await expect
      .poll(async () => (await api("GET", `/api/journeys/${journeyId}`)).currentVersion)
      .toBe(2);
    const v2 = (await api("GET", `/api/journeys/${journeyId}/versions/2`)) as {
      graph: { settings: Record<string, unknown> };
    };
    expect(v2.graph.settings).toMatchObject({
      quietHours: { from: "22:00", to: "07:00" },
      frequencyCap: { max: 2, per: { amount: 1, unit: "days" } },
    });

    // Version 1 had none; looking at it shows its own settings, read-only.
    await page.getByLabel("Versions").selectOption("1");
    await expect.poll(() => summary.textContent()).toBe("No quiet hours, no send limit");
    await page.getByRole("button", { name: /Journey settings/ }).click();
    await expect.poll(() => dialog.getByLabel("Quiet hours").isDisabled()).toBe(true);
    await expect.poll(() => dialog.getByRole("button", { name: "Save settings" }).count()).toBe(0);
    await dialog.getByRole("button", { name: "Close" }).click();

    const context = await browser.newContext({
      viewport: VIEWPORT,
      storageState: await page.context().storageState(),
    });
    await context.addInitScript(() => window.localStorage.setItem("voronka.locale", "ru"));
    const ru = await context.newPage();
    await ru.goto(`${server.url}/journeys/${journeyId}`);
    await expect
      .poll(() => ru.getByTestId("journey-settings-summary").textContent(), { timeout: 20_000 })
      .toBe("Тихие часы 22:00–07:00 · Не больше 2 сообщений за день");
    await shot(ru, "journey-settings-on-canvas-ru");
    await ru.getByRole("button", { name: /Настройки цепочки/ }).click();
    await expect
      .poll(() => ru.getByRole("dialog", { name: "Настройки цепочки" }).isVisible())
      .toBe(true);
    await shot(ru, "journey-settings-dialog-ru");
  });
});
