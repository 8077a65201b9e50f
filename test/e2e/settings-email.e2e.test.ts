import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtp, type TestSmtp } from "../../apps/worker/src/email/smtp-test-support.ts";
import { ARTIFACTS, startE2e, stopE2e } from "../support/e2e.ts";
import type { TestTenant } from "../support/fixtures.ts";
import type { ServerProcess } from "../support/server-process.ts";
import type { TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;
let tenant: TestTenant;
let page: Page;
let smtp: TestSmtp;

const MJML = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Your banquet on {{ vars.date | default: "Friday" }} is confirmed.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

beforeAll(async () => {
  ({ database, tenant, server, browser, page } = await startE2e("Banquet hall Aurora", "server"));
  smtp = await startTestSmtp();
  const res = await fetch(`${server.url}/api/email/templates`, {
    method: "POST",
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Booking confirmed", subject: "Booking confirmed", mjml: MJML }),
  });
  if (!res.ok) throw new Error(`POST /api/email/templates: ${res.status} ${await res.text()}`);
});

afterAll(async () => {
  await smtp?.close();
  await stopE2e({ browser, server, database });
});

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), {
    message: String(text),
    timeout: 10_000, // a 2048-bit RSA key and a real SMTP round trip take a moment
  });

// The settings page also holds other sections (channels, keys) with their own Save buttons.
const emailSection = () => page.getByRole("region", { name: "Email sending" });

async function wholePage(name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.max(900, Math.min(height, 3000)) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("email settings", () => {
  it("sets the sender and shows where emails go without an SMTP server", async () => {
    await page.goto(`${server.url}/settings`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings$/);
    await visible(/No SMTP server yet/).toBe(true);

    await emailSection().getByLabel("Sender name").fill("Aurora banquet hall");
    await emailSection().getByLabel("Sender address").fill("events@aurora-hall.example");
    await emailSection().getByRole("button", { name: "Save", exact: true }).click();
    await visible("Saved.").toBe(true);

    // Without SMTP the test email lands in the dev mailbox.
    await emailSection().getByLabel("Send to", { exact: true }).fill("manager@aurora-hall.example");
    await emailSection().getByRole("button", { name: "Send test" }).click();
    await visible(/is in the dev mailbox/).toBe(true);
  });

  it("creates a DKIM key and shows the DNS record to publish", async () => {
    await emailSection().getByLabel("Domain", { exact: true }).fill("aurora-hall.example");
    await page.getByRole("button", { name: "Create DKIM key" }).click();
    await visible("Publish this TXT record in the DNS of aurora-hall.example").toBe(true);
    await visible("voronka._domainkey.aurora-hall.example").toBe(true);
    await visible(/^v=DKIM1; k=rsa; p=/).toBe(true);
  });

  it("connects an SMTP server and checks it with a test email", async () => {
    await emailSection().getByLabel("SMTP address").fill(smtp.url);
    await emailSection().getByRole("button", { name: "Save", exact: true }).click();
    await visible("Your own SMTP server delivers the emails.").toBe(true);
    await expect.poll(() => emailSection().getByLabel("SMTP address").inputValue()).toBe("");

    await emailSection().getByRole("button", { name: "Send test" }).click();
    await visible(/Delivered to the SMTP server for manager@aurora-hall.example/).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.to).toEqual(["manager@aurora-hall.example"]);
    expect(smtp.messages[0]?.raw).toContain("Subject: [Test] Booking confirmed");
    expect(smtp.messages[0]?.raw).toMatch(/DKIM-Signature:[\s\S]*?\bd=aurora-hall\.example;/);
    await wholePage("settings-email");

    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await visible("Отправка писем").toBe(true);
    await visible("Письма доставляет ваш собственный SMTP-сервер.").toBe(true);
    await wholePage("settings-email.ru");
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });
});
