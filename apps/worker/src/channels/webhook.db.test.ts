import { createHmac } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { channelDelivery, rotateWebhookSecret, saveChannelSettings } from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { channelContact, effectRow, queueEffect, TEST_SECRET } from "./channel-test-support.ts";
import { dispatchChannelBatch } from "./dispatch.ts";

interface Received {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let database: TestDatabase;
let server: http.Server;
let url: string;
const received: Received[] = [];
let answers: { status: number; body: string; headers?: Record<string, string> }[] = [];

beforeAll(async () => {
  process.env.VORONKA_SECRET = TEST_SECRET;
  database = await createTestDatabase();
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({
      method: req.method ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    const a = answers.shift() ?? {
      status: 200,
      body: JSON.stringify({ received: true, score: 42 }),
    };
    res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
    res.end(a.body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/voronka`;
});
afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await database?.drop();
});
beforeEach(() => {
  received.length = 0;
  answers = [];
});

const T0 = new Date("2026-11-25T12:00:00Z");

/** An independent check of the documented scheme (docs/webhooks.md), not the sender's code. */
function verify(
  secret: string,
  header: string | undefined,
  body: string,
): { ok: boolean; t: number } {
  const fields = new Map((header ?? "").split(",").map((kv) => kv.split("=") as [string, string]));
  const t = Number(fields.get("t"));
  const mac = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");
  return { ok: fields.get("v1") === mac, t };
}

async function webhookWorkspace(allowPrivate: boolean) {
  const { workspaceId } = await createTenant(database.db, "Hooks");
  if (allowPrivate)
    await saveChannelSettings(database.db, workspaceId, { allowPrivateWebhooks: true });
  const secret = await rotateWebhookSecret(database.db, workspaceId);
  const contact = await channelContact(database.db, workspaceId, { firstName: "Ann" });
  const queue = (extra: { body?: string; awaitResponse?: boolean } = {}) =>
    queueEffect(database.db, workspaceId, contact.contactId, (key) => ({
      type: "webhook",
      key,
      nodeId: "hook",
      url,
      method: "POST",
      awaitResponse: extra.awaitResponse ?? false,
      ...(extra.body ? { body: extra.body } : {}),
    }));
  return { workspaceId, secret, contact, queue };
}

describe("webhook action", () => {
  it("refuses 127.0.0.1 by default: nothing is sent, the refusal is recorded", async () => {
    const ws = await webhookWorkspace(false);
    const key = await ws.queue();
    const r = await dispatchChannelBatch(database.db, { now: T0 });
    expect(r).toMatchObject({ claimed: 1, failed: 1 });
    expect(received).toHaveLength(0);
    const row = await effectRow(database.db, ws.workspaceId, key);
    expect(row?.status).toBe("failed");
    expect(row?.last_error).toMatch(/127\.0\.0\.1.*private or loopback/);
  });

  it("with private networks allowed, posts signed JSON that verifies with the documented algorithm", async () => {
    const ws = await webhookWorkspace(true);
    const key = await ws.queue();
    const r = await dispatchChannelBatch(database.db, { now: T0 });
    expect(r).toMatchObject({ claimed: 1, sent: 1 });
    expect(received).toHaveLength(1);
    const req = received[0] as Received;
    expect(req.method).toBe("POST");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["voronka-delivery"]).toBe(key);
    const check = verify(ws.secret, req.headers["voronka-signature"] as string, req.body);
    expect(check.ok).toBe(true);
    expect(check.t).toBe(Math.floor(T0.getTime() / 1000));
    // A changed body or another secret does not verify.
    expect(verify(ws.secret, req.headers["voronka-signature"] as string, `${req.body} `).ok).toBe(
      false,
    );
    expect(verify("whsec_other", req.headers["voronka-signature"] as string, req.body).ok).toBe(
      false,
    );
    const payload = JSON.parse(req.body);
    expect(payload).toMatchObject({
      type: "journey.webhook",
      id: key,
      contact: { id: ws.contact.contactId, firstName: "Ann" },
    });
    expect(await channelDelivery(database.db, ws.workspaceId, key)).toMatchObject({
      status: "sent",
      response_status: 200,
      response_excerpt: JSON.stringify({ received: true, score: 42 }),
    });
  });

  it("retries a 503 with back-off, then records the answer", async () => {
    const ws = await webhookWorkspace(true);
    const key = await ws.queue({ body: '{"name": "{{ contact.firstName }}"}' });
    answers = [{ status: 503, body: "busy" }];
    expect(await dispatchChannelBatch(database.db, { now: T0 })).toMatchObject({ retrying: 1 });
    expect(await channelDelivery(database.db, ws.workspaceId, key)).toMatchObject({
      status: "retrying",
      attempts: 1,
      response_status: 503,
      response_excerpt: "busy",
    });
    expect(
      (await dispatchChannelBatch(database.db, { now: new Date(T0.getTime() + 5_000) })).claimed,
    ).toBe(0);
    expect(
      await dispatchChannelBatch(database.db, { now: new Date(T0.getTime() + 120_000) }),
    ).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.body)).toEqual(['{"name": "Ann"}', '{"name": "Ann"}']);
    expect(received.map((r) => r.headers["voronka-attempt"])).toEqual(["1", "2"]);
    expect(
      verify(
        ws.secret,
        received[1]?.headers["voronka-signature"] as string,
        received[1]?.body ?? "",
      ).ok,
    ).toBe(true);
    expect(await effectRow(database.db, ws.workspaceId, key)).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("does not follow a redirect (it could lead to an internal address)", async () => {
    const ws = await webhookWorkspace(true);
    const key = await ws.queue();
    answers = [
      { status: 302, body: "", headers: { location: "http://169.254.169.254/latest/meta-data" } },
    ];
    expect(await dispatchChannelBatch(database.db, { now: T0 })).toMatchObject({ failed: 1 });
    expect(received).toHaveLength(1);
    expect((await effectRow(database.db, ws.workspaceId, key))?.last_error).toMatch(
      /redirects are not followed/,
    );
  });

  it("hands an awaited reply to the journey's run (effect result in its inbox)", async () => {
    const ws = await webhookWorkspace(true);
    const key = await ws.queue({ awaitResponse: true });
    await dispatchChannelBatch(database.db, { now: T0 });
    expect(await effectRow(database.db, ws.workspaceId, key)).toMatchObject({ status: "done" });
    const inbox = await database.db.execute<{
      input: { type: string; key: string; ok: boolean; value: unknown };
    }>(sql`
      select input from enrollment_inbox where workspace_id = ${ws.workspaceId}`);
    expect(inbox.rows.map((r) => r.input)).toEqual([
      { type: "effect-result", key, ok: true, value: { received: true, score: 42 } },
    ]);
  });
});
