import { gzipSync } from "node:zlib";
import { Analytics } from "@segment/analytics-node";
import { createLogger } from "@voronka/core";
import { type RunningServer, startServer } from "@voronka/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../support/app.ts";
import { createTenant, type TestTenant } from "../support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let server: RunningServer;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  tenant = await createTenant(database.db, "Shop");
  other = await createTenant(database.db, "Other shop");
  app = createTestApp(database);
  server = await startServer(
    { db: database.db, log: createLogger("silent"), version: "test" },
    { port: 0, host: "127.0.0.1" },
  );
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const q = async <T>(text: string, params: unknown[] = []) =>
  (await database.pool.query(text, params)).rows as T[];
const basic = (key: string) => ({
  authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
  "content-type": "application/json",
});

async function post(path: string, body: unknown, key = tenant.writeKey) {
  const res = await app.request(path, {
    method: "POST",
    headers: basic(key),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe("Segment's own Node library", () => {
  it("delivers identify, track and page calls that land on one contact's timeline", async () => {
    const analytics = new Analytics({
      writeKey: tenant.writeKey,
      host: `http://127.0.0.1:${server.port}`,
      flushAt: 3,
      maxRetries: 0,
    });
    const failures: unknown[] = [];
    analytics.on("error", (err) => failures.push(err));
    analytics.identify({
      anonymousId: "visitor-1",
      userId: "user-42",
      traits: { email: "Anna@Example.com", firstName: "Anna", plan: "pro" },
    });
    analytics.track({
      userId: "user-42",
      event: "Order Completed",
      properties: { revenue: 99.9 },
      context: { campaign: { source: "newsletter", name: "spring", medium: "email" } },
    });
    analytics.page({
      anonymousId: "visitor-1",
      name: "Pricing",
      properties: { url: "https://shop.example/pricing" },
    });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(failures).toEqual([]);

    const [contact] = await q<{
      id: string;
      email: string;
      first_name: string;
      lifetime_revenue: string;
      traits: { plan: string };
    }>(
      "select id, email, first_name, lifetime_revenue, traits from contacts where workspace_id = $1 and user_id = 'user-42'",
      [tenant.workspaceId],
    );
    expect(contact).toMatchObject({
      email: "anna@example.com",
      first_name: "Anna",
      lifetime_revenue: "99.90",
      traits: { plan: "pro" },
    });
    const timeline = await q<{ type: string; name: string | null; utm: string | null }>(
      "select type, name, context->'campaign'->>'source' as utm from events where contact_id = $1 order by timestamp, id",
      [contact!.id],
    );
    expect(timeline.map((e) => `${e.type}:${e.name ?? ""}`).sort()).toEqual([
      "identify:",
      "page:Pricing",
      "track:Order Completed",
    ]);
    expect(timeline.find((e) => e.type === "track")?.utm).toBe("newsletter");
  });

  it("reads bodies from the real server: gzip, chunked and a 413 past 2 MB", async () => {
    const url = `http://127.0.0.1:${server.port}/v1/batch`;
    const batch = JSON.stringify({
      batch: [{ type: "track", event: "Zipped", userId: "raw-1", messageId: "raw-1" }],
    });
    const zipped = await fetch(url, {
      method: "POST",
      headers: { ...basic(tenant.writeKey), "content-encoding": "gzip" },
      body: gzipSync(batch),
    });
    expect(zipped.status).toBe(200);
    const chunked = await fetch(url, {
      method: "POST",
      headers: basic(tenant.writeKey),
      body: new Blob([batch.replaceAll("raw-1", "raw-2")]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(200);
    const huge = await fetch(url, {
      method: "POST",
      headers: basic(tenant.writeKey),
      body: "x".repeat(2 * 1024 * 1024 + 1),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
    const stored = await q<{ message_id: string }>(
      "select message_id from events where workspace_id = $1 and message_id like 'raw-%' order by 1",
      [tenant.workspaceId],
    );
    expect(stored.map((r) => r.message_id)).toEqual(["raw-1", "raw-2"]);
  });
});

describe("the HTTP tracking API", () => {
  const event = (i: number, extra: object = {}) => ({
    type: "track",
    event: "Viewed",
    userId: `u${i}`,
    messageId: `msg-${i}`,
    ...extra,
  });

  it("re-sending a batch with the same messageIds stores nothing new", async () => {
    const batch = { batch: [event(1), event(2), event(3)] };
    expect((await post("/v1/batch", batch)).status).toBe(200);
    const count = async () =>
      (
        await q<{ n: number }>(
          "select count(*)::int as n from events where message_id like 'msg-%'",
        )
      )[0]!.n;
    expect(await count()).toBe(3);
    expect(await post("/v1/batch", batch)).toEqual({ status: 200, body: { success: true } });
    expect(await count()).toBe(3);
  });

  it("stores the valid events of a batch and rejects, with reasons, those without an id", async () => {
    const res = await post("/v1/batch", {
      batch: [
        event(10),
        { type: "track", event: "No id", messageId: "no-id" },
        event(11),
        { type: "bogus" },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.message).toContain("2 of 4 events were rejected");
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["batch.1.userId"]),
    );
    const stored = await q<{ message_id: string }>(
      "select message_id from events where message_id in ('msg-10', 'msg-11', 'no-id')",
    );
    expect(stored.map((r) => r.message_id).sort()).toEqual(["msg-10", "msg-11"]);
  });

  it("rejects an event over 32 KB inside a batch and stores the others", async () => {
    const res = await post("/v1/batch", {
      batch: [event(60), event(61, { properties: { blob: "x".repeat(33_000) } }), event(62)],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("1 of 3 events were rejected");
    expect(res.body.error.details).toEqual([
      { path: "batch.1", message: "The event is larger than 32 KB." },
    ]);
    const stored = await q<{ message_id: string }>(
      "select message_id from events where message_id in ('msg-60', 'msg-61', 'msg-62')",
    );
    expect(stored.map((r) => r.message_id).sort()).toEqual(["msg-60", "msg-62"]);
  });

  it("answers malformed JSON, a wrong key, a secret key and an oversize batch with 4xx envelopes, storing nothing", async () => {
    const before = (await q<{ n: number }>("select count(*)::int as n from events"))[0]!.n;
    const bad = await post("/v1/track", "{not json");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
    const wrong = await post("/v1/track", event(20), "vk_wk_wrong");
    expect(wrong.status).toBe(401);
    const none = await app.request("/v1/track", {
      method: "POST",
      body: JSON.stringify(event(21)),
    });
    expect(none.status).toBe(401);
    const secret = await post("/v1/track", event(22), tenant.secretKey);
    expect(secret.status).toBe(403);
    const big = await post("/v1/batch", {
      batch: Array.from({ length: 40 }, (_, i) =>
        event(100 + i, { properties: { blob: "x".repeat(14_000) } }),
      ),
    });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/limit is 500 KB/);
    const huge = await post("/v1/track", event(23, { properties: { blob: "x".repeat(33_000) } }));
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/limit is 32 KB/);
    const noId = await post("/v1/track", { event: "Viewed" });
    expect(noId.status).toBe(400);
    expect((await q<{ n: number }>("select count(*)::int as n from events"))[0]!.n).toBe(before);
  });

  it("corrects the device clock using sentAt", async () => {
    // The device clock is 1 hour behind: the event happened 10 s before it was sent.
    const sentAt = new Date(Date.now() - 3600_000);
    const at = new Date(sentAt.getTime() - 10_000);
    await post("/v1/track", {
      ...event(30),
      timestamp: at.toISOString(),
      sentAt: sentAt.toISOString(),
    });
    const [row] = await q<{ timestamp: Date }>(
      "select timestamp from events where message_id = 'msg-30'",
    );
    expect(Math.abs(row!.timestamp.getTime() - (Date.now() - 10_000))).toBeLessThan(5_000);
  });

  it("keeps the context: UTM campaign, IP and user agent", async () => {
    await app.request("/v1/page", {
      method: "POST",
      headers: {
        ...basic(tenant.writeKey),
        "user-agent": "TestBrowser/1.0",
        "x-forwarded-for": "203.0.113.7",
      },
      body: JSON.stringify({
        anonymousId: "a-ctx",
        messageId: "ctx-1",
        name: "Home",
        context: { campaign: { source: "vk", medium: "cpc" } },
      }),
    });
    const [row] = await q<{ context: Record<string, unknown> }>(
      "select context from events where message_id = 'ctx-1'",
    );
    expect(row!.context).toMatchObject({
      campaign: { source: "vk", medium: "cpc" },
      ip: "203.0.113.7",
      userAgent: "TestBrowser/1.0",
    });
  });

  it("another workspace's write key writes into its own workspace only", async () => {
    await post("/v1/track", { ...event(40), userId: "shared-id" }, other.writeKey);
    const rows = await q<{ workspace_id: string }>(
      "select workspace_id from events where message_id = 'msg-40'",
    );
    expect(rows).toEqual([{ workspace_id: other.workspaceId }]);
  });
});
