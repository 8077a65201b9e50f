import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;

const sha = (v: string) => createHash("sha256").update(v).digest("hex");
const call = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
});
afterAll(() => database.drop());

describe("audiences API", () => {
  let funnel: { id: string; stages: { id: string; kind: string }[] };
  let contactId: string;

  it("per-stage audiences on a funnel follow a move made through the API", async () => {
    funnel = await (
      await call("POST", "/api/funnels", { name: "Banquet", stages: ["Lead", "Offer", "Deal"] })
    ).json();
    const on = await call("PUT", `/api/funnels/${funnel.id}/stage-audiences`, { perStage: true });
    expect(on.status).toBe(200);
    const setting = await on.json();
    expect(setting.perStage).toBe(true);
    expect(setting.stages).toHaveLength(5);
    const r = await database.db.execute<{ id: string }>(sql`
      insert into contacts (workspace_id, email, phone)
      values (${acme.workspaceId}, 'Anna@Example.com', '+7 916 000-11-22') returning id`);
    contactId = r.rows[0]?.id ?? "";
    const [lead, offer] = funnel.stages;
    for (const stage of [lead, offer]) {
      const moved = await call("POST", `/api/funnels/${funnel.id}/moves`, {
        contactId,
        stageId: stage?.id,
      });
      expect(moved.status).toBe(200);
    }
    const list = (await (await call("GET", "/api/audiences")).json()).data as {
      id: string;
      name: string;
      kind: string;
      stageId: string;
      members: number;
    }[];
    const offerAudience = list.find((a) => a.stageId === offer?.id);
    const leadAudience = list.find((a) => a.stageId === lead?.id);
    expect(offerAudience).toMatchObject({ name: "Banquet: Offer", kind: "stage", members: 1 });
    expect(leadAudience?.members).toBe(0);
    const changes = await (await call("GET", `/api/audiences/${leadAudience?.id}/changes`)).json();
    expect(
      changes.data.map((c: { action: string; cause: string }) => `${c.action}:${c.cause}`),
    ).toEqual(["remove:stage", "add:stage"]);
    const byHand = await call("POST", `/api/audiences/${offerAudience?.id}/members`, {
      add: [contactId],
    });
    expect(byHand.status).toBe(409);
  });

  it("manual audiences: create, add/remove members (cause api), list members, rename, archive", async () => {
    const created = await call("POST", "/api/audiences", { name: "VIP guests" });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const added = await call("POST", `/api/audiences/${id}/members`, { add: [contactId] });
    expect(await added.json()).toEqual({ added: 1, removed: 0 });
    const members = await (await call("GET", `/api/audiences/${id}/members`)).json();
    expect(members).toMatchObject({ total: 1, data: [{ contactId, email: "Anna@Example.com" }] });
    const changes = await (await call("GET", `/api/audiences/${id}/changes`)).json();
    expect(changes.data[0]).toMatchObject({ action: "add", cause: "api" });
    expect((await call("PATCH", `/api/audiences/${id}`, { name: "VIP" })).status).toBe(200);
    expect((await call("DELETE", `/api/audiences/${id}`)).status).toBe(204);
    expect((await call("GET", `/api/audiences/${id}`)).status).toBe(404);
  });

  it("bad input answers 400 and writes nothing", async () => {
    const before = (await (await call("GET", "/api/audiences")).json()).data.length;
    expect((await call("POST", "/api/audiences", { name: "" })).status).toBe(400);
    const aud = (await (await call("GET", "/api/audiences")).json()).data[0];
    const stranger = "00000000-0000-4000-8000-000000000099";
    const res = await call("POST", "/api/audiences", { name: "X", kind: "stage" });
    expect(res.status).toBe(400);
    expect((await call("GET", "/api/audiences")).status).toBe(200);
    expect((await (await call("GET", "/api/audiences")).json()).data.length).toBe(before);
    const manual = await (await call("POST", "/api/audiences", { name: "Manual" })).json();
    const bad = await call("POST", `/api/audiences/${manual.id}/members`, { add: [stranger] });
    expect(bad.status).toBe(400);
    expect((await (await call("GET", `/api/audiences/${manual.id}`)).json()).members).toBe(0);
    expect(aud).toBeDefined();
    expect((await call("PUT", "/api/ad-accounts/tiktok", { credentials: {} })).status).toBe(400);
    const missing = await call("PUT", "/api/ad-accounts/google", {
      credentials: { accessToken: "x" },
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("developerToken");
  });

  it("ad accounts: credentials stored encrypted, never returned; sync queued; CSV export", async () => {
    const saved = await call("PUT", "/api/ad-accounts/meta", {
      credentials: { accessToken: "EAAB-very-secret" },
    });
    expect(saved.status).toBe(200);
    const body = await saved.json();
    expect(body).toMatchObject({
      platform: "meta",
      baseUrl: "https://graph.facebook.com/v21.0",
      credentialFields: ["accessToken"],
    });
    expect(JSON.stringify(body)).not.toContain("EAAB");
    const stored = await database.db.execute<{ c: string }>(sql`
      select credentials_encrypted as c from ad_accounts where workspace_id = ${acme.workspaceId}`);
    expect(stored.rows[0]?.c).toMatch(/^v1\./);
    expect(stored.rows[0]?.c).not.toContain("EAAB");
    expect(JSON.stringify(await (await call("GET", "/api/ad-accounts")).json())).not.toContain(
      "EAAB",
    );

    const list = (await (await call("GET", "/api/audiences")).json()).data;
    const offer = list.find((a: { name: string }) => a.name === "Banquet: Offer");
    const noLink = await call("POST", `/api/audiences/${offer.id}/sync`);
    expect(noLink.status).toBe(409);
    const linked = await call("PUT", `/api/audiences/${offer.id}/destinations/meta`, {
      externalId: "23850000000000001",
    });
    expect(await linked.json()).toMatchObject({ status: "idle", accountConfigured: true });
    const queued = await call("POST", `/api/audiences/${offer.id}/sync`);
    expect(queued.status).toBe(202);
    const jobs = await database.db.execute<{ n: string }>(sql`
      select count(*)::text as n from graphile_worker.jobs
      where task_identifier = 'sync_audience'
        and key = ${`sync_audience:${acme.workspaceId}:${offer.id}`}`);
    expect(jobs.rows[0]?.n).toBe("1");
    const status = await (await call("GET", `/api/audiences/${offer.id}/sync`)).json();
    expect(status.data).toMatchObject([{ platform: "meta", externalId: "23850000000000001" }]);

    const hashed = await call("GET", `/api/audiences/${offer.id}/export.csv`);
    expect(hashed.headers.get("content-type")).toContain("text/csv");
    expect(await hashed.text()).toBe(
      `email,phone\n${sha("anna@example.com")},${sha("79160001122")}\n`,
    );
    const plain = await call("GET", `/api/audiences/${offer.id}/export.csv?hashed=false`);
    expect(await plain.text()).toBe("email,phone\nanna@example.com,79160001122\n");
  });
});
