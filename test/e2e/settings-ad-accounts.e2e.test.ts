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

// The sticky top bar would otherwise cover the top of a section screenshot.
const OVER = ".topbar { position: static !important; }";

const META_TOKEN = "EAAGm0PX4ZCpsBAKZCqe9Q7ZBbZCZAmetaSecret42";

async function api(method: string, url: string, body?: unknown) {
  const r = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, text: await r.text() };
}

describe("ad accounts settings", () => {
  it("connects Meta without showing the token again and disconnects Yandex after a confirm", async () => {
    const yandex = await api("PUT", "/api/ad-accounts/yandex", {
      credentials: { oauthToken: "y0_AgAAAAyandexSecret" },
    });
    expect(yandex.status).toBe(200);

    await page.goto(`${server.url}/settings#ad-accounts`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings/);

    const form = (name: string | RegExp) =>
      page.locator("form", { has: page.getByRole("heading", { name }) });
    const meta = form(/^Meta/);
    const yandexForm = form("Yandex Audience");
    await expect.poll(() => meta.getByText("Not connected").isVisible()).toBe(true);
    await expect.poll(() => yandexForm.getByText(/^Connected/).isVisible()).toBe(true);

    await meta.getByLabel("Access token").fill(META_TOKEN);
    await meta.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => meta.getByText(/^Connected · changed/).isVisible()).toBe(true);
    expect(await meta.getByLabel("Access token").inputValue()).toBe("");
    expect(await meta.getByLabel("Access token").getAttribute("placeholder")).toMatch(/^Saved/);
    expect(await page.content()).not.toContain(META_TOKEN);

    const listed = await api("GET", "/api/ad-accounts");
    expect(listed.text).not.toContain(META_TOKEN);
    const accounts = JSON.parse(listed.text).data as {
      platform: string;
      credentialFields: string[];
    }[];
    expect(accounts.find((a) => a.platform === "meta")?.credentialFields).toEqual(["accessToken"]);

    // Google needs its customer id: the server's message shows, nothing is saved.
    const google = form("Google Ads");
    await google.getByLabel("Developer token").fill("dev-token");
    await google.getByLabel("Access token").fill("ya29.token");
    await google.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => google.getByText("Fill in: Customer ID.").isVisible()).toBe(true);
    expect(JSON.parse((await api("GET", "/api/ad-accounts")).text).data).toHaveLength(2);
    const section = page.locator("#ad-accounts");
    await section.screenshot({
      path: path.join(ARTIFACTS, "settings-ad-accounts.png"),
      style: OVER,
    });

    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.accept();
    });
    await yandexForm.getByRole("button", { name: "Disconnect" }).click();
    await expect.poll(() => yandexForm.getByText("Not connected").isVisible()).toBe(true);
    expect(asked).toContain("Yandex Audience");
    const after = JSON.parse((await api("GET", "/api/ad-accounts")).text).data as {
      platform: string;
    }[];
    expect(after.map((a) => a.platform)).toEqual(["meta"]);

    await page.evaluate(() => localStorage.setItem("voronka.locale", "ru"));
    await page.reload();
    await expect.poll(() => page.getByText("Рекламные кабинеты").first().isVisible()).toBe(true);
    await section.screenshot({
      path: path.join(ARTIFACTS, "settings-ad-accounts.ru.png"),
      style: OVER,
    });
    await page.evaluate(() => localStorage.setItem("voronka.locale", "en"));
  });
});
