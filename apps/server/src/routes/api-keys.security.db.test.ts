import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp } from "../../../../test/support/app.ts";
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

describe("who may call /api", () => {
  it("no credentials: 401 and no data", async () => {
    for (const path of ["/api/workspace", "/api/api-keys", `/api/workspaces/${acme.workspaceId}`]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      const text = await res.text();
      expect(text).toContain("unauthenticated");
      expect(text).not.toContain("Acme");
    }
  });

  it("an unknown or malformed key: 401", async () => {
    const unknown = await app.request("/api/workspace", { headers: bearer("vk_sk_doesnotexist") });
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.code).toBe("invalid_api_key");
    const malformed = await app.request("/api/workspace", {
      headers: { authorization: "Basic abc" },
    });
    expect(malformed.status).toBe(401);
  });

  it("the public write key is refused on /api with 403", async () => {
    const res = await app.request("/api/api-keys", { headers: bearer(acme.writeKey) });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toContain("write key");
    expect(text).not.toContain("Default secret key");
  });

  it("another workspace's key sees nothing of this one: 404", async () => {
    const res = await app.request(`/api/workspaces/${acme.workspaceId}`, {
      headers: bearer(globex.secretKey),
    });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Acme");
    const own = await app.request(`/api/workspaces/${globex.workspaceId}`, {
      headers: bearer(globex.secretKey),
    });
    expect(own.status).toBe(200);
  });

  it("another workspace's key lists only its own keys and cannot revoke Acme's", async () => {
    const { rows } = await database.pool.query<{ id: string }>(
      "select id from api_keys where workspace_id = $1 and kind = 'secret'",
      [acme.workspaceId],
    );
    const acmeKeyId = rows[0]?.id;
    const list = await (
      await app.request("/api/api-keys", { headers: bearer(globex.secretKey) })
    ).json();
    expect(list.data.map((k: { id: string }) => k.id)).not.toContain(acmeKeyId);

    const revoke = await app.request(`/api/api-keys/${acmeKeyId}`, {
      method: "DELETE",
      headers: bearer(globex.secretKey),
    });
    expect(revoke.status).toBe(404);
    const still = await app.request("/api/workspace", { headers: bearer(acme.secretKey) });
    expect(still.status).toBe(200);
  });

  it("a session of one workspace cannot rename another", async () => {
    const res = await app.request("/api/workspace", {
      method: "PATCH",
      headers: { ...bearer(globex.secretKey), "content-type": "application/json" },
      body: JSON.stringify({ name: "Renamed" }),
    });
    expect(res.status).toBe(200);
    const acmeNow = await (
      await app.request("/api/workspace", { headers: bearer(acme.secretKey) })
    ).json();
    expect(acmeNow.name).toBe("Acme");
  });
});
