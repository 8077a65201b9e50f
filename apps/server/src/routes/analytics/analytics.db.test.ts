import { createFunnel } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";
import {
  channelAnalyticsRoutes,
  funnelAnalyticsRoutes,
  journeyAnalyticsRoutes,
  rfmAnalyticsRoutes,
} from "./index.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let funnelId: string;
const analyticsRoutes: unknown[] = [
  funnelAnalyticsRoutes,
  journeyAnalyticsRoutes,
  channelAnalyticsRoutes,
  rfmAnalyticsRoutes,
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  const funnel = await createFunnel(database.db, acme.workspaceId, {
    name: "Sales",
    stages: ["New", "Offer"],
    lostReasons: ["Price"],
  });
  funnelId = funnel.id;
  const [first, second] = funnel.stages;
  // Two contacts enter on 2026-03-03; one moves on after 48 hours.
  await database.pool.query(
    `with c as (
       insert into contacts (workspace_id, name) select $1, 'Guest ' || g from generate_series(1, 2) g returning id, name)
     insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, moved_at)
     select $1::uuid, $2::uuid, c.id, null::uuid, $3::uuid, 'api', '2026-03-03T10:00:00Z'::timestamptz from c
     union all
     select $1::uuid, $2::uuid, c.id, $3::uuid, $4::uuid, 'api', '2026-03-05T10:00:00Z'::timestamptz from c where c.name = 'Guest 1'`,
    [acme.workspaceId, funnelId, first?.id, second?.id],
  );
});
afterAll(() => database.drop());

const auth = () => bearer(acme.secretKey);

describe("analytics API", () => {
  it("answers the funnel report, its drill-down and CSV", async () => {
    const res = await app.request(
      `/api/analytics/funnels/${funnelId}?from=2026-03-01&to=2026-04-01`,
      { headers: auth() },
    );
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.entered).toBe(2);
    expect(r.stages[0]).toMatchObject({
      name: "New",
      reached: 2,
      finishedVisits: 1,
      medianHours: 48,
    });
    expect(r.stages[1]).toMatchObject({ name: "Offer", reached: 1, conversionFromPrevious: 0.5 });
    const offer = r.stages[1].stageId;
    const drill = await (
      await app.request(
        `/api/analytics/funnels/${funnelId}/contacts?from=2026-03-01&to=2026-04-01&metric=reached&stageId=${offer}`,
        { headers: auth() },
      )
    ).json();
    expect(drill).toMatchObject({ total: 1, contacts: [{ name: "Guest 1" }] });
    const csv = await app.request(
      `/api/analytics/funnels/${funnelId}/export.csv?from=2026-03-01&to=2026-04-01&table=stages`,
      { headers: auth() },
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "stage,kind,reached,conversion_from_previous,conversion_from_start,finished_visits,median_hours,p90_hours,in_stage_now,stalled_now",
    );
    expect(lines[1]).toMatch(/^New,open,2,,1,1,48,48,/);
  });

  it("refuses a bad range and an unknown table, and says why", async () => {
    const bad = await app.request(
      `/api/analytics/funnels/${funnelId}?from=2026-04-01&to=2026-03-01`,
      { headers: auth() },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("to");
    const table = await app.request(`/api/analytics/funnels/${funnelId}/export.csv?table=secrets`, {
      headers: auth(),
    });
    expect(table.status).toBe(400);
    const rfm = await app.request("/api/analytics/rfm/contacts", { headers: auth() });
    expect(rfm.status).toBe(400);
  });

  it("imports spend from CSV all or nothing", async () => {
    const bad = await app.request("/api/analytics/spend/import", {
      method: "POST",
      headers: { ...auth(), "content-type": "text/csv" },
      body: "channel,month,amount\ngoogle,2026-03,100\nvk,March,50\n",
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.details).toEqual([
      { path: "line 3", message: "The month must look like 2026-03." },
    ]);
    let list = await (await app.request("/api/analytics/spend", { headers: auth() })).json();
    expect(list.data).toEqual([]);
    const ok = await app.request("/api/analytics/spend/import", {
      method: "POST",
      headers: { ...auth(), "content-type": "text/csv" },
      body: "channel,month,amount\ngoogle,2026-03,100\nvk,2026-03,50.5\n",
    });
    expect(await ok.json()).toEqual({ saved: 2 });
    list = await (await app.request("/api/analytics/spend", { headers: auth() })).json();
    expect(list.data).toEqual([
      { channel: "google", month: "2026-03", amount: 100 },
      { channel: "vk", month: "2026-03", amount: 50.5 },
    ]);
    const put = await app.request("/api/analytics/spend", {
      method: "PUT",
      headers: { ...auth(), ...jsonHeaders },
      body: JSON.stringify({ rows: [{ channel: "vk", month: "2026-3", amount: -1 }] }),
    });
    expect(put.status).toBe(400);
    const csv = await (
      await app.request("/api/analytics/channels/export.csv?table=spend", { headers: auth() })
    ).text();
    expect(csv).toContain("google,2026-03,100");
  });

  it("documents every route in OpenAPI", () => {
    const paths = (analyticsRoutes as Array<{ openAPIRegistry: { definitions: unknown[] } }>)
      .flatMap((r) => r.openAPIRegistry.definitions)
      .flatMap((d) => {
        const def = d as { type: string; route?: { path: string; summary?: string } };
        return def.type === "route" && def.route ? [def.route] : [];
      });
    expect(paths.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "/api/analytics/funnels/{id}",
        "/api/analytics/funnels/{id}/export.csv",
        "/api/analytics/journeys/{id}/ab",
        "/api/analytics/channels",
        "/api/analytics/spend/import",
        "/api/analytics/rfm",
        "/api/analytics/rfm/enroll",
      ]),
    );
    expect(paths.every((p) => (p.summary ?? "").length > 0)).toBe(true);
  });
});
