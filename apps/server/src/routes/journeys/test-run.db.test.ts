import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let cartId: string;

const cartGraph: unknown = JSON.parse(
  readFileSync(
    new URL("../../../../../test/fixtures/journeys/abandoned-cart.json", import.meta.url),
    "utf8",
  ),
);

async function call(key: string, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

/** Rows anything could have been sent from: the engine's outbox and the email tables. */
async function outboxRows(): Promise<number> {
  const r = await database.db.execute<{ n: number }>(sql`
    select (select count(*) from journey_effects)::int + (select count(*) from email_deliveries)::int
         + (select count(*) from email_dev_mailbox)::int + (select count(*) from enrollments)::int as n`);
  return r.rows[0]?.n ?? -1;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  const created = await call(acme.secretKey, "POST", "/api/journeys", {
    name: "Cart",
    draft: cartGraph,
  });
  cartId = created.body.id;
});
afterAll(() => database.drop());

const START = "2026-11-02T10:00:00.000Z";

describe("journey test run", () => {
  it("walks the draft along the timeline, lists the effects and sends nothing", async () => {
    const res = await call(acme.secretKey, "POST", `/api/journeys/${cartId}/test-run`, {
      contact: { attributes: { email: "ann@example.com" }, consent: ["email", "sms"] },
      startAt: START,
      triggerProperties: { cartValue: 150 },
      timeline: [
        { type: "wait", amount: 26, unit: "hours" },
        { type: "event", name: "order_completed" },
      ],
    });
    expect(res.status).toBe(200);
    const visited = res.body.path.map((p: { nodeId: string }) => p.nodeId);
    expect(visited).toEqual([
      "cart-abandoned",
      "wait-1h",
      "email-cart-reminder",
      "wait-purchase",
      "is-big-cart",
      "promo-cart",
      "email-cart-discount",
      "wait-purchase-2",
      "goal-purchased",
    ]);
    // The reminder goes out an hour in, the discount when the first wait times out a day later.
    const at = (nodeId: string) =>
      res.body.path.find((p: { nodeId: string }) => p.nodeId === nodeId).at;
    expect(at("email-cart-reminder")).toBe("2026-11-02T11:00:00.000Z");
    expect(at("email-cart-discount")).toBe("2026-11-03T11:00:00.000Z");
    expect(at("goal-purchased")).toBe("2026-11-03T12:00:00.000Z");
    const effects = res.body.effects.map((e: { type: string; details: object }) => ({
      type: e.type,
      ...e.details,
    }));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: "send-email", templateId: "cart-reminder" }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: "send-email", templateId: "cart-discount" }),
    );
    expect(effects).toContainEqual(expect.objectContaining({ type: "issue-promo-code" }));
    expect(res.body.outcome).toMatchObject({ status: "converted", nodeId: "goal-purchased" });
    expect(await outboxRows()).toBe(0);
  });

  it("takes the other branch for a small cart and stops the clock where the timeline ends", async () => {
    const res = await call(acme.secretKey, "POST", `/api/journeys/${cartId}/test-run`, {
      contact: { consent: ["sms"] },
      startAt: START,
      triggerProperties: { cartValue: 20 },
      timeline: [{ type: "wait", amount: 2, unit: "days" }],
    });
    expect(res.status).toBe(200);
    const visited = res.body.path.map((p: { nodeId: string }) => p.nodeId);
    expect(visited).toContain("sms-cart-reminder");
    expect(visited).not.toContain("promo-cart");
    expect(res.body.outcome).toMatchObject({
      status: "waiting",
      nodeId: "wait-purchase-2",
      waitingForEvent: "order_completed",
      wakeAt: "2026-11-05T11:00:00.000Z",
    });
    expect(res.body.endedAt).toBe("2026-11-04T10:00:00.000Z");
    expect(await outboxRows()).toBe(0);
  });

  it("runs an existing contact of the workspace", async () => {
    const contact = await call(acme.secretKey, "POST", "/api/contacts", {
      email: "bob@example.com",
    });
    expect(contact.status).toBeLessThan(300);
    const res = await call(acme.secretKey, "POST", `/api/journeys/${cartId}/test-run`, {
      contact: { contactId: contact.body.id },
      startAt: START,
      runOnDays: 10,
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatchObject({ status: "exited", nodeId: "exit-no-purchase" });
    expect(await outboxRows()).toBe(0);
  });

  it("refuses bad input, unknown contacts and unfinished drafts with a clear 4xx", async () => {
    const path = `/api/journeys/${cartId}/test-run`;
    const empty = await call(acme.secretKey, "POST", path, {
      contact: {},
      timeline: [{ type: "event", name: " " }],
    });
    expect(empty.status).toBe(400);
    const tooLong = await call(acme.secretKey, "POST", path, {
      contact: {},
      timeline: [{ type: "wait", amount: 1000, unit: "weeks" }],
    });
    expect(tooLong.status).toBe(400);
    const unknown = await call(acme.secretKey, "POST", path, {
      contact: { contactId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);

    const draft = await call(acme.secretKey, "POST", "/api/journeys", { name: "Empty" });
    const unfinished = await call(
      acme.secretKey,
      "POST",
      `/api/journeys/${draft.body.id}/test-run`,
      {
        contact: {},
      },
    );
    expect(unfinished.status).toBe(400);
    expect(unfinished.body.error.code).toBe("validation_failed");
  });

  it("another workspace's key cannot test-run the journey or read its contacts", async () => {
    const res = await call(globex.secretKey, "POST", `/api/journeys/${cartId}/test-run`, {
      contact: {},
    });
    expect(res.status).toBe(404);
    const contact = await call(acme.secretKey, "POST", "/api/contacts", {
      email: "eve@example.com",
    });
    const own = await call(globex.secretKey, "POST", "/api/journeys", {
      name: "Globex cart",
      draft: cartGraph,
    });
    const probe = await call(globex.secretKey, "POST", `/api/journeys/${own.body.id}/test-run`, {
      contact: { contactId: contact.body.id },
    });
    expect(probe.status).toBe(404);
  });
});

describe("published versions", () => {
  it("returns a version's graph as published, to its own workspace only", async () => {
    const published = await call(acme.secretKey, "POST", `/api/journeys/${cartId}/publish`);
    expect(published.status).toBe(200);
    // A later draft edit does not touch the published graph.
    await call(acme.secretKey, "PATCH", `/api/journeys/${cartId}`, {
      draft: { schemaVersion: 1, nodes: [], edges: [] },
    });
    const v1 = await call(acme.secretKey, "GET", `/api/journeys/${cartId}/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, graph: cartGraph });
    expect((await call(acme.secretKey, "GET", `/api/journeys/${cartId}/versions/2`)).status).toBe(
      404,
    );
    expect((await call(globex.secretKey, "GET", `/api/journeys/${cartId}/versions/1`)).status).toBe(
      404,
    );
  });
});
