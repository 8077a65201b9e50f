import { readFileSync } from "node:fs";
import { advanceBatch, storeEvents } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;

const cartGraph: unknown = JSON.parse(
  readFileSync(
    new URL("../../../../../test/fixtures/journeys/abandoned-cart.json", import.meta.url),
    "utf8",
  ),
);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
});
afterAll(() => database.drop());

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

describe("journey lifecycle API", () => {
  it("saves an unfinished draft with its violations per node, and refuses to publish it", async () => {
    const created = await call("POST", "/api/journeys", { name: "Cart" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Cart",
      status: "draft",
      currentVersion: null,
      versions: [],
    });
    expect(created.body.violations.map((v: { code: string }) => v.code)).toContain("no-trigger");

    const broken = {
      schemaVersion: 1,
      nodes: [
        { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "x" } },
        { id: "mail", type: "send-email", position: { x: 1, y: 0 }, data: {} },
      ],
      edges: [{ id: "e", source: "t", target: "mail" }],
    };
    const saved = await call("PATCH", `/api/journeys/${created.body.id}`, { draft: broken });
    expect(saved.status).toBe(200);
    expect(saved.body.violations).toContainEqual(expect.objectContaining({ nodeId: "mail" }));

    const refused = await call("POST", `/api/journeys/${created.body.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("validation_failed");
    expect(refused.body.error.details).toContainEqual(
      expect.objectContaining({ path: "nodes.mail" }),
    );
    const after = await call("GET", `/api/journeys/${created.body.id}`);
    expect(after.body).toMatchObject({ status: "draft", currentVersion: null, versions: [] });
  });

  it("rejects a body that is not a journey request, writing nothing", async () => {
    const before = await call("GET", "/api/journeys");
    expect((await call("POST", "/api/journeys", { name: "" })).status).toBe(400);
    expect((await call("POST", "/api/journeys", { name: "x", draft: [1, 2] })).status).toBe(400);
    expect((await call("GET", "/api/journeys/not-a-uuid")).status).toBe(400);
    expect((await call("GET", "/api/journeys")).body.data).toHaveLength(before.body.data.length);
  });

  it("publishes, pauses, resumes, stops, archives, duplicates, and counts per node", async () => {
    const { body: j } = await call("POST", "/api/journeys", {
      name: "Abandoned cart",
      draft: cartGraph,
    });
    expect(j.violations).toEqual([]);
    const published = await call("POST", `/api/journeys/${j.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: "live",
      currentVersion: 1,
      versions: [{ version: 1 }],
    });

    const at = new Date("2026-07-01T10:00:00Z");
    await storeEvents(database.db, acme.workspaceId, [
      {
        messageId: "cart-1",
        type: "track",
        name: "cart_abandoned",
        userId: "u1",
        anonymousId: null,
        identities: [{ kind: "user_id", value: "u1" }],
        properties: { cartValue: 120 },
        context: {},
        timestamp: at,
      },
    ]);
    await advanceBatch(database.db, { now: at.getTime() });
    const counts = await call("GET", `/api/journeys/${j.id}/versions/1/counts`);
    expect(counts.status).toBe(200);
    expect(counts.body.nodes).toEqual([
      { nodeId: "cart-abandoned", entered: 1, waiting: 0, passed: 1, converted: 0, exited: 0 },
      { nodeId: "wait-1h", entered: 1, waiting: 1, passed: 0, converted: 0, exited: 0 },
    ]);
    expect((await call("GET", `/api/journeys/${j.id}/versions/2/counts`)).status).toBe(404);

    expect((await call("POST", `/api/journeys/${j.id}/pause`)).body.status).toBe("paused");
    expect((await call("POST", `/api/journeys/${j.id}/pause`)).status).toBe(409);
    expect((await call("POST", `/api/journeys/${j.id}/resume`)).body.status).toBe("live");
    expect((await call("POST", `/api/journeys/${j.id}/archive`)).status).toBe(409);
    expect((await call("POST", `/api/journeys/${j.id}/stop`)).body.status).toBe("stopped");
    const stopped = await call("GET", `/api/journeys/${j.id}/versions/1/counts`);
    expect(stopped.body.nodes[1]).toMatchObject({ nodeId: "wait-1h", waiting: 0, exited: 1 });
    expect((await call("POST", `/api/journeys/${j.id}/archive`)).body.status).toBe("archived");
    expect((await call("PATCH", `/api/journeys/${j.id}`, { name: "Again" })).status).toBe(409);

    const copy = await call("POST", `/api/journeys/${j.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      name: "Abandoned cart (copy)",
      status: "draft",
      violations: [],
    });
    const list = await call("GET", "/api/journeys");
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(copy.body.id);
  });
});
