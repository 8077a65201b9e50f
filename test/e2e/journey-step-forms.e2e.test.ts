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

const VIEWPORT = { width: 1280, height: 900 };

const step = (id: string, type: string, x: number, y: number, data: object) => ({
  id,
  type,
  position: { x, y },
  data,
});

/**
 * Every trigger kind into one chain of actions, each step as the palette adds it (nothing
 * filled in): the test fills them all through their forms.
 */
const TRIGGERS = [
  step("lead", "trigger-lead", 0, 0, { channels: [] }),
  step("stage", "trigger-stage", 0, 140, { funnel: "", on: "entered" }),
  step("field", "trigger-attribute", 0, 280, { attribute: "" }),
  step("date", "trigger-date", 0, 420, {
    attribute: "",
    offset: { amount: 0, unit: "days" },
    at: "09:00",
    yearly: false,
  }),
  step("segment", "trigger-segment", 0, 560, { segment: "" }),
  step("manual", "trigger-manual", 0, 700, {}),
];
const ACTIONS = [
  step("audience", "audience", 400, 0, { audienceId: "", action: "add" }),
  step("update", "update-contact", 400, 140, {}),
  step("notify", "notify-manager", 400, 280, { via: "task", message: "" }),
  step("hook", "webhook", 400, 420, { url: "", method: "POST", awaitResponse: false }),
  step("lost", "mark-lost", 400, 560, { funnel: "", reason: "" }),
  step("email", "send-email", 400, 700, { templateId: "" }),
  step("done", "exit", 400, 840, {}),
];
const draft = {
  schemaVersion: 1,
  nodes: [...TRIGGERS, ...ACTIONS],
  edges: [
    ...TRIGGERS.map((t) => ({
      id: `e-${t.id}`,
      source: t.id,
      sourceHandle: "out",
      target: "audience",
    })),
    ...ACTIONS.slice(1).map((a, i) => ({
      id: `e-${a.id}`,
      source: ACTIONS[i]?.id ?? "",
      sourceHandle: "out",
      target: a.id,
    })),
  ],
};

let api: Calls["api"];

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall"));
  ({ api } = calls(server, tenant));
  await page.setViewportSize(VIEWPORT);
  const funnel = await api("POST", "/api/funnels", {
    name: "Banquet sales",
    stages: ["First contact", "Offer sent", "Contract"],
    lostReasons: ["Too expensive", "Chose a competitor"],
  });
  ids.funnel = funnel.id;
  ids.offerSent = funnel.stages.find((s: { name: string }) => s.name === "Offer sent").id;
  ids.audience = (await api("POST", "/api/audiences", { name: "Banquet leads" })).id;
  ids.journey = (await api("POST", "/api/journeys", { name: "Every step", draft })).id;
  // The send-email form renders the chosen template for the workspace's first contact.
  await api("POST", "/api/contacts", { email: "anna@example.com", firstName: "Anna" });
  await api("POST", "/api/email/templates", {
    name: "Banquet offer",
    slug: "banquet-offer",
    subject: "Your banquet, {{ contact.firstName }}",
    mjml: '<mjml><mj-body><mj-section><mj-column><mj-text font-size="28px">Banquet menu inside</mj-text></mj-column></mj-section></mj-body></mjml>',
  });

  await signIn(page, server, tenant, "/journeys");

  ru = await russianPage(browser, page, VIEWPORT);
}, 120_000);

afterAll(() => stopE2e({ browser, server, database }));

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
const node = (p: Page, id: string) => p.locator(`.react-flow__node[data-id="${id}"]`);
const problems = () => page.getByRole("region", { name: "Problems to fix" });
const panel = () => page.getByRole("region", { name: "Step settings" });
const summary = (id: string) => node(page, id).locator(".step-summary").textContent();
const saved = () =>
  expect.poll(() => page.getByTestId("save-state").textContent()).toMatch(/Saved/);

async function open(id: string) {
  await node(page, id).click();
  await expect.poll(() => node(page, id).getAttribute("class")).toMatch(/selected/);
  // Every step here has a form: the JSON settings stay folded away.
  await expect.poll(() => panel().locator("details[open]").count()).toBe(0);
}

describe("journey editor: forms for triggers, funnel, audience and team steps", () => {
  it("fills every step through its form; the saved draft has the data and no problems", async () => {
    await page.goto(`${server.url}/journeys/${ids.journey}`);
    await expect
      .poll(() => page.locator(".react-flow__node").count(), { timeout: 20_000 })
      .toBe(13);
    await expect.poll(() => problems().locator(".problem").count()).toBeGreaterThan(5);

    await open("lost");
    await panel().getByLabel("Funnel").selectOption({ label: "Banquet sales" });
    await panel().getByLabel("Lost reason").selectOption("Too expensive");
    await expect.poll(() => summary("lost")).toBe("Reason: Too expensive");
    await shot(page, "journey-form-mark-lost");

    await open("audience");
    await panel().getByLabel("What to do").selectOption("remove");
    await panel().getByLabel("Ad audience").selectOption({ label: "Banquet leads" });
    await expect.poll(() => summary("audience")).toBe("Remove from ad audience");
    await shot(page, "journey-form-audience");

    await open("lead");
    await panel().getByLabel("Web form").check();
    await panel().getByLabel("Phone call").check();
    await expect.poll(() => summary("lead")).toBe("A lead from Web form, Phone call");

    await open("stage");
    await panel().getByLabel("Funnel").selectOption({ label: "Banquet sales" });
    await panel().getByLabel("Stage", { exact: true }).selectOption({ label: "Offer sent" });
    await expect.poll(() => summary("stage")).toBe("When a stage is entered");
    await shot(page, "journey-form-trigger-stage");

    await open("field");
    await panel().getByLabel("Contact field").fill("plan");
    await expect.poll(() => summary("field")).toBe("When “plan” changes");

    await open("date");
    await panel().getByLabel("Date field").fill("birthday");
    await panel().getByLabel("When").selectOption("before");
    await panel().getByLabel("Amount").fill("3");
    await panel().getByLabel("At (contact's local time)").fill("10:30");
    await panel()
      .getByLabel(/Every year/)
      .check();
    await expect.poll(() => summary("date")).toBe("3 days before “birthday”");
    await shot(page, "journey-form-trigger-date");

    await open("segment");
    await panel().getByLabel("Segment").fill("vip");
    await open("manual");
    await expect
      .poll(() =>
        panel()
          .getByText(/only when someone adds them/)
          .isVisible(),
      )
      .toBe(true);

    await open("update");
    await panel().getByRole("button", { name: "+ Set a field" }).click();
    await panel().getByLabel("Field 1", { exact: true }).fill("plan");
    await panel().getByLabel("Value 1", { exact: true }).fill("banquet");
    await panel().getByLabel("Add tags").fill("hot, banquet");
    await panel().getByLabel("Add points").fill("10");
    await expect.poll(() => summary("update")).toBe("plan = banquet, + hot, banquet, +10 points");
    await shot(page, "journey-form-update-contact");

    await open("notify");
    await panel().getByLabel("How to notify").selectOption("email");
    await panel().getByLabel("Message for the manager").fill("Call back about the banquet");
    await panel().getByLabel("For whom").selectOption({ index: 1 });
    await expect
      .poll(() => panel().getByLabel("For whom").locator("option:checked").textContent())
      .toContain(tenant.email);
    await shot(page, "journey-form-notify-manager");
    await expect
      .poll(() => summary("notify"))
      .toBe("Email to manager: Call back about the banquet");

    await open("hook");
    await panel().getByLabel("Address (URL)").fill("https://crm.example.com/hooks/voronka");
    await panel().getByLabel("Method").selectOption("PUT");
    await panel().getByLabel("Body (optional)").fill('{"deal":"banquet"}');
    await panel()
      .getByLabel(/Wait for the response/)
      .check();
    await shot(page, "journey-form-webhook");

    await open("email");
    await panel().getByLabel("Email template").selectOption("banquet-offer");
    const glance = panel().getByTestId("template-glance");
    await expect
      .poll(() => glance.locator("figcaption").textContent())
      .toMatch(/^Subject: Your banquet, Anna/);
    await expect
      .poll(() => glance.frameLocator("iframe").getByText("Banquet menu inside").isVisible())
      .toBe(true);
    await shot(page, "journey-form-send-email-preview");

    await expect.poll(() => problems().locator(".problem").count()).toBe(0);
    await expect.poll(() => page.locator(".step-badge").count()).toBe(0);
    await saved();

    const journey = await api("GET", `/api/journeys/${ids.journey}`);
    const data = (id: string) => journey.draft.nodes.find((n: { id: string }) => n.id === id)?.data;
    expect(data("lost")).toEqual({ funnel: ids.funnel, reason: "Too expensive" });
    expect(data("audience")).toEqual({ audienceId: ids.audience, action: "remove" });
    expect(data("lead")).toEqual({ channels: ["web-form", "phone"] });
    expect(data("stage")).toEqual({ funnel: ids.funnel, on: "entered", stage: ids.offerSent });
    expect(data("field")).toEqual({ attribute: "plan" });
    expect(data("date")).toEqual({
      attribute: "birthday",
      offset: { amount: -3, unit: "days" },
      at: "10:30",
      yearly: true,
    });
    expect(data("segment")).toEqual({ segment: "vip" });
    expect(data("update")).toMatchObject({
      set: { plan: "banquet" },
      addTags: ["hot", "banquet"],
      addPoints: 10,
    });
    expect(data("notify")).toEqual({
      via: "email",
      message: "Call back about the banquet",
      assignee: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(data("hook")).toEqual({
      url: "https://crm.example.com/hooks/voronka",
      method: "PUT",
      body: '{"deal":"banquet"}',
      awaitResponse: true,
    });
    await expect
      .poll(() => page.getByRole("button", { name: "Publish", exact: true }).isDisabled())
      .toBe(false);
  });

  it("shows the forms in Russian", async () => {
    await ru.goto(`${server.url}/journeys/${ids.journey}`);
    await expect.poll(() => ru.locator(".react-flow__node").count(), { timeout: 20_000 }).toBe(13);
    const ruPanel = () => ru.getByRole("region", { name: "Настройки шага" });
    await node(ru, "lost").click();
    await expect
      .poll(() => ruPanel().getByLabel("Причина проигрыша").inputValue())
      .toBe("Too expensive");
    await expect
      .poll(() => node(ru, "lost").locator(".step-summary").textContent())
      .toBe("Причина: Too expensive");
    await shot(ru, "journey-form-mark-lost-ru");
    await node(ru, "update").click();
    await expect
      .poll(() => ruPanel().getByLabel("Поле 1", { exact: true }).inputValue())
      .toBe("plan");
    await shot(ru, "journey-form-update-contact-ru");
    await node(ru, "date").click();
    await expect.poll(() => ruPanel().getByLabel("Поле с датой").inputValue()).toBe("birthday");
    await shot(ru, "journey-form-trigger-date-ru");
    await node(ru, "lead").click();
    await expect.poll(() => ruPanel().getByLabel("Форма на сайте").isChecked()).toBe(true);
    await shot(ru, "journey-form-trigger-lead-ru");
    await node(ru, "manual").click();
    await expect
      .poll(() =>
        ruPanel()
          .getByText(/только когда их добавляют/)
          .isVisible(),
      )
      .toBe(true);
    await shot(ru, "journey-form-trigger-manual-ru");
  });
});
