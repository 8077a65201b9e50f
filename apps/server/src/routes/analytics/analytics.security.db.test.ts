import { randomUUID } from "node:crypto";
import { createFunnel } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let funnelId: string;
const journeyId = randomUUID();
const SECRET = "Acme Secret Buyer";

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  const ws = acme.workspaceId;
  const funnel = await createFunnel(database.db, ws, { name: "Acme pipeline", stages: ["Lead"] });
  funnelId = funnel.id;
  const contactId = randomUUID();
  const q = (text: string, params: unknown[]) => database.pool.query(text, params);
  await q(
    "insert into contacts (workspace_id, id, name, email) values ($1, $2, $3, 'buyer@acme.test')",
    [ws, contactId, SECRET],
  );
  await q(
    `insert into stage_moves (workspace_id, funnel_id, contact_id, to_stage_id, cause, moved_at)
     values ($1, $2, $3, $4, 'api', now() - interval '1 day')`,
    [ws, funnelId, contactId, funnel.stages[0]?.id],
  );
  await q(
    `insert into leads (workspace_id, channel, dedupe_key, contact_id, utm) values ($1, 'web_form', 'k1', $2, '{"utm_source":"acme-ads"}')`,
    [ws, contactId],
  );
  await q(
    `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
     values ($1, 'o1', 'track', 'Order Completed', $2, '{"revenue": 500}', now())`,
    [ws, contactId],
  );
  await q(
    `insert into journeys (workspace_id, id, name, status, draft, current_version) values ($1, $2, 'Acme journey', 'live', '{}', 1)`,
    [ws, journeyId],
  );
  const put = await app.request("/api/analytics/spend", {
    method: "PUT",
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    body: JSON.stringify({ rows: [{ channel: "acme-ads", month: "2026-03", amount: 999 }] }),
  });
  expect(put.status).toBe(200);
});
afterAll(() => database.drop());

const get = (key: string, path: string) => app.request(path, { headers: bearer(key) });

describe("analytics across workspaces", () => {
  it("the owner sees its own data", async () => {
    const rfm = await (await get(acme.secretKey, "/api/analytics/rfm")).json();
    expect(rfm.customers).toBe(1);
    const champions = await (
      await get(acme.secretKey, "/api/analytics/rfm/contacts?recency=1&frequency=1")
    ).json();
    expect(champions.contacts[0].name).toBe(SECRET);
    const ch = await (await get(acme.secretKey, "/api/analytics/channels")).json();
    expect(ch.totals.leads).toBe(1);
  });

  it("another workspace's key sees nothing and cannot touch anything", async () => {
    for (const path of [
      `/api/analytics/funnels/${funnelId}`,
      `/api/analytics/funnels/${funnelId}/contacts?metric=entered`,
      `/api/analytics/funnels/${funnelId}/export.csv?table=stages`,
      `/api/analytics/journeys/${journeyId}`,
      `/api/analytics/journeys/${journeyId}/ab`,
      `/api/analytics/journeys/${journeyId}/export.csv?table=nodes`,
    ]) {
      const res = await get(globex.secretKey, path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("Acme");
    }
    const reads: Array<[string, (body: string) => void]> = [
      [
        "/api/analytics/channels",
        (b) => expect(JSON.parse(b).totals).toMatchObject({ leads: 0, spend: 0 }),
      ],
      ["/api/analytics/spend", (b) => expect(JSON.parse(b).data).toEqual([])],
      ["/api/analytics/rfm", (b) => expect(JSON.parse(b).customers).toBe(0)],
      [
        "/api/analytics/rfm/contacts?segment=hibernating",
        (b) => expect(JSON.parse(b).total).toBe(0),
      ],
      [
        "/api/analytics/rfm/export.csv?table=contacts&segment=hibernating",
        (b) => expect(b.trim().split("\n")).toHaveLength(1),
      ],
      [
        "/api/analytics/channels/export.csv?table=spend",
        (b) => expect(b).not.toContain("acme-ads"),
      ],
      [
        "/api/analytics/channels/export.csv?table=sources",
        (b) => expect(b).not.toContain("acme-ads"),
      ],
    ];
    for (const [path, check] of reads) {
      const res = await get(globex.secretKey, path);
      expect(res.status, path).toBe(200);
      const body = await res.text();
      expect(body).not.toContain(SECRET);
      check(body);
    }
    const refresh = await app.request("/api/analytics/rfm/refresh", {
      method: "POST",
      headers: bearer(globex.secretKey),
    });
    expect((await refresh.json()).customers).toBe(0);
    const del = await app.request("/api/analytics/spend/acme-ads/2026-03", {
      method: "DELETE",
      headers: bearer(globex.secretKey),
    });
    expect(del.status).toBe(404);
    const enroll = await app.request("/api/analytics/rfm/enroll", {
      method: "POST",
      headers: { ...bearer(globex.secretKey), ...jsonHeaders },
      body: JSON.stringify({ segment: "hibernating", journeyId }),
    });
    expect(enroll.status).toBe(404);
    // Acme's spend is untouched.
    const spend = await (await get(acme.secretKey, "/api/analytics/spend")).json();
    expect(spend.data).toEqual([{ channel: "acme-ads", month: "2026-03", amount: 999 }]);
  });

  it("needs a key", async () => {
    const res = await app.request("/api/analytics/rfm");
    expect(res.status).toBe(401);
  });
});
