import { ApiKeyList, CreatedApiKey, Workspace } from "@voronka/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  tenant = await createTenant(database.db, "Acme");
});
afterAll(() => database.drop());

describe("API keys", () => {
  it("a secret key reads the workspace it belongs to", async () => {
    const res = await app.request("/api/workspace", { headers: bearer(tenant.secretKey) });
    expect(res.status).toBe(200);
    expect(Workspace.parse(await res.json())).toMatchObject({
      id: tenant.workspaceId,
      name: "Acme",
    });
  });

  it("creates a key, shows it once, stores only its hash, and it works at once", async () => {
    const res = await app.request("/api/api-keys", {
      method: "POST",
      headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
      body: JSON.stringify({ kind: "secret", name: "CRM sync" }),
    });
    expect(res.status).toBe(201);
    const created = CreatedApiKey.parse(await res.json());
    expect(created.key).toMatch(/^vk_sk_/);
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);

    const stored = await database.pool.query("select key_hash from api_keys where id = $1", [
      created.apiKey.id,
    ]);
    expect(stored.rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(created.key);

    const list = ApiKeyList.parse(
      await (await app.request("/api/api-keys", { headers: bearer(created.key) })).json(),
    );
    expect(list.data.map((k) => k.name)).toContain("CRM sync");
    expect(JSON.stringify(list)).not.toContain(created.key);
  });

  it("a revoked key stops working", async () => {
    const created = CreatedApiKey.parse(
      await (
        await app.request("/api/api-keys", {
          method: "POST",
          headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
          body: JSON.stringify({ kind: "secret", name: "Temporary" }),
        })
      ).json(),
    );
    const revoke = await app.request(`/api/api-keys/${created.apiKey.id}`, {
      method: "DELETE",
      headers: bearer(tenant.secretKey),
    });
    expect(revoke.status).toBe(204);
    const after = await app.request("/api/workspace", { headers: bearer(created.key) });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("invalid_api_key");
  });

  it("a revoked write key stops working on /v1 at once, though it was just used", async () => {
    const created = CreatedApiKey.parse(
      await (
        await app.request("/api/api-keys", {
          method: "POST",
          headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
          body: JSON.stringify({ kind: "write", name: "Old site" }),
        })
      ).json(),
    );
    const track = () =>
      app.request("/v1/track", {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${created.key}:`).toString("base64")}`,
          ...jsonHeaders,
        },
        body: JSON.stringify({ userId: "u-revoke", event: "Visited" }),
      });
    expect((await track()).status).toBe(200);
    const revoke = await app.request(`/api/api-keys/${created.apiKey.id}`, {
      method: "DELETE",
      headers: bearer(tenant.secretKey),
    });
    expect(revoke.status).toBe(204);
    const after = await track();
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("invalid_api_key");
  });

  it("refuses a nameless key with 400 and writes nothing", async () => {
    const before = await database.pool.query("select count(*)::int as n from api_keys");
    const res = await app.request("/api/api-keys", {
      method: "POST",
      headers: { ...bearer(tenant.secretKey), ...jsonHeaders },
      body: JSON.stringify({ kind: "admin", name: "  " }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "kind",
      "name",
    ]);
    const after = await database.pool.query("select count(*)::int as n from api_keys");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
