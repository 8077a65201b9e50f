import type { Browser, Page } from "playwright-core";
import type { TestTenant } from "./fixtures.ts";
import type { ServerProcess } from "./server-process.ts";

/**
 * What browser tests ask of the running server besides the browser: the management API with
 * the workspace's secret key (`api`, which throws with the server's answer on a non-2xx), and
 * Segment's `/v1/track` as its libraries send it (`track`: HTTP Basic, write key as username).
 */
export function calls(server: ServerProcess, tenant: TestTenant) {
  async function api(method: string, url: string, body?: unknown) {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  async function track(userId: string, event: string, properties?: Record<string, unknown>) {
    const res = await fetch(`${server.url}/v1/track`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${tenant.writeKey}:`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(properties ? { userId, event, properties } : { userId, event }),
    });
    if (!res.ok) throw new Error(`/v1/track: ${res.status} ${await res.text()}`);
  }
  return { api, track };
}

export type Calls = ReturnType<typeof calls>;

/** Signs the owner in through the sign-in page, starting from `landing` (e.g. `/journeys`). */
export async function signIn(
  page: Page,
  server: ServerProcess,
  tenant: TestTenant,
  landing: string,
) {
  await page.goto(`${server.url}${landing}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(tenant.email);
  await page.getByLabel("Password").fill(tenant.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`${landing.replace(/[/]/g, "\\/")}$`));
}

/** A second page, signed in as `page` is, with the UI in Russian. */
export async function russianPage(
  browser: Browser,
  page: Page,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    storageState: await page.context().storageState(),
  });
  await context.addInitScript(() => window.localStorage.setItem("voronka.locale", "ru"));
  return context.newPage();
}
