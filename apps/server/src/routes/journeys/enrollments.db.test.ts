import {
  advanceBatch,
  BULK_ENROLL_TASK,
  createFunnel,
  editContact,
  moveContacts,
  runBulkEnrollment,
  storeEvents,
} from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;

/** Manual trigger → wait a day → email; `once` unless told otherwise. */
function manualGraph(reentry: object = { mode: "once" }) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "start", type: "trigger-manual", position: { x: 0, y: 0 }, data: {} },
      {
        id: "w",
        type: "wait",
        position: { x: 1, y: 0 },
        data: { mode: "duration", duration: { amount: 1, unit: "days" } },
      },
      { id: "m", type: "send-email", position: { x: 2, y: 0 }, data: { templateId: "tpl" } },
    ],
    edges: [
      { id: "e1", source: "start", target: "w" },
      { id: "e2", source: "w", target: "m" },
    ],
    settings: { reentry },
  };
}

async function call(key: string, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

async function publishedJourney(tenant: TestTenant, draft: object): Promise<string> {
  const created = await call(tenant.secretKey, "POST", "/api/journeys", { name: "J", draft });
  const published = await call(
    tenant.secretKey,
    "POST",
    `/api/journeys/${created.body.id}/publish`,
  );
  expect(published.status).toBe(200);
  return created.body.id;
}

/** Contacts `prefix0..n-1` created through identify, with the given traits; returns ids. */
async function contacts(
  workspaceId: string,
  prefix: string,
  n: number,
  traits: (i: number) => Record<string, unknown> = () => ({}),
): Promise<string[]> {
  const { stored } = await storeEvents(
    database.db,
    workspaceId,
    Array.from({ length: n }, (_, i) => ({
      messageId: `${prefix}-${i}`,
      type: "identify" as const,
      name: null,
      userId: `${prefix}${i}`,
      anonymousId: null,
      identities: [{ kind: "user_id" as const, value: `${prefix}${i}` }],
      patch: { traits: traits(i) },
      properties: {},
      context: {},
      timestamp: new Date(),
    })),
  );
  return stored.map((s) => s.contactId);
}

async function enrolledIn(journeyId: string): Promise<string[]> {
  const r = await database.db.execute<{ contact_id: string }>(sql`
    select contact_id from enrollments where journey_id = ${journeyId} order by contact_id`);
  return r.rows.map((x) => x.contact_id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
});
afterAll(() => database.drop());

describe("enroll one contact", () => {
  it("enrolls at the manual trigger, then the re-entry rule keeps the contact out", async () => {
    const journeyId = await publishedJourney(acme, manualGraph());
    const [ann] = await contacts(acme.workspaceId, "one", 1);
    const path = `/api/journeys/${journeyId}/enrollments`;
    expect(await call(acme.secretKey, "POST", path, { contactId: ann })).toEqual({
      status: 200,
      body: { contactId: ann, enrolled: true, reason: null },
    });
    expect(await call(acme.secretKey, "POST", path, { contactId: ann })).toEqual({
      status: 200,
      body: { contactId: ann, enrolled: false, reason: "already-entered" },
    });
    const rows = await database.db.execute<{ trigger: string }>(sql`
      select start->>'trigger' as trigger from enrollments where journey_id = ${journeyId}`);
    expect(rows.rows).toEqual([{ trigger: "start" }]);
  });

  it("refuses clearly: unknown contact, bad body, no manual trigger, a paused journey", async () => {
    const journeyId = await publishedJourney(acme, manualGraph());
    const path = `/api/journeys/${journeyId}/enrollments`;
    const unknown = await call(acme.secretKey, "POST", path, {
      contactId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.status).toBe(404);
    expect((await call(acme.secretKey, "POST", path, { contactId: "x" })).status).toBe(400);

    const eventOnly = await publishedJourney(acme, {
      schemaVersion: 1,
      nodes: [
        { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "x" } },
        { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: "t" } },
      ],
      edges: [{ id: "e", source: "t", target: "m" }],
    });
    const [bob] = await contacts(acme.workspaceId, "refuse", 1);
    const noTrigger = await call(acme.secretKey, "POST", `/api/journeys/${eventOnly}/enrollments`, {
      contactId: bob,
    });
    expect(noTrigger.status).toBe(409);
    expect(noTrigger.body.error.message).toContain("Manual enrollment");

    await call(acme.secretKey, "POST", `/api/journeys/${journeyId}/pause`);
    const paused = await call(acme.secretKey, "POST", path, { contactId: bob });
    expect(paused.status).toBe(409);
    const bulk = await call(acme.secretKey, "POST", `/api/journeys/${journeyId}/bulk-enrollments`, {
      filter: {},
    });
    expect(bulk.status).toBe(409);
    expect(await enrolledIn(journeyId)).toEqual([]);
    expect(await enrolledIn(eventOnly)).toEqual([]);
  });
});

describe("bulk enrollment", () => {
  it("enrolls the contacts in a stage in batches, with progress, skipping those re-entry keeps out", async () => {
    const journeyId = await publishedJourney(acme, manualGraph());
    const funnel = await createFunnel(database.db, acme.workspaceId, {
      name: "Sales",
      stages: ["New", "Offer"],
    });
    const offer = funnel.stages[1];
    if (!offer) throw new Error("no stage");
    const all = await contacts(acme.workspaceId, "bulk", 30);
    const inStage = all.filter((_, i) => i % 3 === 0); // 10 contacts
    await database.db.transaction((tx) =>
      moveContacts(
        tx,
        acme.workspaceId,
        inStage.map((contactId) => ({
          funnelId: funnel.id,
          contactId,
          toStageId: offer.id,
          cause: "api" as const,
        })),
      ),
    );
    // Already in the journey (re-entry `once`): counted as skipped.
    await call(acme.secretKey, "POST", `/api/journeys/${journeyId}/enrollments`, {
      contactId: inStage[0],
    });

    const started = await call(
      acme.secretKey,
      "POST",
      `/api/journeys/${journeyId}/bulk-enrollments`,
      {
        filter: { stage: offer.id },
      },
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: "queued", total: null, enrolled: 0, skipped: 0 });
    const jobs = await database.pool.query(
      "select count(*)::int as n from graphile_worker.jobs where task_identifier = $1",
      [BULK_ENROLL_TASK],
    );
    expect(jobs.rows[0].n).toBeGreaterThanOrEqual(1);

    // What the worker task runs; batches of 3 make the walk take several transactions.
    await runBulkEnrollment(database.db, acme.workspaceId, started.body.id, { batchSize: 3 });
    const progress = await call(
      acme.secretKey,
      "GET",
      `/api/journeys/${journeyId}/bulk-enrollments/${started.body.id}`,
    );
    expect(progress.body).toMatchObject({
      status: "done",
      total: 10,
      enrolled: 9,
      skipped: 1,
      error: null,
      filter: { stage: offer.id },
    });
    expect(await enrolledIn(journeyId)).toEqual([...inStage].sort());
    // Running the finished job again changes nothing.
    await runBulkEnrollment(database.db, acme.workspaceId, started.body.id, { batchSize: 3 });
    expect(await enrolledIn(journeyId)).toHaveLength(10);

    const list = await call(acme.secretKey, "GET", `/api/journeys/${journeyId}/bulk-enrollments`);
    expect(list.body.data.map((b: { id: string }) => b.id)).toEqual([started.body.id]);

    // The engine starts them (all wait a day); the same graph republished: all can move to v2.
    while ((await advanceBatch(database.db, { now: Date.now() })).enrollments > 0);
    await call(acme.secretKey, "POST", `/api/journeys/${journeyId}/publish`);
    const migrated = await call(
      acme.secretKey,
      "POST",
      `/api/journeys/${journeyId}/migrate-waiting`,
    );
    expect(migrated).toEqual({ status: 200, body: { version: 2, moved: 10, stayed: 0 } });
  });

  it("filters by attribute and tag, or by ids — never another workspace's contacts", async () => {
    const journeyId = await publishedJourney(acme, manualGraph({ mode: "always" }));
    const people = await contacts(acme.workspaceId, "attr", 6, (i) => ({
      plan: i < 3 ? "pro" : "free",
    }));
    const [p0, p1, p2, f3, f4] = people;
    await database.db.transaction(async (tx) => {
      for (const id of [p0, f3])
        if (id) await editContact(tx, acme.workspaceId, id, { tags: ["vip"] });
    });
    const [outsider] = await contacts(globex.workspaceId, "outsider", 1);

    const run = async (filter: object) => {
      const r = await call(acme.secretKey, "POST", `/api/journeys/${journeyId}/bulk-enrollments`, {
        filter,
      });
      expect(r.status).toBe(202);
      return runBulkEnrollment(database.db, acme.workspaceId, r.body.id, { batchSize: 2 });
    };
    const pro = await run({ attribute: { name: "plan", equals: "pro" } });
    expect(pro).toMatchObject({ status: "done", total: 3, enrolled: 3, skipped: 0 });
    expect(await enrolledIn(journeyId)).toEqual([p0, p1, p2].sort());

    const vipPro = await run({ attribute: { name: "plan", equals: "pro" }, tag: "vip" });
    expect(vipPro).toMatchObject({ total: 1, enrolled: 1 });

    const byIds = await run({ contactIds: [f4, outsider] });
    expect(byIds).toMatchObject({ total: 1, enrolled: 1 });
    expect(await enrolledIn(journeyId)).toEqual([p0, p0, p1, p2, f4].sort());

    const bad = await call(acme.secretKey, "POST", `/api/journeys/${journeyId}/bulk-enrollments`, {
      filter: { contactIds: ["nope"] },
    });
    expect(bad.status).toBe(400);
  });
});

describe("enrollment APIs across workspaces", () => {
  it("another workspace's key cannot enroll, start, read or list", async () => {
    const journeyId = await publishedJourney(acme, manualGraph());
    const [mine] = await contacts(acme.workspaceId, "sec", 1);
    const started = await call(
      acme.secretKey,
      "POST",
      `/api/journeys/${journeyId}/bulk-enrollments`,
      {
        filter: { contactIds: [mine] },
      },
    );
    const attempts: Array<[string, string, unknown?]> = [
      ["POST", `/api/journeys/${journeyId}/enrollments`, { contactId: mine }],
      ["POST", `/api/journeys/${journeyId}/bulk-enrollments`, { filter: {} }],
      ["GET", `/api/journeys/${journeyId}/bulk-enrollments/${started.body.id}`],
      ["GET", `/api/journeys/${journeyId}/bulk-enrollments`],
      ["POST", `/api/journeys/${journeyId}/migrate-waiting`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(globex.secretKey, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Globex's own journey cannot take Acme's contact either.
    const theirs = await publishedJourney(globex, manualGraph());
    const cross = await call(globex.secretKey, "POST", `/api/journeys/${theirs}/enrollments`, {
      contactId: mine,
    });
    expect(cross.status).toBe(404);
    expect(await enrolledIn(journeyId)).toEqual([]);
    expect(await enrolledIn(theirs)).toEqual([]);
  });
});
