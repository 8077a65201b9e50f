import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { createTenant, type TestTenant } from "../support/fixtures.ts";
import { REPO_ROOT, type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

const ARTIFACTS = path.join(REPO_ROOT, "test/e2e/artifacts");
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
let site: Server;
let siteUrl: string;
let funnelId: string;

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  database = await createTestDatabase();
  tenant = await createTenant(database.db, "Banquet hall Aurora");
  server = await startServerProcess(database.url);
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });

  const funnel = await api<{ id: string }>("POST", "/api/funnels", {
    name: "Banquet hall sales",
    stages: STAGES,
  });
  funnelId = funnel.id;
  const source = await api<{ embed: { snippet: string } }>("POST", "/api/lead-sources", {
    channel: "web_form",
    name: "Website form",
    funnelId,
    settings: { title: "Book a tour of the hall", buttonText: "Call me back" },
  });
  // The customer's own website: another origin, with the snippet pasted as Voronka shows it.
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Aurora banquet hall</title></head>
<body><h1>Aurora banquet hall</h1><p>Weddings and parties for up to 200 guests.</p>${source.embed.snippet}</body></html>`;
  site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  await server?.stop();
  await database?.drop();
});

describe("a lead from a web form on the customer's site", () => {
  it("is recorded, lands in the first stage on the board, is dragged across two stages, and its history shows on the card", async () => {
    const visitor = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await visitor.goto(`${siteUrl}/?utm_source=google&utm_medium=cpc&utm_campaign=weddings`);
    await visitor.getByLabel("Name").fill("Olga Ivanova");
    await visitor.getByLabel("Email").fill("olga@example.com");
    await visitor.getByLabel("Phone").fill("+7 999 123-45-67");
    await visitor.getByRole("button", { name: "Call me back" }).click();
    await expect
      .poll(() => visitor.getByText("Thank you! We will be in touch soon.").isVisible())
      .toBe(true);
    await visitor.screenshot({ path: path.join(ARTIFACTS, "web-form-sent.png") });
    await visitor.close();

    const { rows } = await database.pool.query<{ utm: Record<string, string>; channel: string }>(
      "select utm, channel from leads where workspace_id = $1",
      [tenant.workspaceId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: "web_form",
      utm: { utm_source: "google", utm_campaign: "weddings" },
    });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/funnels/${funnelId}`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/funnels/${funnelId}$`));
    const firstStage = page.getByRole("region", { name: /First contact/ });
    await expect.poll(() => firstStage.getByText("Olga Ivanova").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "board-web-form-lead.png") });

    // The manager drags the new lead on across two stages.
    const column = (name: string) => page.getByRole("region", { name, exact: true });
    const card = () => page.locator(".board-card", { hasText: "Olga Ivanova" });
    await card().dragTo(column("Offer sent"));
    await expect.poll(() => column("Offer sent").getByText("Olga Ivanova").isVisible()).toBe(true);
    await card().dragTo(column("Presentation booked"));
    await expect
      .poll(() => column("Presentation booked").getByText("Olga Ivanova").isVisible())
      .toBe(true);
    await expect.poll(() => column("Offer sent").getByText("Olga Ivanova").count()).toBe(0);

    await card().getByRole("link", { name: "Olga Ivanova" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Olga Ivanova" }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/lead from Web form/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const history = (text: string) =>
      expect.poll(() => page.getByText(text).first().isVisible(), { message: text });
    await history("Moved from First contact to Offer sent · by a user").toBe(true);
    await history("Moved from Offer sent to Presentation booked · by a user").toBe(true);
    await page.screenshot({
      path: path.join(ARTIFACTS, "contact-card-web-form-lead.png"),
      fullPage: true,
    });
    await page.close();
  });
});
