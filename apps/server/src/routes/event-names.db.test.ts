import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
});
afterAll(() => database.drop());

/** Sends a Segment batch with the workspace's write key, as a website would. */
async function send(tenant: TestTenant, batch: unknown[]) {
  const res = await app.request("/v1/batch", {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${tenant.writeKey}:`).toString("base64")}`,
      ...jsonHeaders,
    },
    body: JSON.stringify({ batch }),
  });
  expect(res.status).toBe(200);
}

const names = async (tenant: TestTenant, query = "") => {
  const res = await app.request(`/api/events/names${query}`, { headers: bearer(tenant.secretKey) });
  return { status: res.status, body: (await res.json()) as { data: { name: string }[] } };
};

describe("GET /api/events/names", () => {
  it("lists each name the workspace received once, A→Z", async () => {
    expect((await names(acme)).body).toEqual({ data: [] });
    const track = (userId: string, event: string) => ({ type: "track", userId, event });
    await send(acme, [
      track("ann", "order_completed"),
      track("ann", "cart_abandoned"),
      track("bob", "cart_abandoned"),
      track("bob", "Signed Up"),
      track("cid", "cart_abandoned"),
      { type: "identify", userId: "dan", traits: { plan: "pro" } },
    ]);
    await send(globex, [track("eve", "globex_secret_event")]);

    const { status, body } = await names(acme);
    expect(status).toBe(200);
    const list = body.data.map((d) => d.name);
    expect([...list].sort()).toEqual(["Signed Up", "cart_abandoned", "order_completed"].sort());
    expect(list).not.toContain("globex_secret_event");
    expect((await names(globex)).body.data.map((d) => d.name)).toEqual(["globex_secret_event"]);
  });

  it("stops at the limit", async () => {
    const { body } = await names(acme, "?limit=2");
    expect(body.data).toHaveLength(2);
  });

  it("refuses a bad limit with 400, no key with 401 and the write key with 403", async () => {
    expect((await names(acme, "?limit=0")).status).toBe(400);
    expect((await names(acme, "?limit=many")).status).toBe(400);
    expect((await app.request("/api/events/names")).status).toBe(401);
    const write = await app.request("/api/events/names", { headers: bearer(acme.writeKey) });
    expect(write.status).toBe(403);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths["/api/events/names"]).toBeDefined();
  });
});
