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
  const res = await fetch(`${server.url}/api/contacts`, {
    method: "POST",
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      email: "anna@example.com",
      firstName: "Anna",
      lastName: "Petrova",
      city: "Kazan",
    }),
  });
  if (!res.ok) throw new Error(`POST /api/contacts: ${res.status} ${await res.text()}`);
});

afterAll(() => stopE2e({ browser, server, database }));

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

// By class, not title: the title is translated.
const preview = () => page.frameLocator("iframe.preview-frame");

/**
 * Screenshots the page as it is (English), then reloads it in Russian — waiting for `ruText` —
 * and screenshots again, then goes back to English.
 */
async function shotBoth(name: string, ruText: string | RegExp, prepare?: () => Promise<void>) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
  await page.reload();
  await expect
    .poll(() => page.getByText(ruText).first().isVisible(), { message: String(ruText) })
    .toBe(true);
  await prepare?.();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.ru.png`) });
  await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  await page.reload();
}

describe("email templates and the dev mailbox", () => {
  it("starts from an empty list that says what to do", async () => {
    await page.goto(`${server.url}/templates`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/templates$/);
    await visible("No email templates yet").toBe(true);
    await shotBoth("templates-empty", "Шаблонов писем пока нет");
  });

  it("creates a template and previews it as a chosen contact", async () => {
    await page.getByRole("button", { name: "Create your first template" }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator(".cm-editor").isVisible()).toBe(true);
    // The first contact is picked for the preview; the letter is personal.
    await expect
      .poll(() => preview().getByText("Hello, Anna!").isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => page.getByTestId("preview-subject").textContent()).toBe("Hello, Anna!");
  });

  it("edits the MJML source and the preview follows", async () => {
    const line = page.locator(".cm-line", { hasText: "Write your message here" });
    await line.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Your table for 40 guests is booked.");
    await expect.poll(() => page.getByText(/Saved · version [2-9]/).isVisible()).toBe(true);
    await expect
      .poll(
        () =>
          preview()
            .getByText(/Your table for 40 guests is booked/)
            .isVisible(),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);

    await page.getByLabel("Subject").fill("Your booking, {{ contact.firstName }}");
    await expect
      .poll(() => page.getByTestId("preview-subject").textContent(), { timeout: 15_000 })
      .toBe("Your booking, Anna");
    await page.screenshot({ path: path.join(ARTIFACTS, "template-editor.png") });

    await page.getByRole("button", { name: "Mobile" }).click();
    await expect
      .poll(() =>
        page
          .locator(".preview-frame-mobile")
          .boundingBox()
          .then((b) => b?.width),
      )
      .toBeLessThan(400);
    await page.screenshot({ path: path.join(ARTIFACTS, "template-editor-mobile.png") });
    await page.getByRole("button", { name: "Desktop" }).click();
  });

  it("marks MJML errors on their line and keeps the last good version", async () => {
    // An element MJML doesn't know, in a section, where only columns may go.
    await page.locator(".cm-line", { hasText: 'mj-section padding="32px 0 8px"' }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("<mj-bogus>");
    await expect.poll(() => page.getByText(/\d+ errors? — not saved/).isVisible()).toBe(true);
    await expect.poll(() => page.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page
          .getByText(/^Line \d+: /)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "template-editor-error.png") });

    // Take the broken line out again: the template saves and the error marks go.
    await page.locator(".cm-line", { hasText: "mj-bogus" }).click();
    await page.keyboard.press("Control+Shift+K"); // CodeMirror: delete line
    await expect.poll(() => page.getByText(/Saved · version/).isVisible()).toBe(true);
    await expect.poll(() => page.locator(".cm-lintRange-error").count()).toBe(0);
    await shotBoth("template-editor-desktop", "Исходный код MJML", async () => {
      await expect
        .poll(
          () =>
            preview()
              .getByText(/Your table for 40 guests/)
              .isVisible(),
          { timeout: 15_000 },
        )
        .toBe(true);
    });
  });

  it("sends a test email and finds it in the dev mailbox", async () => {
    // After the Russian screenshot the page was reloaded: the preview renders again.
    await expect
      .poll(
        () =>
          preview()
            .getByText(/Your table for 40 guests/)
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.getByLabel("Send to").fill("events@aurora-hall.example");
    await page.getByRole("button", { name: "Send test" }).click();
    await visible(/Sent to events@aurora-hall.example/).toBe(true);
    await page.getByRole("link", { name: "Open the dev mailbox" }).click();
    await page.waitForURL(/\/mailbox$/);

    const list = page.getByRole("list", { name: "Emails" });
    await expect.poll(() => list.getByText("[Test] Your booking, Anna").isVisible()).toBe(true);
    await expect.poll(() => list.getByText("events@aurora-hall.example").isVisible()).toBe(true);
    const body = page.frameLocator('iframe[title="Email body"]');
    await expect
      .poll(() => body.getByText(/Your table for 40 guests is booked/).isVisible())
      .toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "mailbox.png") });

    await page.getByRole("tab", { name: "Plain text" }).click();
    await visible(/Your table for 40 guests is booked/).toBe(true);
    await page.getByRole("tab", { name: "Headers" }).click();
    await visible("Message-ID").toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "mailbox-headers.png") });
    await page.getByRole("tab", { name: "HTML" }).click();
    await shotBoth("mailbox-html", "Тестовая почта", async () => {
      await expect
        .poll(() =>
          page
            .frameLocator("iframe.mailbox-frame")
            .getByText(/Your table for 40 guests/)
            .isVisible(),
        )
        .toBe(true);
    });
  });

  it("lists the template with its version, and starts another from a ready letter", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Templates" })
      .click();
    await page.waitForURL(/\/templates$/);
    await visible("Start from a ready letter").toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/^v\d+$/)
          .first()
          .textContent(),
      )
      .toMatch(/^v([3-9]|\d\d)$/);
    await visible(/The first letter after sign-up/).toBe(true);
    await page.setViewportSize({ width: 1440, height: 1300 });
    await shotBoth("templates-list", "Начните с готового письма");
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole("button", { name: /^Welcome/ }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByLabel("Template name").inputValue()).toBe("Welcome");
    await expect
      .poll(() => page.getByTestId("preview-subject").textContent(), { timeout: 15_000 })
      .toBe("Welcome, Anna!");
    await page.screenshot({ path: path.join(ARTIFACTS, "template-from-starter.png") });
  });
});
