import { readFileSync } from "node:fs";
import { createUser } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;

interface Graph {
  settings: Record<string, unknown>;
  [key: string]: unknown;
}
// The abandoned-cart journey sets its own quiet hours (22:00–08:00) and cap (3 a day).
const cartGraph = JSON.parse(
  readFileSync(
    new URL("../../../../test/fixtures/journeys/abandoned-cart.json", import.meta.url),
    "utf8",
  ),
) as Graph; // checked by the API when the journey is created
const withoutRules = (): Graph => {
  const { quietHours: _q, frequencyCap: _f, ...settings } = cartGraph.settings;
  return { ...cartGraph, settings };
};

const DEFAULTS = {
  quietHours: { from: "21:00", to: "09:00" },
  frequencyCap: { max: 2, per: { amount: 1, unit: "weeks" } },
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
});
afterAll(() => database.drop());

async function call(key: string, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

/** Creates and publishes a journey, returning the published version's graph settings. */
async function publish(key: string, draft: unknown) {
  const created = await call(key, "POST", "/api/journeys", { name: "Cart", draft });
  expect(created.status).toBe(201);
  const published = await call(key, "POST", `/api/journeys/${created.body.id}/publish`);
  expect(published.status).toBe(200);
  const version = await call(key, "GET", `/api/journeys/${created.body.id}/versions/1`);
  expect(version.status).toBe(200);
  return { id: created.body.id as string, settings: version.body.graph.settings };
}

async function sessionOf(role: "admin" | "member"): Promise<string> {
  const email = `${role}@acme.example`;
  const password = "correct horse battery staple";
  await createUser(database.db, {
    email,
    name: role,
    password,
    workspaceId: acme.workspaceId,
    role,
  });
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: jsonHeaders,
    body: JSON.stringify({ email, password }),
  });
  const match = /voronka_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error("no session cookie");
  return `voronka_session=${match[1]}`;
}

describe("workspace sending rules", () => {
  it("starts with both rules off", async () => {
    const res = await call(acme.secretKey, "GET", "/api/workspace/sending-rules");
    expect(res).toEqual({
      status: 200,
      body: { quietHours: null, frequencyCap: null, updatedAt: null },
    });
  });

  it("refuses bad rules with 400 per field and writes nothing", async () => {
    const bad = [
      { quietHours: { from: "25:00", to: "09:00" }, frequencyCap: null },
      { quietHours: { from: "09:00", to: "09:00" }, frequencyCap: null },
      { quietHours: null, frequencyCap: { max: 0, per: { amount: 1, unit: "days" } } },
      { quietHours: null, frequencyCap: { max: 3, per: { amount: 1, unit: "months" } } },
      { quietHours: null },
    ];
    for (const body of bad) {
      const res = await call(acme.secretKey, "PUT", "/api/workspace/sending-rules", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const after = await call(acme.secretKey, "GET", "/api/workspace/sending-rules");
    expect(after.body).toMatchObject({ quietHours: null, frequencyCap: null, updatedAt: null });
  });

  it("fills a published version's missing quiet hours and cap from the workspace defaults", async () => {
    const saved = await call(acme.secretKey, "PUT", "/api/workspace/sending-rules", DEFAULTS);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(DEFAULTS);
    expect(saved.body.updatedAt).toEqual(expect.any(String));

    const { settings } = await publish(acme.secretKey, withoutRules());
    expect(settings).toMatchObject(DEFAULTS);
    // The journey's other settings are kept as they were.
    expect(settings.reentry).toEqual(cartGraph.settings.reentry);
  });

  it("keeps a journey's own rules, filling only what it leaves unset", async () => {
    const own = await publish(acme.secretKey, cartGraph);
    expect(own.settings.quietHours).toEqual({ from: "22:00", to: "08:00" });
    expect(own.settings.frequencyCap).toEqual({ max: 3, per: { amount: 1, unit: "days" } });

    const onlyQuiet = withoutRules();
    onlyQuiet.settings.quietHours = { from: "23:00", to: "07:00" };
    const mixed = await publish(acme.secretKey, onlyQuiet);
    expect(mixed.settings.quietHours).toEqual({ from: "23:00", to: "07:00" });
    expect(mixed.settings.frequencyCap).toEqual(DEFAULTS.frequencyCap);
  });

  it("leaves published versions as they were when the defaults change; the next publish takes the new ones", async () => {
    const { id } = await publish(acme.secretKey, withoutRules());
    const off = { quietHours: null, frequencyCap: { max: 5, per: { amount: 2, unit: "days" } } };
    expect((await call(acme.secretKey, "PUT", "/api/workspace/sending-rules", off)).status).toBe(
      200,
    );
    const v1 = await call(acme.secretKey, "GET", `/api/journeys/${id}/versions/1`);
    expect(v1.body.graph.settings).toMatchObject(DEFAULTS);

    expect((await call(acme.secretKey, "POST", `/api/journeys/${id}/publish`)).status).toBe(200);
    const v2 = await call(acme.secretKey, "GET", `/api/journeys/${id}/versions/2`);
    expect(v2.body.graph.settings.quietHours).toBeUndefined();
    expect(v2.body.graph.settings.frequencyCap).toEqual(off.frequencyCap);
    await call(acme.secretKey, "PUT", "/api/workspace/sending-rules", DEFAULTS);
  });

  it("another workspace neither sees nor gets these defaults, nor the versions", async () => {
    const theirs = await call(globex.secretKey, "GET", "/api/workspace/sending-rules");
    expect(theirs.body).toMatchObject({ quietHours: null, frequencyCap: null });

    const { settings } = await publish(globex.secretKey, withoutRules());
    expect(settings.quietHours).toBeUndefined();
    expect(settings.frequencyCap).toBeUndefined();

    const { id } = await publish(acme.secretKey, withoutRules());
    const peek = await call(globex.secretKey, "GET", `/api/journeys/${id}/versions/1`);
    expect(peek.status).toBe(404);
    const after = await call(acme.secretKey, "GET", "/api/workspace/sending-rules");
    expect(after.body).toMatchObject(DEFAULTS);
  });

  it("lets owners and admins change the rules; a member may read them only", async () => {
    const admin = await sessionOf("admin");
    const member = await sessionOf("member");
    const put = (cookie: string, body: unknown) =>
      app.request("/api/workspace/sending-rules", {
        method: "PUT",
        headers: { cookie, ...jsonHeaders },
        body: JSON.stringify(body),
      });

    const byMember = await put(member, { quietHours: null, frequencyCap: null });
    expect(byMember.status).toBe(403);
    expect((await byMember.json()).error.code).toBe("forbidden");
    const read = await app.request("/api/workspace/sending-rules", { headers: { cookie: member } });
    expect(await read.json()).toMatchObject(DEFAULTS);

    const byAdmin = await put(admin, { ...DEFAULTS, quietHours: { from: "20:00", to: "08:30" } });
    expect(byAdmin.status).toBe(200);
    expect((await byAdmin.json()).quietHours).toEqual({ from: "20:00", to: "08:30" });
  });
});
