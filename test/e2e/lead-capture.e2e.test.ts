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
let funnelId: string;

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T; // the test's own API, checked by the assertions below
}

beforeAll(async () => {
  let firstPage: Page;
  ({
    database,
    tenant,
    server,
    browser,
    page: firstPage,
  } = await startE2e("Banquet hall Aurora", "server"));
  await firstPage.close();
  // Clipboard access, so the test can read what the Copy button copied.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  page = await context.newPage();
  funnelId = (
    await api<{ id: string }>("POST", "/api/funnels", {
      name: "Banquet hall sales",
      stages: ["First contact", "Offer sent", "Contract"],
    })
  ).id;
});
afterAll(() => stopE2e({ browser, server, database }));

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });
// Full-page shots from the top: the app's bar and sidebar stick to the window as it scrolls.
async function shot(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

interface SourceView {
  id: string;
  name: string;
  channel: string;
  stageId: string | null;
  settings: Record<string, unknown>;
  endpoint: { url: string } | null;
  embed: { snippet: string } | null;
}

let formId: string;
let telegramId: string;
let telegramSecret: string;

describe("lead capture set-up", () => {
  it("builds a web form with a live preview and copies its embed code", async () => {
    await page.goto(`${server.url}/leads`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/leads$/);
    await visible("No lead sources yet").toBe(true);
    await shot("lead-sources-empty.png");

    await page.getByRole("link", { name: /Web form/ }).click();
    await page.waitForURL(/\/leads\/new\/web_form$/);
    await page.getByLabel("Source name").fill("Website form");
    await page.getByLabel("Funnel").selectOption({ label: "Banquet hall sales" });
    await page.getByLabel("Stage").selectOption({ label: "Offer sent" });
    // Show the message too, and ask for the phone before the email.
    await page.getByRole("checkbox", { name: "Message" }).check();
    await page.getByRole("button", { name: "Move Phone up" }).click();
    await page
      .getByRole("textbox", { name: "Label of the Phone field on the site" })
      .fill("Mobile phone");
    await page.getByLabel("Heading").fill("Book a tour of the hall");
    await page.getByLabel("Button text").fill("Call me back");
    await page.getByLabel("Thank-you message").fill("Thank you! Our manager will call you today.");

    const preview = page.locator(".lead-preview");
    await expect.poll(() => preview.getByText("Book a tour of the hall").isVisible()).toBe(true);
    await expect.poll(() => preview.getByText("Call me back").isVisible()).toBe(true);
    await expect
      .poll(() => preview.getByText("Thank you! Our manager will call you today.").isVisible())
      .toBe(true);
    expect(
      await preview.locator(".lead-preview-field > span:first-child").allTextContents(),
    ).toEqual(["Name", "Mobile phone", "Email", "Message"]);
    await visible("Save the form to get the code for your website.").toBe(true);

    await page.getByRole("button", { name: "Create source" }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    formId = page.url().split("/").pop() ?? "";
    const code = page.getByRole("textbox", { name: "Embed code" });
    await expect.poll(() => code.isVisible()).toBe(true);
    await page.getByRole("button", { name: "Copy: Embed code" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Copied: Embed code" }).isVisible())
      .toBe(true);
    const copied = await page.evaluate(() => navigator.clipboard.readText());

    const saved = await api<SourceView>("GET", `/api/lead-sources/${formId}`);
    expect(copied).toBe(saved.embed?.snippet);
    expect(copied).toMatch(
      /<script src="http:\/\/[^"]+\/v1\/leads\/forms\/[\w-]+\/embed\.js" async><\/script>/,
    );
    expect(saved.settings).toMatchObject({
      fields: ["name", "phone", "email", "message"],
      labels: { name: "Name", phone: "Mobile phone", email: "Email", message: "Message" },
      title: "Book a tour of the hall",
      buttonText: "Call me back",
      thankYouText: "Thank you! Our manager will call you today.",
    });
    const stages = await api<{ stages: Array<{ id: string; name: string }> }>(
      "GET",
      `/api/funnels/${funnelId}`,
    );
    expect(saved.stageId).toBe(stages.stages.find((s) => s.name === "Offer sent")?.id);
    // The copied script is served and carries the form's texts.
    const script = await fetch(/src="([^"]+)"/.exec(copied)?.[1] ?? "");
    expect(script.status).toBe(200);
    const scriptText = await script.text();
    expect(scriptText).toContain("Call me back");
    expect(scriptText).toContain("Mobile phone");
    await shot("lead-form-builder.png");
  });

  it("connects a Telegram bot: webhook address, secret once, and a test lead that becomes a contact", async () => {
    await page.getByRole("link", { name: "← Lead capture" }).click();
    await page.waitForURL(/\/leads$/);
    await page.getByRole("link", { name: /Telegram bot/ }).click();
    await page.waitForURL(/\/leads\/new\/telegram$/);
    await visible("Create the source to get the webhook address to paste into Telegram bot.").toBe(
      true,
    );
    await page.getByLabel("Source name").fill("Banquet bot");
    await page.getByLabel("Bot username (optional)").fill("@aurora_banquet_bot");
    await page.getByLabel("Funnel").selectOption({ label: "Banquet hall sales" });
    await page.getByLabel("Stage").selectOption({ label: "Offer sent" });
    await page.getByRole("button", { name: "Create source" }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    telegramId = page.url().split("/").pop() ?? "";

    const saved = await api<SourceView>("GET", `/api/lead-sources/${telegramId}`);
    expect(saved.settings.botUsername).toBe("aurora_banquet_bot");
    const webhook = page.getByRole("textbox", { name: "Webhook address" });
    await expect.poll(() => webhook.inputValue()).toBe(saved.endpoint?.url);
    const secret = await page
      .getByRole("textbox", { name: "Secret token", exact: true })
      .inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    telegramSecret = secret;
    await visible("Shown only now. Copy it before you leave this page.").toBe(true);
    expect(await page.getByRole("textbox", { name: "setWebhook link" }).inputValue()).toContain(
      `&secret_token=${secret}`,
    );

    await page.getByRole("button", { name: "Send a test lead" }).click();
    await visible("Test Lead arrived").toBe(true);
    await visible("Put in Banquet hall sales → Offer sent.").toBe(true);
    await shot("lead-source-telegram.png");

    // The secret on screen is the one the webhook checks: a real update with it is accepted.
    const real = await fetch(saved.endpoint?.url ?? "", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body: JSON.stringify({
        update_id: 5001,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 4242, type: "private" },
          from: { id: 4242, is_bot: false, first_name: "Olga" },
          text: "Is the hall free on 12 June?",
        },
      }),
    });
    expect(real.status).toBe(200);

    await page.getByRole("link", { name: "Open the contact card" }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole("heading", { name: "Test Lead" }).isVisible())
      .toBe(true);
    const { rows } = await database.pool.query<{ channel: string; name: string }>(
      `select l.channel, c.name from leads l join contacts c on c.workspace_id = l.workspace_id and c.id = l.contact_id
       where l.workspace_id = $1 and l.source_id = $2 order by l.created_at`,
      [tenant.workspaceId, telegramId],
    );
    expect(rows).toEqual([
      { channel: "telegram", name: "Test Lead" },
      { channel: "telegram", name: "Olga" },
    ]);

    // Coming back, the secret is no longer shown: only a way to make a new one.
    await page.goto(`${server.url}/leads/${telegramId}`);
    await visible("Make a new secret").toBe(true);
    expect(await page.content()).not.toContain(secret);
  });

  it("connects WhatsApp with the app secret, tests it, and deletes it", async () => {
    await page.goto(`${server.url}/leads/new/whatsapp`);
    await page.getByLabel("App secret").fill("short");
    await page.getByRole("button", { name: "Create source" }).click();
    await visible("At least 8 characters, no spaces.").toBe(true);
    await page.getByLabel("App secret").fill("0f9e8d7c6b5a49382716aabbccddeeff");
    await page.getByRole("button", { name: "Create source" }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() ?? "";
    const saved = await api<SourceView>("GET", `/api/lead-sources/${id}`);
    const verify = page.getByRole("textbox", { name: "Verify token" });
    await expect.poll(() => verify.inputValue()).toBe(saved.settings.verifyToken);
    expect(await page.content()).not.toContain("0f9e8d7c6b5a49382716aabbccddeeff");
    await page.getByRole("button", { name: "Send a test lead" }).click();
    await visible("Test Lead arrived").toBe(true);
    // The funnel's first stage: no stage was chosen.
    await visible("Put in Banquet hall sales → First contact.").toBe(true);
    await shot("lead-source-whatsapp.png");

    await page.getByRole("button", { name: "Delete source" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete source" }).click();
    await page.waitForURL(/\/leads$/);
    const gone = await fetch(`${server.url}/api/lead-sources/${id}`, {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    expect(gone.status).toBe(404);
  });

  it("sets up a Viber bot and call tracking, each with a working test lead", async () => {
    for (const { tile, secret, shotName, text } of [
      {
        tile: /Viber bot/,
        secret: "4453b6ac12345678-e02c5f12174805f9",
        shotName: "lead-source-viber.png",
        text: "set_webhook command",
      },
      {
        tile: /Call tracking/,
        secret: null,
        shotName: "lead-source-calls.png",
        text: "Signing key",
      },
    ]) {
      await page.goto(`${server.url}/leads`);
      await page.getByRole("link", { name: tile }).click();
      await page.waitForURL(/\/leads\/new\/\w+$/);
      if (secret) await page.getByLabel("Bot token").fill(secret);
      await page.getByRole("button", { name: "Create source" }).click();
      await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
      await visible(text).toBe(true);
      await page.getByRole("button", { name: "Send a test lead" }).click();
      await visible("Test Lead arrived").toBe(true);
      await shot(shotName);
      if (secret) expect(await page.content()).not.toContain(secret);
      await page.getByRole("button", { name: "Delete source" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete source" }).click();
      await page.waitForURL(/\/leads$/);
    }
  });

  it("lists both sources with their channel and target, in English and Russian", async () => {
    await page.goto(`${server.url}/leads`);
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.nth(0).locator("td").allTextContents()).slice(0, 4)).toEqual([
      "Website form",
      "Web form",
      "Banquet hall sales → Offer sent",
      "none yet",
    ]);
    const bot = await rows.nth(1).locator("td").allTextContents();
    expect(bot.slice(0, 3)).toEqual([
      "Banquet bot",
      "Telegram bot",
      "Banquet hall sales → Offer sent",
    ]);
    // The test lead and the real update, moments ago.
    expect(bot[3]).toMatch(/^2 · latest (just now|\d+ (seconds?|minutes?) ago)$/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot("lead-sources.png");
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await expect
      .poll(() => page.getByRole("heading", { name: "Сбор заявок" }).isVisible())
      .toBe(true);
    await visible("Бот в Telegram").toBe(true);
    await expect.poll(() => page.getByRole("link", { name: "Сбор заявок" }).isVisible()).toBe(true);
    await shot("lead-sources.ru.png");

    // A new form in Russian starts with Russian texts and labels for the visitor.
    await page.getByRole("link", { name: /Форма на сайте/ }).click();
    await page.waitForURL(/\/leads\/new\/web_form$/);
    const preview = page.locator(".lead-preview");
    await expect.poll(() => preview.getByText("Оставьте заявку").isVisible()).toBe(true);
    expect(
      await preview.locator(".lead-preview-field > span:first-child").allTextContents(),
    ).toEqual(["Имя", "Email", "Телефон"]);
    await page.getByRole("button", { name: "Создать источник" }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole("textbox", { name: "Код для вставки" }).isVisible())
      .toBe(true);
    await page.getByRole("button", { name: "Копировать: Код для вставки" }).click();
    await visible("Скопировано").toBe(true);
    const ruForm = await api<SourceView>("GET", `/api/lead-sources/${page.url().split("/").pop()}`);
    expect(ruForm.settings).toMatchObject({
      title: "Оставьте заявку",
      buttonText: "Отправить",
      labels: { name: "Имя", phone: "Телефон" },
    });
    await shot("lead-form-builder.ru.png");

    await page.goto(`${server.url}/leads/${telegramId}`);
    await visible("Адрес вебхука").toBe(true);
    // A new secret replaces the old one at once: only the new one is accepted.
    const before = await api<SourceView>("GET", `/api/lead-sources/${telegramId}`);
    await page.getByRole("button", { name: "Создать новый секрет" }).click();
    const fresh = page.getByRole("textbox", { name: "Секретный токен", exact: true });
    await expect.poll(() => fresh.isVisible()).toBe(true);
    const newSecret = await fresh.inputValue();
    expect(newSecret).not.toBe(telegramSecret);
    const deliver = (secret: string, updateId: number) =>
      fetch(before.endpoint?.url ?? "", {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify({ update_id: updateId, edited_message: {} }),
      });
    expect((await deliver(telegramSecret, 6001)).status).toBe(401);
    expect((await deliver(newSecret, 6002)).status).toBe(200);
    await page.getByRole("button", { name: "Отправить тестовую заявку" }).click();
    await visible("Test Lead: заявка получена").toBe(true);
    await shot("lead-source-telegram.ru.png");
  });
});
