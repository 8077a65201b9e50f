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

let track: Calls["track"];

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Aurora shop"));
  ({ track } = calls(server, tenant));
});

afterAll(() => stopE2e({ browser, server, database }));

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const canvas = () => page.locator(".editor-canvas");
const problems = () => page.getByRole("region", { name: "Problems to fix" });

/** Drags a palette item onto the canvas at a point relative to the canvas. */
async function dropStep(type: string, x: number, y: number) {
  await page
    .locator(`.palette-item[data-step-type="${type}"]`)
    .dragTo(canvas(), { targetPosition: { x, y } });
}

/** Draws an edge with the mouse from an output handle to a step's input handle. */
async function connect(fromSelector: string, toId: string) {
  const from = await page.locator(fromSelector).boundingBox();
  const to = await node(toId).locator(".react-flow__handle.target").boundingBox();
  if (!from || !to) throw new Error(`handles not found: ${fromSelector} → ${toId}`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Sends a Segment track call with the write key, as a website would. */

describe("the journey editor", () => {
  it("starts from a plain empty state and creates a blank journey", async () => {
    await page.goto(`${server.url}/journeys`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/journeys$/);
    await visible("No journeys yet — draw your first one").toBe(true);
    await shot("journeys-empty");

    await page.getByRole("button", { name: "Create your first journey" }).click();
    const dialog = page.getByRole("dialog", { name: "New journey" });
    await dialog.getByLabel("Journey name").fill("Welcome series");
    await shot("journey-new-dialog");
    await dialog.getByRole("button", { name: "Create journey" }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    await visible("Start with a trigger from the list on the left: it decides who enters.").toBe(
      true,
    );
    await visible("Add a trigger: without one, no contact can enter this journey.").toBe(true);
    await shot("journey-editor-empty");
  });

  it("builds trigger → wait → exit with the mouse and fixes what the checker reports", async () => {
    await dropStep("trigger-event", 150, 140);
    await dropStep("wait", 450, 140);
    await dropStep("exit", 450, 330);
    for (const id of ["trigger-event-1", "wait-1", "exit-1"]) {
      await expect.poll(() => node(id).isVisible(), { message: id }).toBe(true);
    }
    // Nothing is connected and the trigger has no event: each step carries a badge.
    await expect.poll(() => node("trigger-event-1").locator(".step-badge").textContent()).toBe("2");
    await expect.poll(() => node("wait-1").locator(".step-badge").isVisible()).toBe(true);

    await connect('[data-id="trigger-event-1"] .react-flow__handle.source', "wait-1");
    await connect('[data-id="wait-1"] .react-flow__handle.source', "exit-1");
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    await expect.poll(() => node("wait-1").locator(".step-badge").count()).toBe(0);
    await expect.poll(() => node("exit-1").locator(".step-badge").count()).toBe(0);

    // The one problem left is the trigger's missing event; clicking it selects the step.
    const entry = problems().getByRole("button", { name: /Not filled in: event name/ });
    await expect.poll(() => entry.isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole("button", { name: "Publish", exact: true }).isDisabled())
      .toBe(true);
    await entry.click();
    await expect.poll(() => node("trigger-event-1").getAttribute("class")).toMatch(/selected/);
    await shot("journey-editor-problem");

    const panel = page.getByRole("region", { name: "Step settings" });
    await panel.getByLabel("Event name").fill("signed_up");
    await expect.poll(() => node("trigger-event-1").locator(".step-badge").count()).toBe(0);
    await visible("No problems — ready to publish.").toBe(true);
    await visible("When “signed_up” happens").toBe(true);

    await node("wait-1").click();
    await panel.getByLabel("Amount").fill("2");
    await panel.getByLabel("Unit").selectOption("hours");
    await visible("For 2 hours").toBe(true);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved/);
    await shot("journey-editor-side-panel");
  });

  it("keeps the draft after a reload, publishes it and shows it Live", async () => {
    await page.reload();
    await expect.poll(() => node("exit-1").isVisible()).toBe(true);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    await visible("For 2 hours").toBe(true);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this journey?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot("journey-publish-confirm");
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator(".editor-header .badge").textContent()).toBe("Live");
    await expect
      .poll(() => page.getByLabel("Versions").locator("option:checked").textContent())
      .toBe("Draft · live version 1");
  });

  it("shows live counts on the canvas as contacts enter", async () => {
    await track("ann-1", "signed_up");
    await track("bob-2", "signed_up");
    await expect
      .poll(() => node("trigger-event-1").locator(".step-counts").textContent(), {
        timeout: 30_000,
      })
      .toMatch(/2 entered/);
    await expect
      .poll(() => node("wait-1").locator(".step-counts").textContent(), { timeout: 15_000 })
      .toMatch(/2 waiting/);
    await shot("journey-live-counts");
  });

  it("pauses and resumes with a confirmation", async () => {
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Pause this journey?" });
    await dialog.getByRole("button", { name: "Pause", exact: true }).click();
    await expect.poll(() => page.locator(".editor-header .badge").textContent()).toBe("Paused");
    await page.getByRole("button", { name: "Resume", exact: true }).click();
    await expect.poll(() => page.locator(".editor-header .badge").textContent()).toBe("Live");
  });

  it("creates a journey from a template and lists both", async () => {
    await page.getByRole("link", { name: "← Journeys" }).click();
    await page.waitForURL(/\/journeys$/);
    await page.getByRole("button", { name: "New journey" }).click();
    const dialog = page.getByRole("dialog", { name: "New journey" });
    await dialog.getByLabel(/Banquet hall sales/).check();
    await dialog.getByRole("button", { name: "Create journey" }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(38);
    await expect
      .poll(() => page.getByLabel("Journey name").inputValue())
      .toBe("Banquet hall sales");
    await shot("journey-editor-banquet");

    await page.getByRole("link", { name: "← Journeys" }).click();
    await page.waitForURL(/\/journeys$/);
    const row = page.getByRole("row", { name: /Welcome series/ });
    await expect.poll(() => row.getByText("Live").isVisible()).toBe(true);
    await expect.poll(() => row.getByText("v1").isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole("row", { name: /Banquet hall sales/ })
          .getByText("Draft")
          .isVisible(),
      )
      .toBe(true);
    await shot("journeys-list");
  });
});
