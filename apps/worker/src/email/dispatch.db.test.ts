import { sha256 } from "@voronka/core";
import { updateEmailTemplate } from "@voronka/db";
import { closeSmtpPools } from "@voronka/email";
import { sql } from "drizzle-orm";
// The package entry loads BIMI (undici 8, Node 22); the DKIM verifier alone runs on Node 20.
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let acme: Awaited<ReturnType<typeof emailWorkspace>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
  acme = await emailWorkspace(database.db, smtp.url);
  await publishWelcome(database.db, acme.workspaceId, acme.templateId);
});
afterAll(async () => {
  closeSmtpPools();
  await smtp.close();
  await database.drop();
});

/** Header block unfolded, body with quoted-printable soft breaks and escapes decoded. */
function readable(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw
    .slice(split)
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return { headers, body };
}

function header(headers: string, name: string): string | undefined {
  const m = new RegExp(`^${name}: (.*)$`, "im").exec(headers);
  return m?.[1];
}

async function effectRows(key: string) {
  const r = await database.db.execute<{
    status: string;
    attempts: number;
    last_error: string | null;
  }>(sql`
    select status, attempts, last_error from journey_effects where workspace_id = ${acme.workspaceId} and key = ${key}`);
  return r.rows;
}

async function eventsOf(contactId: string, name: string) {
  const r = await database.db.execute<{ properties: Record<string, unknown> }>(sql`
    select properties from events where workspace_id = ${acme.workspaceId} and contact_id = ${contactId} and name = ${name}`);
  return r.rows;
}

describe("email dispatcher", () => {
  it("delivers a journey's send-email effect: personalised, HTML + text, one-click unsubscribe, DKIM that verifies", async () => {
    const ann = await emailContact(database.db, acme.workspaceId, {
      firstName: "Ann",
      traits: { company: "Northwind" },
    });
    const key = await signUp(database.db, acme.workspaceId, ann.userId);
    const before = smtp.messages.length;

    const report = await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });

    const got = smtp.messages.slice(before);
    expect(got).toHaveLength(1);
    const msg = got[0]!;
    expect(msg.to).toEqual([ann.email]);
    const { headers, body } = readable(msg.raw);
    expect(header(headers, "Subject")).toBe("Welcome, Ann!");
    expect(header(headers, "Message-ID")).toBe(`<${sha256(key)}@acme.test>`);
    expect(headers).toMatch(/Content-Type: multipart\/alternative/i);
    expect(body).toMatch(/Content-Type: text\/plain/i);
    expect(body).toMatch(/Content-Type: text\/html/i);
    expect(body).toContain("Hello Ann from Northwind");
    expect(body).toContain("A gift for Ann");
    expect(header(headers, "List-Unsubscribe")).toMatch(
      /^<https:\/\/voronka\.test\/e\/u\/[\w-]+\.[\w-]+>$/,
    );
    expect(header(headers, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // Links go through the signed click redirect; the open pixel is there.
    expect(body).toMatch(/href="https:\/\/voronka\.test\/e\/c\//);
    expect(body).not.toContain('href="https://shop.example');
    expect(body).toMatch(/src="https:\/\/voronka\.test\/e\/o\//);

    const verified = await dkimVerify(Buffer.from(msg.raw), {
      resolver: async (name: string, type: string) => {
        if (type === "TXT" && name === acme.dns.name) return [[acme.dns.value]];
        throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
      },
    });
    expect(verified.results[0]?.status.result).toBe("pass");
    expect(verified.results[0]?.signingDomain).toBe("acme.test");

    expect(await effectRows(key)).toEqual([{ status: "done", attempts: 1, last_error: null }]);
    const sent = await eventsOf(ann.contactId, "Email Sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.properties).toMatchObject({
      effectKey: key,
      messageId: `<${sha256(key)}@acme.test>`,
    });
  });

  it("a crash between send and acknowledgement re-sends with the same Message-ID, and the outbox shows the send once", async () => {
    const bob = await emailContact(database.db, acme.workspaceId, { firstName: "Bob" });
    const key = await signUp(database.db, acme.workspaceId, bob.userId);
    const before = smtp.messages.length;

    await expect(
      dispatchEmailBatch(database.db, {
        config: TEST_CONFIG,
        afterSend: () => {
          throw new Error("simulated crash before commit");
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect(smtp.messages.length - before).toBe(1);
    expect((await effectRows(key))[0]?.status).toBe("pending");

    const report = await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(report.sent).toBe(1);
    const got = smtp.messages.slice(before);
    expect(got).toHaveLength(2);
    const ids = got.map((m) => header(readable(m.raw).headers, "Message-ID"));
    expect(ids[0]).toBe(`<${sha256(key)}@acme.test>`);
    expect(ids[1]).toBe(ids[0]);

    expect(await effectRows(key)).toEqual([{ status: "done", attempts: 1, last_error: null }]);
    expect(await eventsOf(bob.contactId, "Email Sent")).toHaveLength(1);
    // Nothing left to send: a third run sends nothing.
    expect((await dispatchEmailBatch(database.db, { config: TEST_CONFIG })).claimed).toBe(0);
    expect(smtp.messages.length - before).toBe(2);
  });

  it("retries a temporary failure later, and turns a permanent one into a bounce and a suppression", async () => {
    const cid = await emailContact(database.db, acme.workspaceId, { firstName: "Cid" });
    smtp.failRecipient(cid.email, 451, "Try again later");
    const key = await signUp(database.db, acme.workspaceId, cid.userId);

    const first = await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(first).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await effectRows(key)).toEqual([
      { status: "pending", attempts: 1, last_error: expect.stringContaining("Try again later") },
    ]);
    // Not due yet: the back-off keeps it out of the next batch.
    expect((await dispatchEmailBatch(database.db, { config: TEST_CONFIG })).claimed).toBe(0);

    smtp.failRecipient(cid.email, 550, "No such user");
    const later = new Date(Date.now() + 2 * 60_000);
    const second = await dispatchEmailBatch(database.db, { config: TEST_CONFIG, now: later });
    expect(second).toMatchObject({ claimed: 1, bounced: 1 });
    expect((await effectRows(key))[0]).toMatchObject({ status: "failed", attempts: 2 });
    expect(await eventsOf(cid.contactId, "Email Bounced")).toHaveLength(1);
    const suppressed = await database.db.execute<{ reason: string }>(sql`
      select reason from email_suppressions where workspace_id = ${acme.workspaceId} and email = ${cid.email}`);
    expect(suppressed.rows).toEqual([{ reason: "bounce" }]);

    // The next send to a suppressed address is skipped, not attempted.
    const again = await queueSend(database.db, acme.workspaceId, cid.userId, acme.templateId);
    const before = smtp.messages.length;
    expect(
      await dispatchEmailBatch(database.db, { config: TEST_CONFIG, now: later }),
    ).toMatchObject({
      claimed: 1,
      skipped: 1,
    });
    expect((await effectRows(again))[0]).toMatchObject({
      status: "skipped",
      last_error: "suppressed",
    });
    expect(smtp.messages.length).toBe(before);
  });

  it("a published journey keeps sending the template version it was published with", async () => {
    await updateEmailTemplate(database.db, acme.workspaceId, acme.templateId, {
      subject: "Changed after publishing, {{ contact.firstName }}",
    });
    const dot = await emailContact(database.db, acme.workspaceId, { firstName: "Dot" });
    const key = await signUp(database.db, acme.workspaceId, dot.userId);
    const before = smtp.messages.length;
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    const msg = smtp.messages[before];
    expect(header(readable(msg?.raw ?? "").headers, "Subject")).toBe("Welcome, Dot!");
    const d = await database.db.execute<{ template_version: number }>(sql`
      select template_version from email_deliveries where workspace_id = ${acme.workspaceId} and effect_key = ${key}`);
    expect(d.rows).toEqual([{ template_version: 1 }]);
  });
});
