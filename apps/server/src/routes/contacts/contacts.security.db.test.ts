import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let contactId: string;
let importId: string;

const mapping = encodeURIComponent(JSON.stringify({ email: "email" }));

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  const created = await app.request("/api/contacts", {
    method: "POST",
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    body: JSON.stringify({ email: "secret-client@acme.test", firstName: "Secret" }),
  });
  contactId = (await created.json()).id;
  const imported = await app.request(`/api/contacts/imports?mapping=${mapping}`, {
    method: "POST",
    headers: { ...bearer(acme.secretKey), "content-type": "text/csv" },
    body: "email\nother@acme.test\n",
  });
  importId = (await imported.json()).id;
});
afterAll(() => database.drop());

describe("contacts and imports across workspaces", () => {
  it("another workspace's secret key sees none of Acme's contacts", async () => {
    const as = bearer(globex.secretKey);
    const list = await app.request("/api/contacts?q=secret", { headers: as });
    expect(list.status).toBe(200);
    expect((await list.json()).data).toEqual([]);
    for (const path of [
      `/api/contacts/${contactId}`,
      `/api/contacts/${contactId}/timeline`,
      `/api/contacts/${contactId}/journeys`,
    ]) {
      const res = await app.request(path, { headers: as });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("Secret");
    }
    const patch = await app.request(`/api/contacts/${contactId}`, {
      method: "PATCH",
      headers: { ...as, ...jsonHeaders },
      body: JSON.stringify({ firstName: "Hijacked" }),
    });
    expect(patch.status).toBe(404);
    const exported = await app.request("/api/contacts/export.csv", { headers: as });
    expect(await exported.text()).not.toContain("acme.test");

    // Upserting the same email in Globex makes Globex's own contact, never Acme's.
    const upsert = await app.request("/api/contacts", {
      method: "POST",
      headers: { ...as, ...jsonHeaders },
      body: JSON.stringify({ email: "secret-client@acme.test", firstName: "Globex's" }),
    });
    expect(upsert.status).toBe(201);
    expect((await upsert.json()).id).not.toBe(contactId);
    const acmeCard = await app.request(`/api/contacts/${contactId}`, {
      headers: bearer(acme.secretKey),
    });
    expect((await acmeCard.json()).firstName).toBe("Secret");
  });

  it("another workspace's key sees none of Acme's imports", async () => {
    const as = bearer(globex.secretKey);
    const one = await app.request(`/api/contacts/imports/${importId}`, { headers: as });
    expect(one.status).toBe(404);
    const list = await app.request("/api/contacts/imports", { headers: as });
    expect((await list.json()).data).toEqual([]);
    const own = await app.request(`/api/contacts/imports/${importId}`, {
      headers: bearer(acme.secretKey),
    });
    expect(own.status).toBe(200);
  });

  it("an import cannot place contacts in another workspace's funnel", async () => {
    const funnel = await app.request("/api/funnels", {
      method: "POST",
      headers: { ...bearer(acme.secretKey), ...jsonHeaders },
      body: JSON.stringify({ name: "Acme sales", stages: ["New"] }),
    });
    const { id, stages } = await funnel.json();
    const res = await app.request(
      `/api/contacts/imports?mapping=${mapping}&funnelId=${id}&stageId=${stages[0].id}`,
      {
        method: "POST",
        headers: { ...bearer(globex.secretKey), "content-type": "text/csv" },
        body: "email\na@b.co\n",
      },
    );
    expect(res.status).toBe(404);
  });

  it("the write key gets 403 and no credentials get 401, everywhere", async () => {
    const routes: Array<[string, string]> = [
      ["GET", "/api/contacts"],
      ["POST", "/api/contacts"],
      ["GET", `/api/contacts/${contactId}`],
      ["PATCH", `/api/contacts/${contactId}`],
      ["GET", `/api/contacts/${contactId}/timeline`],
      ["GET", "/api/contacts/export.csv"],
      ["GET", "/api/contacts/imports"],
      ["POST", `/api/contacts/imports?mapping=${mapping}`],
      ["GET", `/api/contacts/imports/${importId}`],
    ];
    for (const [method, path] of routes) {
      const body = method === "GET" ? undefined : "{}";
      const write = await app.request(path, {
        method,
        headers: { ...bearer(acme.writeKey), ...jsonHeaders },
        body,
      });
      expect(write.status, `${method} ${path}`).toBe(403);
      expect(await write.text()).not.toContain("secret-client");
      const anonymous = await app.request(path, { method, headers: jsonHeaders, body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
  });
});
