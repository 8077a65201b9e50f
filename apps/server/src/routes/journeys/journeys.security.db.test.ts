import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let journeyId: string;

const graph = {
  schemaVersion: 1,
  nodes: [
    { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "signed_up" } },
    { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: "welcome" } },
  ],
  edges: [{ id: "e", source: "t", target: "m" }],
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  const res = await app.request("/api/journeys", {
    method: "POST",
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    body: JSON.stringify({ name: "Acme secret journey", draft: graph }),
  });
  journeyId = (await res.json()).id;
  await app.request(`/api/journeys/${journeyId}/publish`, {
    method: "POST",
    headers: bearer(acme.secretKey),
  });
});
afterAll(() => database.drop());

describe("journeys across workspaces", () => {
  it("another workspace's key sees no journey and cannot touch it", async () => {
    const list = await (
      await app.request("/api/journeys", { headers: bearer(globex.secretKey) })
    ).json();
    expect(list.data).toEqual([]);
    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/api/journeys/${journeyId}`],
      ["PATCH", `/api/journeys/${journeyId}`, { name: "Hacked" }],
      ["POST", `/api/journeys/${journeyId}/publish`],
      ["POST", `/api/journeys/${journeyId}/pause`],
      ["POST", `/api/journeys/${journeyId}/resume`],
      ["POST", `/api/journeys/${journeyId}/stop`],
      ["POST", `/api/journeys/${journeyId}/archive`],
      ["POST", `/api/journeys/${journeyId}/duplicate`],
      ["GET", `/api/journeys/${journeyId}/versions/1/counts`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await app.request(path, {
        method,
        headers: { ...bearer(globex.secretKey), ...jsonHeaders },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.text()).not.toContain("Acme secret journey");
    }
    const own = await (
      await app.request(`/api/journeys/${journeyId}`, { headers: bearer(acme.secretKey) })
    ).json();
    expect(own).toMatchObject({ name: "Acme secret journey", status: "live", currentVersion: 1 });
    const copies = await (
      await app.request("/api/journeys", { headers: bearer(acme.secretKey) })
    ).json();
    expect(copies.data).toHaveLength(1);
  });

  it("without a key or with the write key: 401 / 403", async () => {
    expect((await app.request("/api/journeys")).status).toBe(401);
    expect((await app.request("/api/journeys", { headers: bearer(acme.writeKey) })).status).toBe(
      403,
    );
  });
});
