import { createFunnel } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
let globex: TestTenant;
let acmeSource: CreatedSource;
let globexFunnelId: string;

beforeAll(async () => {
  h = await leadHarness();
  globex = await createTenant(h.database.db, "Globex");
  globexFunnelId = (
    await createFunnel(h.database.db, globex.workspaceId, { name: "Globex sales", stages: ["New"] })
  ).id;
  acmeSource = await h.createSource({
    channel: "telegram",
    name: "Acme secret bot",
    funnelId: h.funnel.id,
  });
});
afterAll(() => h.database.drop());

const as = (key: string, method: string, path: string, body?: unknown) =>
  h.app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("lead sources and leads across workspaces", () => {
  it("without credentials, or with the write key: nothing", async () => {
    expect((await h.app.request("/api/lead-sources")).status).toBe(401);
    expect((await as(h.tenant.writeKey, "GET", "/api/lead-sources")).status).toBe(403);
    const post = await h.app.request("/api/leads", {
      method: "POST",
      headers: jsonHeaders,
      body: JSON.stringify({ email: "anon@example.com" }),
    });
    expect(post.status).toBe(401);
  });

  it("another workspace's key lists none of Acme's sources and cannot read, edit or delete one", async () => {
    const list = await as(globex.secretKey, "GET", "/api/lead-sources");
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(acmeSource.id);
    expect(text).not.toContain("Acme secret bot");
    const path = `/api/lead-sources/${acmeSource.id}`;
    expect((await as(globex.secretKey, "GET", path)).status).toBe(404);
    const patch = await as(globex.secretKey, "PATCH", path, { name: "pwned", rotateSecret: true });
    expect(patch.status).toBe(404);
    expect((await as(globex.secretKey, "DELETE", path)).status).toBe(404);
    const own = await (await as(h.tenant.secretKey, "GET", path)).json();
    expect(own.name).toBe("Acme secret bot");
    const [row] = await h.q<{ secret: string }>("select secret from lead_sources where id = $1", [
      acmeSource.id,
    ]);
    expect(row?.secret).toBe(acmeSource.secret);
  });

  it("cannot point a source or a lead at another workspace's funnel or source", async () => {
    const source = await as(globex.secretKey, "POST", "/api/lead-sources", {
      channel: "web_form",
      name: "Sneaky",
      funnelId: h.funnel.id,
    });
    expect(source.status).toBe(404);
    const ownFunnel = await as(h.tenant.secretKey, "POST", "/api/lead-sources", {
      channel: "web_form",
      name: "Acme form",
      funnelId: globexFunnelId,
    });
    expect(ownFunnel.status).toBe(404);
    const stage = await as(globex.secretKey, "POST", "/api/leads", {
      email: "sneaky@example.com",
      stageId: h.funnel.stages[0]!.id,
    });
    expect(stage.status).toBe(404);
    const viaSource = await as(globex.secretKey, "POST", "/api/leads", {
      email: "sneaky@example.com",
      sourceId: acmeSource.id,
    });
    expect(viaSource.status).toBe(404);
    const [n] = await h.q<{ n: number }>(
      "select count(*)::int as n from contact_identities where value = 'sneaky@example.com'",
    );
    expect(n?.n).toBe(0);
  });

  it("a lead posted with Globex's key lands in Globex only", async () => {
    const res = await as(globex.secretKey, "POST", "/api/leads", {
      email: "shared@example.com",
      externalId: "same-id",
    });
    expect(res.status).toBe(201);
    const lead = await res.json();
    expect(lead.placement.funnelId).toBe(globexFunnelId);
    const acme = await as(h.tenant.secretKey, "POST", "/api/leads", {
      email: "shared@example.com",
      externalId: "same-id",
    });
    // The same external id in another workspace is a different lead, not a duplicate.
    expect(acme.status).toBe(201);
    expect(await h.contactBy("email", "shared@example.com")).toBeDefined();
    const rows = await h.q<{ workspace_id: string }>(
      "select workspace_id from leads where dedupe_key = 'ext:same-id' order by workspace_id",
    );
    expect(rows.map((r) => r.workspace_id).sort()).toEqual(
      [h.tenant.workspaceId, globex.workspaceId].sort(),
    );
  });
});
