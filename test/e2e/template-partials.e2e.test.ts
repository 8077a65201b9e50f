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
});

afterAll(() => stopE2e({ browser, server, database }));

const visible = (text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { message: String(text) });

/** The workspace's shared blocks as the API returns them. */
async function apiPartials(): Promise<{ name: string; version: number; mjml: string }[]> {
  const res = await fetch(`${server.url}/api/email/partials`, {
    headers: { authorization: `Bearer ${tenant.secretKey}` },
  });
  if (!res.ok) throw new Error(`GET /api/email/partials: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { name: string; version: number; mjml: string }[] }).data;
}

/** Screenshots the page in English, then reloaded in Russian (waiting for `ruText`), then back. */
async function shotBoth(name: string, ruText: string | RegExp) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
  await page.reload();
  await expect
    .poll(() => page.getByText(ruText).first().isVisible(), { message: String(ruText) })
    .toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.ru.png`) });
  await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  await page.reload();
}

describe("shared blocks (MJML partials) of the templates area", () => {
  it("explains shared blocks on an empty tab", async () => {
    await page.goto(`${server.url}/templates`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/templates$/);
    await page.getByRole("tab", { name: "Shared blocks" }).click();
    await page.waitForURL(/\/templates\?tab=blocks$/);
    await visible("No shared blocks yet").toBe(true);
    await visible('<mj-include path="footer" />').toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "template-blocks-empty.png") });
  });

  it("refuses a name templates could not include, then creates the block", async () => {
    await page.getByRole("button", { name: "Create a shared block" }).click();
    const name = page.getByLabel("Name", { exact: true });
    await name.fill("Footer links");
    await visible(/Use lower-case Latin letters/).toBe(true);
    const create = page.getByRole("button", { name: "Create", exact: true });
    expect(await create.isDisabled()).toBe(true);
    await name.fill("footer");
    await create.click();
    await page.waitForURL(/\/templates\/blocks\/footer$/);
    await expect.poll(() => page.locator(".cm-editor").isVisible()).toBe(true);
    await visible("Saved · version 1").toBe(true);
    expect((await apiPartials()).map((p) => [p.name, p.version])).toEqual([["footer", 1]]);
  });

  it("edits the block and saves it as a new version", async () => {
    await page.locator(".cm-line", { hasText: "1 Main Street" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Call us: +7 843 200-00-00");
    await visible("Unsaved changes").toBe(true);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await visible("Saved · version 2").toBe(true);
    const [footer] = await apiPartials();
    expect(footer?.version).toBe(2);
    expect(footer?.mjml).toContain("Call us: +7 843 200-00-00");
  });

  it("marks the API's errors on their line and saves nothing", async () => {
    await page.locator(".cm-line", { hasText: "<mj-column>" }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("<mj-bogus>");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await visible("Not saved — see the errors").toBe(true);
    await expect.poll(() => page.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    await visible(/^Line \d+: /).toBe(true);
    expect((await apiPartials())[0]?.version).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, "template-block-editor-error.png") });

    await page.locator(".cm-line", { hasText: "mj-bogus" }).click();
    await page.keyboard.press("Control+Shift+K"); // CodeMirror: delete line
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // Back to what is saved: the server keeps version 2 rather than adding a copy.
    await visible("Saved · version 2").toBe(true);
    await expect.poll(() => page.locator(".cm-lintRange-error").count()).toBe(0);
    await shotBoth("template-block-editor", "Как его использовать");
  });

  it("lists the block with the line that includes it", async () => {
    await page.getByRole("link", { name: "← Shared blocks" }).click();
    await page.waitForURL(/\/templates\?tab=blocks$/);
    const row = page.getByRole("row", { name: /footer/ });
    await expect.poll(() => row.getByText('<mj-include path="footer" />').isVisible()).toBe(true);
    await expect.poll(() => row.getByText("v2").isVisible()).toBe(true);
    await shotBoth("template-blocks", "Общие блоки");

    // The other tab still holds the templates.
    await page.getByRole("tab", { name: "Templates" }).click();
    await page.waitForURL(/\/templates$/);
    await visible("No email templates yet").toBe(true);
  });
});
