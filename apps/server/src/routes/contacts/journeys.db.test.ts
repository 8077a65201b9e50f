import { advanceBatch, storeEvents } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;

const at = (x: number) => ({ x, y: 0 });
const manual = { id: "start", type: "trigger-manual", position: at(0), data: {} };

/** Manual trigger → the given steps in a row. */
function chain(steps: Array<{ id: string; type: string; data: object }>) {
  const nodes = [manual, ...steps.map((s, i) => ({ ...s, position: at(i + 1) }))];
  return {
    schemaVersion: 1,
    nodes,
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id, target: n.id })),
    settings: { reentry: { mode: "always" } },
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

async function liveJourney(tenant: TestTenant, name: string, draft: object): Promise<string> {
  const created = await call(tenant.secretKey, "POST", "/api/journeys", { name, draft });
  expect(created.status).toBe(201);
  const published = await call(
    tenant.secretKey,
    "POST",
    `/api/journeys/${created.body.id}/publish`,
  );
  expect(published.status).toBe(200);
  return created.body.id;
}

async function contact(tenant: TestTenant, userId: string): Promise<string> {
  const { stored } = await storeEvents(database.db, tenant.workspaceId, [
    {
      messageId: `identify-${userId}`,
      type: "identify",
      name: null,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      patch: { consent: { email: "subscribed" } },
      properties: {},
      context: {},
      timestamp: new Date(),
    },
  ]);
  const id = stored[0]?.contactId;
  if (!id) throw new Error("contact not created");
  return id;
}

async function enroll(tenant: TestTenant, journeyId: string, contactId: string) {
  const res = await call(tenant.secretKey, "POST", `/api/journeys/${journeyId}/enrollments`, {
    contactId,
  });
  expect(res.body.enrolled).toBe(true);
}

const drain = async () => {
  while ((await advanceBatch(database.db, { now: Date.now() })).enrollments > 0);
};

let welcome: string;
let hello: string;
let bye: string;
let anna: string;
let bob: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  welcome = await liveJourney(
    acme,
    "Welcome series",
    chain([
      { id: "w", type: "wait", data: { mode: "duration", duration: { amount: 2, unit: "days" } } },
      { id: "m", type: "send-email", data: { templateId: "tpl" } },
    ]),
  );
  hello = await liveJourney(
    acme,
    "Tag new clients",
    chain([{ id: "tag", type: "update-contact", data: { addTags: ["client"] } }]),
  );
  bye = await liveJourney(
    acme,
    "Not interested",
    chain([{ id: "out", type: "exit", data: { reason: "declined" } }]),
  );
  anna = await contact(acme, "anna");
  bob = await contact(acme, "bob");
  await enroll(acme, hello, anna);
  await enroll(acme, bye, anna);
  await drain();
  await enroll(acme, welcome, anna);
  await drain();
});
afterAll(() => database.drop());

describe("GET /api/contacts/{id}/journeys", () => {
  it("lists each run with its journey, status and step, runs still going first", async () => {
    const before = Date.now();
    const res = await call(acme.secretKey, "GET", `/api/contacts/${anna}/journeys`);
    expect(res.status).toBe(200);
    const runs = res.body.data;
    expect(runs.map((r: { journeyName: string }) => r.journeyName)).toEqual([
      "Welcome series",
      "Not interested",
      "Tag new clients",
    ]);
    const [waiting, exited, completed] = runs;
    expect(waiting).toMatchObject({
      journeyId: welcome,
      journeyStatus: "live",
      version: 1,
      status: "waiting",
      node: { id: "w", type: "wait", label: "Wait" },
      waitingFor: null,
      exitReason: null,
      endedAt: null,
    });
    // Two calendar days in UTC from the step, give or take the test's own run time.
    const until = Date.parse(waiting.waitingUntil);
    expect(until).toBeGreaterThan(before + 2 * 86_400_000 - 60_000);
    expect(until).toBeLessThan(before + 2 * 86_400_000 + 60_000);
    expect(Date.parse(waiting.lastTransitionAt)).toBeGreaterThanOrEqual(
      Date.parse(waiting.enteredAt),
    );
    expect(exited).toMatchObject({
      journeyId: bye,
      status: "exited",
      node: { id: "out", type: "exit", label: "Exit" },
      exitReason: "declined",
      waitingUntil: null,
    });
    expect(exited.endedAt).toBe(exited.lastTransitionAt);
    expect(completed).toMatchObject({
      journeyId: hello,
      status: "completed",
      exitReason: "end-of-path",
      node: { id: "tag", type: "update-contact" },
    });
  });

  it("is empty for a contact in no journey, and 404 for an unknown id", async () => {
    expect(await call(acme.secretKey, "GET", `/api/contacts/${bob}/journeys`)).toEqual({
      status: 200,
      body: { data: [] },
    });
    const unknown = await call(
      acme.secretKey,
      "GET",
      "/api/contacts/00000000-0000-4000-8000-000000000000/journeys",
    );
    expect(unknown.status).toBe(404);
    expect((await call(acme.secretKey, "GET", "/api/contacts/nope/journeys")).status).toBe(400);
  });

  it("shows another workspace's key nothing of Acme's runs", async () => {
    const res = await call(globex.secretKey, "GET", `/api/contacts/${anna}/journeys`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain("Welcome");
    // Globex's own contact with the same user id is in none of Acme's journeys.
    const own = await contact(globex, "anna");
    expect(await call(globex.secretKey, "GET", `/api/contacts/${own}/journeys`)).toEqual({
      status: 200,
      body: { data: [] },
    });
  });

  it("is in the OpenAPI document", async () => {
    const doc = await (await app.request("/api/openapi.json")).json();
    expect(doc.paths["/api/contacts/{id}/journeys"]?.get?.summary).toBe(
      "The journeys a contact is in, and where",
    );
  });
});
