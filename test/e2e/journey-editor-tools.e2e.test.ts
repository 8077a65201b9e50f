import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import { type Calls, calls, russianPage, signIn } from "../support/e2e-calls.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;
/** The same session in Russian, for the screenshots in the second language. */
let ru: Page;
const ids: Record<string, string> = {};

const VIEWPORT = { width: 1280, height: 800 };
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, `../fixtures/journeys/${name}.json`), "utf8"),
  );

const step = (id: string, type: string, x: number, y: number, data: object) => ({
  id,
  type,
  position: { x, y },
  data,
});

/** Three mistakes: a trigger with no event, an email with no template, shares adding up to 90%. */
const threeMistakes = {
  schemaVersion: 1,
  nodes: [
    step("signed-up", "trigger-event", 0, 120, { event: "" }),
    step("offer-test", "split", 300, 120, {
      branches: [
        { id: "a", name: "Discount", weight: 50 },
        { id: "b", name: "Free delivery", weight: 40 },
      ],
    }),
    step("discount-email", "send-email", 600, 0, { templateId: "" }),
    step("delivery-email", "send-email", 600, 240, { templateId: "free-delivery" }),
    step("done", "exit", 900, 120, {}),
  ],
  edges: [
    { id: "e1", source: "signed-up", sourceHandle: "out", target: "offer-test" },
    { id: "e2", source: "offer-test", sourceHandle: "a", target: "discount-email" },
    { id: "e3", source: "offer-test", sourceHandle: "b", target: "delivery-email" },
    { id: "e4", source: "discount-email", sourceHandle: "out", target: "done" },
    { id: "e5", source: "delivery-email", sourceHandle: "out", target: "done" },
  ],
};

let api: Calls["api"];
let track: Calls["track"];

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Aurora shop"));
  ({ api, track } = calls(server, tenant));
  await page.setViewportSize(VIEWPORT);
  // The template the missing one is fixed with: the step's picker lists the workspace's own.
  await api("POST", "/api/email/templates", {
    name: "Spring discount",
    slug: "spring-discount",
    subject: "Spring discount",
    mjml: "<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>",
  });
  ids.mistakes = (
    await api("POST", "/api/journeys", { name: "Spring offer", draft: threeMistakes })
  ).id;
  ids.cart = (
    await api("POST", "/api/journeys", { name: "Abandoned cart", draft: fixture("abandoned-cart") })
  ).id;
  ids.banquet = (
    await api("POST", "/api/journeys", { name: "Banquet hall sales", draft: fixture("banquet") })
  ).id;

  await signIn(page, server, tenant, "/journeys");

  ru = await russianPage(browser, page, VIEWPORT);
}, 120_000);

afterAll(() => stopE2e({ browser, server, database }));

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
const node = (p: Page, id: string) => p.locator(`.react-flow__node[data-id="${id}"]`);
const problems = () => page.getByRole("region", { name: "Problems to fix" });
const publishButton = () => page.getByRole("button", { name: "Publish", exact: true });
const panel = () => page.getByRole("region", { name: "Step settings" });

/** Clicks an empty part of the canvas, so shortcuts reach the editor and not a form field. */
async function focusCanvas() {
  const box = await page.locator(".editor-canvas").boundingBox();
  if (!box) throw new Error("no canvas");
  await page.mouse.click(box.x + box.width - 40, box.y + box.height / 2);
}

describe("journey editor: mistakes, tools, test run", () => {
  it("shows three mistakes as three badges and three list entries; fixing them enables publish", async () => {
    await page.goto(`${server.url}/journeys/${ids.mistakes}`);
    await expect.poll(() => page.locator(".react-flow__node").count(), { timeout: 20_000 }).toBe(5);
    await expect.poll(() => page.locator(".step-badge").count()).toBe(3);
    for (const id of ["signed-up", "offer-test", "discount-email"]) {
      await expect.poll(() => node(page, id).locator(".step-badge").textContent()).toBe("1");
    }
    await expect.poll(() => problems().locator(".problem").count()).toBe(3);
    await expect.poll(() => publishButton().isDisabled()).toBe(true);
    await shot(page, "journey-editor-three-mistakes");

    // Each list entry selects its step; the side panel's form fixes it.
    await problems()
      .getByRole("button", { name: /Not filled in: event name/ })
      .click();
    await expect.poll(() => node(page, "signed-up").getAttribute("class")).toMatch(/selected/);
    await panel().getByLabel("Event name").fill("signed_up");
    await expect.poll(() => page.locator(".step-badge").count()).toBe(2);

    await problems()
      .getByRole("button", { name: /percentages add up to 90/ })
      .click();
    await panel().getByLabel("Branch 2 share (%)").fill("50");
    await expect.poll(() => panel().getByText("Total: 100%").isVisible()).toBe(true);
    await expect.poll(() => page.locator(".step-badge").count()).toBe(1);
    await expect.poll(() => publishButton().isDisabled()).toBe(true);

    await problems()
      .getByRole("button", { name: /Not filled in: email template/ })
      .click();
    await panel().getByLabel("Email template").selectOption("spring-discount");
    await expect.poll(() => page.locator(".step-badge").count()).toBe(0);
    await expect.poll(() => problems().locator(".problem").count()).toBe(0);
    await expect.poll(() => publishButton().isDisabled()).toBe(false);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved/);
  });

  it("inserts a step dropped onto an arrow, undoes and redoes it, copies and pastes", async () => {
    // At 1280 px a drawn journey opens with the palette folded away, to give the canvas room.
    await expect.poll(() => page.locator(".palette").count()).toBe(0);
    await page.getByRole("button", { name: "Add a step", exact: true }).click();
    await expect.poll(() => page.locator(".palette").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Show all", exact: true }).click();
    await page.waitForTimeout(400); // the fit animates for 300 ms
    const canvasBox = await page.locator(".editor-canvas").boundingBox();
    const edgeBox = await page
      .locator('.react-flow__edge[data-id="e4"] path')
      .first()
      .boundingBox();
    if (!canvasBox || !edgeBox) throw new Error("canvas or arrow not found");
    await page
      .locator('.palette-item[data-step-type="wait"]')
      .dragTo(page.locator(".editor-canvas"), {
        targetPosition: {
          x: edgeBox.x + edgeBox.width / 2 - canvasBox.x,
          y: edgeBox.y + edgeBox.height / 2 - canvasBox.y,
        },
      });
    await expect.poll(() => node(page, "wait-1").isVisible()).toBe(true);
    // The arrow now runs email → wait → exit.
    await expect
      .poll(() => page.locator('.react-flow__edge[data-id="discount-email-out-wait-1"]').count())
      .toBe(1);
    await expect
      .poll(() => page.locator('.react-flow__edge[data-id="wait-1-out-done"]').count())
      .toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge[data-id="e4"]').count()).toBe(0);

    await focusCanvas();
    await page.keyboard.press("Control+z");
    await expect.poll(() => node(page, "wait-1").count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__edge[data-id="e4"]').count()).toBe(1);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => node(page, "wait-1").count()).toBe(1);

    await node(page, "delivery-email").click();
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect.poll(() => node(page, "send-email-1").count()).toBe(1);
    await expect
      .poll(() => node(page, "send-email-1").locator(".step-summary").textContent())
      .toBe("Template “free-delivery”");
    // The copy is unconnected, so the checker asks for it to be reached.
    await expect.poll(() => node(page, "send-email-1").locator(".step-badge").count()).toBe(1);
    await page.getByRole("button", { name: /Undo/ }).click();
    await expect.poll(() => node(page, "send-email-1").count()).toBe(0);
    await expect.poll(() => publishButton().isDisabled()).toBe(false);

    await page.getByRole("button", { name: "Tidy up" }).click();
    await expect.poll(() => node(page, "wait-1").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved/);
  });

  it("publishes with a summary of changes, opens a version read-only and shows live counts", async () => {
    await publishButton().click();
    let dialog = page.getByRole("dialog", { name: "Publish this journey?" });
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.locator(".editor-header .badge").textContent()).toBe("Live");

    await node(page, "done").click();
    await panel().getByLabel("Reason (optional)").fill("offer sent");
    await expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved/);
    await publishButton().click();
    dialog = page.getByRole("dialog", { name: "Publish this journey?" });
    await expect
      .poll(() => dialog.getByTestId("publish-changes").textContent())
      .toMatch(/1 step changed/);
    await shot(page, "journey-publish-summary");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByLabel("Versions").selectOption("1");
    await expect.poll(() => page.getByText(/You are looking at version 1/).isVisible()).toBe(true);
    await expect.poll(() => page.locator(".palette").count()).toBe(0);
    await expect.poll(() => node(page, "done").locator(".step-summary").count()).toBe(0);
    await page.getByRole("button", { name: "Back to the draft" }).click();
    await expect
      .poll(() => node(page, "done").locator(".step-summary").textContent())
      .toBe("offer sent");

    await page.locator(".menu > summary").click();
    await page.getByRole("menuitem", { name: "Stop" }).click();
    dialog = page.getByRole("dialog", { name: "Stop this journey?" });
    await expect.poll(() => dialog.textContent()).toMatch(/leaves it now/);
    await dialog.getByRole("button", { name: "Cancel" }).click();

    for (const user of ["ann", "bob", "cat"]) await track(user, "signed_up");
    await expect
      .poll(() => node(page, "signed-up").locator(".step-counts").textContent(), {
        timeout: 30_000,
      })
      .toMatch(/3 entered/);
    await node(page, "offer-test").click();
    // Closer in, as a marketer reading the numbers would.
    await page.locator(".react-flow__controls-zoomin").click();
    await page.locator(".react-flow__controls-zoomin").click();
    await shot(page, "journey-live-stats");
    await ru.goto(`${server.url}/journeys/${ids.mistakes}`);
    await expect
      .poll(() => node(ru, "signed-up").locator(".step-counts").textContent(), { timeout: 15_000 })
      .toMatch(/3 вошли/);
    await shot(ru, "journey-live-stats-ru");
  });

  it("test-runs the abandoned cart: the path lights up and the effects are listed", async () => {
    await page.goto(`${server.url}/journeys/${ids.cart}`);
    await expect
      .poll(() => page.locator(".react-flow__node").count(), { timeout: 20_000 })
      .toBe(11);
    await page.getByRole("button", { name: "Test run" }).click();
    const run = page.getByRole("region", { name: "Test run" });
    await run.getByTestId("contact-fields").getByLabel("Field 1").fill("first_name");
    await run.getByTestId("contact-fields").getByLabel("Value 1").fill("Anna");
    await run.getByRole("button", { name: "Add a detail" }).click();
    await run.getByTestId("trigger-details").getByLabel("Field 1").fill("cartValue");
    await run.getByTestId("trigger-details").getByLabel("Value 1").fill("150");
    await run.getByRole("button", { name: "+ Time passes" }).click();
    await run.getByLabel("Time passes 1", { exact: true }).fill("26");
    await run.getByLabel("Time passes 1 unit").selectOption("hours");
    await run.getByRole("button", { name: "+ Contact does something" }).click();
    await run.getByLabel("Event name 2").fill("order_completed");
    await run.getByRole("button", { name: "Run test" }).click();

    await expect
      .poll(() => run.getByTestId("test-run-outcome").textContent())
      .toMatch(/Reached the goal “Purchased”/);
    await expect.poll(() => run.getByText("Email “cart-reminder” sent").isVisible()).toBe(true);
    await expect
      .poll(() => node(page, "goal-purchased").locator(".step").getAttribute("class"))
      .toMatch(/step-traced/);
    await expect
      .poll(() => node(page, "cart-abandoned").locator(".step-order").textContent())
      .toBe("1");
    await expect
      .poll(() => node(page, "sms-cart-reminder").locator(".step").getAttribute("class"))
      .toMatch(/step-untraced/);
    await expect
      .poll(() => page.locator(".react-flow__edge.edge-traced").count())
      .toBeGreaterThan(3);
    await shot(page, "journey-test-run");
    // Path entries focus their step on the canvas.
    await run
      .getByRole("button", { name: /Purchased/ })
      .first()
      .click();
    await expect
      .poll(() => node(page, "goal-purchased").locator(".step").getAttribute("class"))
      .toMatch(/selected/);
  });

  it("shows the list, the banquet journey and the side panel in English and Russian", async () => {
    await page.goto(`${server.url}/journeys`);
    await expect.poll(() => page.getByRole("row").count(), { timeout: 20_000 }).toBe(4);
    await shot(page, "journeys-list-1280");
    await ru.goto(`${server.url}/journeys`);
    await expect
      .poll(() => ru.getByRole("heading", { name: "Цепочки" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => ru.getByText("Работает").first().isVisible()).toBe(true);
    await shot(ru, "journeys-list-ru");

    await page.goto(`${server.url}/journeys/${ids.banquet}`);
    await expect
      .poll(() => page.locator(".react-flow__node").count(), { timeout: 20_000 })
      .toBe(38);
    await shot(page, "journey-banquet-1280");
    await page.locator(".react-flow__node-wait-for-event").first().click();
    await expect.poll(() => panel().getByLabel("Event name").isVisible()).toBe(true);
    await shot(page, "journey-side-panel-1280");

    await ru.goto(`${server.url}/journeys/${ids.banquet}`);
    await expect.poll(() => ru.locator(".react-flow__node").count(), { timeout: 20_000 }).toBe(38);
    // At 1280 px the drawn journey gets the width; the palette waits behind "Добавить шаг".
    await expect
      .poll(() => ru.getByRole("button", { name: "Добавить шаг", exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => ru.locator(".palette").count()).toBe(0);
    await shot(ru, "journey-banquet-ru");
    await ru.locator(".react-flow__node-wait-for-event").first().click();
    await expect
      .poll(() => ru.getByRole("region", { name: "Настройки шага" }).locator(".panel-form").count())
      .toBe(1);
    await shot(ru, "journey-side-panel-ru");

    await ru.goto(`${server.url}/journeys/${ids.cart}`);
    await ru.getByRole("button", { name: "Проверить" }).click();
    const run = ru.getByRole("region", { name: "Тестовый прогон" });
    await run.getByRole("button", { name: "Добавить значение" }).click();
    await run.getByTestId("trigger-details").getByLabel("Поле 1").fill("cartValue");
    await run.getByTestId("trigger-details").getByLabel("Значение 1").fill("40");
    await run.getByRole("button", { name: "+ Проходит время" }).click();
    await run.getByLabel("Проходит время 1", { exact: true }).fill("3");
    await run.getByRole("button", { name: "Запустить" }).click();
    await expect
      .poll(() => run.getByTestId("test-run-outcome").textContent())
      .toMatch(/Вышел из цепочки|Всё ещё ждёт/);
    await shot(ru, "journey-test-run-ru");
  });
});
