import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

const STAGES = [
  "First contact",
  "Offer sent",
  "Presentation booked",
  "Presentation",
  "Contract",
  "Payment",
  "After the event",
];

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora"));
});

afterAll(() => stopE2e({ browser, server, database }));

/** Screenshots the page; `whole` grows the window to the page's height, so sticky parts stay put. */
async function shot(name: string, whole = false) {
  if (whole) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1440, height: Math.max(900, Math.min(height, 4000)) });
  }
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  if (whole) await page.setViewportSize({ width: 1440, height: 900 });
}

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

/** Sends a Segment call with the write key, as a website would. */
async function segment(kind: "identify" | "track", body: unknown) {
  const res = await fetch(`${server.url}/v1/${kind}`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${tenant.writeKey}:`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/v1/${kind}: ${res.status} ${await res.text()}`);
}

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

const column = (name: string) => page.getByRole("region", { name, exact: true });

let funnelId = "";
const ids = { anna: "", boris: "", clara: "" };

describe("the funnel board", () => {
  it("starts with a plain empty state and creates a 7-stage funnel", async () => {
    await page.goto(`${server.url}/funnels`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/funnels$/);
    await visible("No funnels yet — create your first funnel").toBe(true);
    await shot("funnels-empty");

    await page.getByRole("link", { name: "Create your first funnel" }).click();
    await page.waitForURL(/\/funnels\/new$/);
    await page.getByLabel("Funnel name").fill("Banquet hall sales");
    for (let i = 3; i < STAGES.length; i++) {
      await page.getByRole("button", { name: "Add a stage" }).click();
    }
    for (const [i, name] of STAGES.entries()) {
      await page.getByLabel(`Stage ${i + 1}`, { exact: true }).fill(name);
    }
    await page.getByLabel("Stalled after (days)").fill("7");
    await shot("funnel-new", true);
    await page.getByRole("button", { name: "Create funnel" }).click();

    await page.waitForURL(/\/funnels\/[0-9a-f-]{36}$/);
    funnelId = page.url().split("/").at(-1) ?? "";
    for (const name of [...STAGES, "Won", "Lost"]) {
      await expect.poll(() => column(name).isVisible(), { message: name }).toBe(true);
    }
    await visible("No contacts in this stage.").toBe(true);
  });

  it("shows contacts from the website and the API in their stage, stalled ones highlighted", async () => {
    await segment("identify", {
      userId: "anna-1",
      traits: { email: "anna@example.com", firstName: "Anna", lastName: "Petrova" },
    });
    await segment("track", {
      userId: "anna-1",
      event: "Viewed Product",
      properties: { product: "Grand hall", guests: 80 },
    });
    const boris = await apiCall<{ id: string }>("POST", "/api/contacts", {
      email: "boris@example.com",
      firstName: "Boris",
      lastName: "Sokolov",
      source: "telegram",
    });
    const clara = await apiCall<{ id: string }>("POST", "/api/contacts", {
      phone: "+7 999 123-45-67",
      name: "Clara Weiss",
      source: "web_form",
    });
    ids.boris = boris.id;
    ids.clara = clara.id;
    await expect
      .poll(async () => {
        const list = await apiCall<{ data: { id: string }[] }>("GET", "/api/contacts?q=anna");
        ids.anna = list.data[0]?.id ?? "";
        return ids.anna;
      })
      .not.toBe("");

    const funnel = await apiCall<{ stages: { id: string; name: string }[] }>(
      "GET",
      `/api/funnels/${funnelId}`,
    );
    const first = funnel.stages.find((s) => s.name === "First contact");
    for (const contactId of Object.values(ids)) {
      await apiCall("POST", `/api/funnels/${funnelId}/moves`, { contactId, stageId: first?.id });
    }
    // Clara has waited at the first stage for ten days: longer than the funnel's seven.
    await database.pool.query(
      "update contact_stages set entered_at = now() - interval '10 days' where workspace_id = $1 and contact_id = $2",
      [tenant.workspaceId, ids.clara],
    );

    await page.reload();
    const firstColumn = column("First contact");
    for (const name of ["Anna Petrova", "Boris Sokolov", "Clara Weiss"]) {
      await expect
        .poll(() => firstColumn.getByRole("link", { name }).isVisible(), { message: name })
        .toBe(true);
    }
    const claraCard = page.locator(`[data-contact-id="${ids.clara}"]`);
    await expect.poll(() => claraCard.getByText("Stalled").isVisible()).toBe(true);
    await expect.poll(() => claraCard.getByText("10 days in stage").isVisible()).toBe(true);
    await expect.poll(() => firstColumn.locator(".board-count").textContent()).toMatch(/^3/);
    await shot("board-with-contacts");
  });

  it("moves a card across two stages by dragging it", async () => {
    const anna = page.locator(`[data-contact-id="${ids.anna}"]`);
    await anna.dragTo(column("Offer sent"));
    await expect
      .poll(() => column("Offer sent").getByRole("link", { name: "Anna Petrova" }).isVisible())
      .toBe(true);
    await visible("Anna Petrova moved to Offer sent.").toBe(true);

    await page.locator(`[data-contact-id="${ids.anna}"]`).dragTo(column("Presentation booked"));
    await expect
      .poll(() =>
        column("Presentation booked").getByRole("link", { name: "Anna Petrova" }).isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() => column("Offer sent").getByText("No contacts in this stage.").isVisible())
      .toBe(true);
    await expect
      .poll(() => column("First contact").locator(".board-count").textContent())
      .toMatch(/^2/);
  });

  it("marks a contact lost with a reason after dropping it on Lost", async () => {
    await page.locator(`[data-contact-id="${ids.boris}"]`).dragTo(column("Lost"));
    const dialog = page.getByRole("dialog", { name: "Mark Boris Sokolov as lost" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Mark lost" }).click();
    await expect
      .poll(() => dialog.getByText("Choose why the deal was lost.").isVisible())
      .toBe(true);
    await dialog.getByLabel("Too expensive").check();
    await dialog.getByLabel("Note (optional)").fill("Found a cheaper hall nearby");
    await shot("board-lost-dialog");
    await dialog.getByRole("button", { name: "Mark lost" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => column("Lost").getByRole("link", { name: "Boris Sokolov" }).isVisible())
      .toBe(true);
    await visible("Boris Sokolov marked lost.").toBe(true);
  });

  it("moves a card with the keyboard-friendly “Move to…” menu", async () => {
    await page.getByRole("button", { name: "Move Clara Weiss to…" }).click();
    const dialog = page.getByRole("dialog", { name: "Move Clara Weiss" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel("Move to").selectOption({ label: "Contract" });
    await dialog.getByRole("button", { name: "Move", exact: true }).click();
    await expect
      .poll(() => column("Contract").getByRole("link", { name: "Clara Weiss" }).isVisible())
      .toBe(true);
    await shot("board-after-moves");
  });

  it("shows the history on the contact card in plain words", async () => {
    await column("Presentation booked").getByRole("link", { name: "Anna Petrova" }).click();
    await page.waitForURL(new RegExp(`/contacts/${ids.anna}$`));
    await visible("Moved from Offer sent to Presentation booked · by a user").toBe(true);
    await visible("Moved from First contact to Offer sent · by a user").toBe(true);
    await visible("Entered First contact · through the API").toBe(true);
    await visible("Viewed Product").toBe(true);
    await expect
      .poll(() => page.getByRole("heading", { name: "Anna Petrova" }).isVisible())
      .toBe(true);
    await shot("contact-card-anna", true);

    await page.goto(`${server.url}/contacts/${ids.boris}`);
    await visible("Marked lost at First contact · by a user").toBe(true);
    await visible(/Reason: Too expensive · “Found a cheaper hall nearby”/).toBe(true);
    await shot("contact-card-boris", true);
  });

  it("lists contacts with search and a stage filter", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Contacts" })
      .click();
    await page.waitForURL(/\/contacts$/);
    for (const name of ["Anna Petrova", "Boris Sokolov", "Clara Weiss"]) {
      await expect
        .poll(() => page.getByRole("link", { name }).isVisible(), { message: name })
        .toBe(true);
    }
    await shot("contacts-list");

    await page.getByLabel("Funnel").selectOption({ label: "Banquet hall sales" });
    await page.getByLabel("Stage").selectOption({ label: "Contract" });
    await expect
      .poll(() => page.getByRole("link", { name: "Anna Petrova" }).isVisible())
      .toBe(false);
    await expect.poll(() => page.getByRole("link", { name: "Clara Weiss" }).isVisible()).toBe(true);

    await page.goto(`${server.url}/contacts`);
    await page.getByLabel("Source").selectOption({ label: "Telegram" });
    await page.waitForURL(/source=telegram/);
    await expect
      .poll(() => page.getByRole("link", { name: "Clara Weiss" }).isVisible())
      .toBe(false);
    await expect
      .poll(() => page.getByRole("link", { name: "Boris Sokolov" }).isVisible())
      .toBe(true);
    await shot("contacts-filtered");

    await page.goto(`${server.url}/contacts?q=nobody-here`);
    await visible("No contacts match these filters.").toBe(true);

    await page.goto(`${server.url}/contacts/00000000-0000-4000-8000-000000000000`);
    await visible("This contact doesn't exist in this workspace").toBe(true);
    await page.goto(`${server.url}/funnels/not-a-funnel`);
    await visible("This funnel doesn't exist in this workspace").toBe(true);
  });

  it("edits stages and lost reasons in the funnel settings", async () => {
    await page.goto(`${server.url}/funnels/${funnelId}/settings`);
    await visible("Lost reasons").toBe(true);
    await page.getByLabel("New lost reason").fill("Date not available");
    await page.getByRole("button", { name: "Add reason" }).click();
    await visible("Date not available").toBe(true);

    await page.getByLabel("New stage").fill("Follow-up call");
    await page.getByRole("button", { name: "Add stage" }).click();
    await expect.poll(() => page.getByLabel("Name of stage Follow-up call").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Move Follow-up call up" }).click();
    // A stage with contacts in it cannot be deleted: the server's reason is shown.
    await page.getByRole("button", { name: "Delete Contract" }).click();
    await visible("Contacts are in this stage. Move them to another stage first.").toBe(true);
    await shot("funnel-settings", true);

    await page.getByRole("link", { name: "← Back to the board" }).click();
    await expect.poll(() => column("Follow-up call").isVisible()).toBe(true);

    await page.getByRole("link", { name: "← Funnels" }).click();
    await page.waitForURL(/\/funnels$/);
    await expect
      .poll(() => page.getByRole("link", { name: /Banquet hall sales/ }).isVisible())
      .toBe(true);
    await shot("funnels-list");
  });

  it("shows the funnel screens in Russian", async () => {
    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await visible("Воронки").toBe(true);
    await visible("Новая воронка").toBe(true);
    await shot("funnels-list.ru");

    await page.goto(`${server.url}/funnels/${funnelId}`);
    await visible(/Перетащите карточку в другую колонку/).toBe(true);
    await expect.poll(() => page.getByText("Загружаем…").count()).toBe(0);
    await shot("board-after-moves.ru");

    await page.goto(`${server.url}/funnels/${funnelId}/settings`);
    await visible("Причины проигрыша").toBe(true);
    await shot("funnel-settings.ru", true);

    await page.goto(`${server.url}/contacts/${ids.anna}`);
    await visible("Хронология").toBe(true);
    await visible(/Переведён из «/).toBe(true);
    await shot("contact-card-anna.ru", true);

    await page.goto(`${server.url}/contacts`);
    await visible("Контакты").toBe(true);
    await shot("contacts-list.ru");

    await page.goto(`${server.url}/funnels/new`);
    await visible("Новая воронка").toBe(true);
    await shot("funnel-new.ru", true);
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });
});
