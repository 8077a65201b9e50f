import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let funnelId: string;
let stageId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  const res = await app.request("/api/funnels", {
    method: "POST",
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    body: JSON.stringify({ name: "Acme secret pipeline", stages: ["Lead", "Deal"] }),
  });
  const body = await res.json();
  funnelId = body.id;
  stageId = body.stages[0].id;
});
afterAll(() => database.drop());

describe("funnels across workspaces", () => {
  it("another workspace's key sees no funnel and cannot touch it", async () => {
    const list = await (
      await app.request("/api/funnels", { headers: bearer(globex.secretKey) })
    ).json();
    expect(list.data).toEqual([]);
    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/api/funnels/${funnelId}`],
      ["PATCH", `/api/funnels/${funnelId}`, { name: "Hacked" }],
      ["DELETE", `/api/funnels/${funnelId}`],
      ["GET", `/api/funnels/${funnelId}/history`],
      ["POST", `/api/funnels/${funnelId}/stages`, { name: "Injected" }],
      ["DELETE", `/api/funnels/${funnelId}/stages/${stageId}`],
      ["POST", `/api/funnels/${funnelId}/rules`, { eventName: "x", stageId }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await app.request(path, {
        method,
        headers: { ...bearer(globex.secretKey), ...jsonHeaders },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.text()).not.toContain("Acme secret pipeline");
    }
    const own = await (
      await app.request(`/api/funnels/${funnelId}`, { headers: bearer(acme.secretKey) })
    ).json();
    expect(own.name).toBe("Acme secret pipeline");
    expect(own.stages.map((s: { name: string }) => s.name)).toEqual([
      "Lead",
      "Deal",
      "Won",
      "Lost",
    ]);
  });

  it("without a key or with the write key: 401 / 403", async () => {
    expect((await app.request("/api/funnels")).status).toBe(401);
    expect((await app.request("/api/funnels", { headers: bearer(acme.writeKey) })).status).toBe(
      403,
    );
  });
});
