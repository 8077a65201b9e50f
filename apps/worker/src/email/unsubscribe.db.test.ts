import { closeSmtpPools } from "@voronka/email";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { settle } from "../../../../packages/db/src/engine/engine-test-support.ts";
import { createTestApp } from "../../../../test/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { dispatchEmailBatch } from "./dispatch.ts";
import {
  emailContact,
  emailWorkspace,
  publishWelcome,
  queueSend,
  signUp,
  TEST_CONFIG,
} from "./email-test-support.ts";
import { startTestSmtp, type TestSmtp } from "./smtp-test-support.ts";

let database: TestDatabase;
let smtp: TestSmtp;
let app: ReturnType<typeof createTestApp>;
let acme: Awaited<ReturnType<typeof emailWorkspace>>;

beforeAll(async () => {
  // The server and the dispatcher sign and verify links with the same secret.
  process.env.VORONKA_SECRET = TEST_CONFIG.secret;
  database = await createTestDatabase();
  smtp = await startTestSmtp();
  app = createTestApp(database);
  acme = await emailWorkspace(database.db, smtp.url);
  await publishWelcome(database.db, acme.workspaceId, acme.templateId);
});
afterAll(async () => {
  closeSmtpPools();
  await smtp.close();
  await database.drop();
});

/** Sends the welcome email to a new contact; returns the contact and the links in it. */
async function receiveWelcome(firstName: string) {
  const person = await emailContact(database.db, acme.workspaceId, { firstName });
  await signUp(database.db, acme.workspaceId, person.userId);
  const before = smtp.messages.length;
  await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
  const raw = smtp.messages[before]?.raw ?? "";
  const unfolded = raw.replace(/\r\n[ \t]+/g, " ");
  const unsubscribe = /^List-Unsubscribe: <([^>]+)>/im.exec(unfolded)?.[1];
  const body = raw.replace(/=\r\n/g, "").replace(/=3D/g, "=");
  const click = /href="(https:\/\/voronka\.test\/e\/c\/[^"]+)"/.exec(body)?.[1];
  const open = /src="(https:\/\/voronka\.test\/e\/o\/[^"]+)"/.exec(body)?.[1];
  if (!unsubscribe || !click || !open) throw new Error("links not found in the message");
  const path = (url: string) => new URL(url).pathname;
  return { ...person, unsubscribe: path(unsubscribe), click: path(click), open: path(open) };
}

async function consentOf(contactId: string) {
  const r = await database.db.execute<{ consent: Record<string, string> }>(sql`
    select consent from contacts where workspace_id = ${acme.workspaceId} and id = ${contactId}`);
  return r.rows[0]?.consent;
}

async function countEvents(contactId: string, name: string) {
  const r = await database.db.execute<{ n: number }>(sql`
    select count(*)::int as n from events where workspace_id = ${acme.workspaceId} and contact_id = ${contactId} and name = ${name}`);
  return r.rows[0]?.n ?? 0;
}

/** Writes another send effect for the contact the way the engine does, and dispatches it. */
async function nextSend(userId: string) {
  const key = await queueSend(database.db, acme.workspaceId, userId, acme.templateId);
  const before = smtp.messages.length;
  const report = await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
  const r = await database.db.execute<{ status: string; last_error: string | null }>(sql`
    select status, last_error from journey_effects where workspace_id = ${acme.workspaceId} and key = ${key}`);
  return { report, row: r.rows[0], delivered: smtp.messages.length - before };
}

describe("unsubscribe", () => {
  it("one-click POST (RFC 8058): consent off, Email Unsubscribed recorded, next send skipped", async () => {
    const ann = await receiveWelcome("Ann");
    const res = await app.request(ann.unsubscribe, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await consentOf(ann.contactId))?.email).toBe("unsubscribed");
    expect(await countEvents(ann.contactId, "Email Unsubscribed")).toBe(1);

    const next = await nextSend(ann.userId);
    expect(next.row).toEqual({ status: "skipped", last_error: "unsubscribed" });
    expect(next.report.skipped).toBe(1);
    expect(next.delivered).toBe(0);
  });

  it("the link: GET shows a confirmation page and changes nothing; the button unsubscribes", async () => {
    const bob = await receiveWelcome("Bob");
    const page = await app.request(bob.unsubscribe);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Do you want to stop receiving these emails?");
    expect((await consentOf(bob.contactId))?.email).toBe("subscribed");

    const confirmed = await app.request(bob.unsubscribe, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "confirm=1",
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("You are unsubscribed");
    expect((await consentOf(bob.contactId))?.email).toBe("unsubscribed");
    expect(await countEvents(bob.contactId, "Email Unsubscribed")).toBe(1);

    const next = await nextSend(bob.userId);
    expect(next.row).toEqual({ status: "skipped", last_error: "unsubscribed" });
  });

  it("a tampered unsubscribe link is refused and records nothing", async () => {
    const cid = await receiveWelcome("Cid");
    const tampered = `${cid.unsubscribe.slice(0, -3)}${cid.unsubscribe.endsWith("AAA") ? "BBB" : "AAA"}`;
    const res = await app.request(tampered, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(400);
    expect((await consentOf(cid.contactId))?.email).toBe("subscribed");
    expect(await countEvents(cid.contactId, "Email Unsubscribed")).toBe(0);
  });
});

describe("tracking", () => {
  it("open pixel and click redirect become events and wake the journey waiting for a click", async () => {
    const dan = await receiveWelcome("Dan");
    const open = await app.request(dan.open, { headers: { "user-agent": "Mozilla/5.0" } });
    expect(open.status).toBe(200);
    expect(open.headers.get("content-type")).toBe("image/gif");
    expect(await countEvents(dan.contactId, "Email Opened")).toBe(1);

    const click = await app.request(dan.click);
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe("https://shop.example/offer?a=1&b=2");
    expect(await countEvents(dan.contactId, "Email Link Clicked")).toBe(1);

    // The click was routed into the waiting enrollment: the engine moves it to the exit.
    await settle(database.db, acme.workspaceId, Date.now());
    const r = await database.db.execute<{ status: string; state: { exitReason?: string } }>(sql`
      select e.status, e.state from enrollments e
      join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
      where e.workspace_id = ${acme.workspaceId} and c.user_id = ${dan.userId}`);
    expect(r.rows[0]?.status).toBe("exited");
    expect(JSON.stringify(r.rows[0]?.state)).toContain("clicked");
  });

  it("a tampered click or open link is refused and records nothing", async () => {
    const eve = await receiveWelcome("Eve");
    // Change the signed target URL inside the token: the signature no longer matches.
    const [prefix, token] = [eve.click.slice(0, 5), eve.click.slice(5)];
    const [body, sig] = token.split(".");
    const claim = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse(Buffer.from(body ?? "", "base64url").toString()));
    claim.u = "https://evil.example/";
    const forged = `${prefix}${Buffer.from(JSON.stringify(claim)).toString("base64url")}.${sig}`;
    const res = await app.request(forged);
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    const pixel = await app.request(`${eve.open}x`);
    expect(pixel.status).toBe(400);
    expect(await countEvents(eve.contactId, "Email Link Clicked")).toBe(0);
    expect(await countEvents(eve.contactId, "Email Opened")).toBe(0);
  });
});
