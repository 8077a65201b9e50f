import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let audienceId: string;
let funnelId: string;
let contactId: string;

const call = (key: string, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  audienceId = (
    await (
      await call(acme.secretKey, "POST", "/api/audiences", { name: "Acme secret audience" })
    ).json()
  ).id;
  funnelId = (
    await (await call(acme.secretKey, "POST", "/api/funnels", { name: "F", stages: ["A"] })).json()
  ).id;
  const r = await database.db.execute<{ id: string }>(sql`
    insert into contacts (workspace_id, email) values (${acme.workspaceId}, 'secret@acme.test') returning id`);
  contactId = r.rows[0]?.id ?? "";
  await call(acme.secretKey, "POST", `/api/audiences/${audienceId}/members`, { add: [contactId] });
  await call(acme.secretKey, "PUT", "/api/ad-accounts/meta", {
    credentials: { accessToken: "EAAB-acme" },
  });
  await call(acme.secretKey, "PUT", `/api/audiences/${audienceId}/destinations/meta`, {
    externalId: "111",
  });
});
afterAll(() => database.drop());

describe("audiences across workspaces", () => {
  it("another workspace's key sees no audience, member, account or export and cannot touch them", async () => {
    const list = await (await call(globex.secretKey, "GET", "/api/audiences")).json();
    expect(list.data).toEqual([]);
    const accounts = await (await call(globex.secretKey, "GET", "/api/ad-accounts")).json();
    expect(accounts.data).toEqual([]);
    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/api/audiences/${audienceId}`],
      ["PATCH", `/api/audiences/${audienceId}`, { name: "Hacked" }],
      ["DELETE", `/api/audiences/${audienceId}`],
      ["GET", `/api/audiences/${audienceId}/members`],
      ["POST", `/api/audiences/${audienceId}/members`, { remove: [contactId] }],
      ["GET", `/api/audiences/${audienceId}/changes`],
      ["GET", `/api/audiences/${audienceId}/sync`],
      ["POST", `/api/audiences/${audienceId}/sync`],
      ["PUT", `/api/audiences/${audienceId}/destinations/meta`, { externalId: "666" }],
      ["DELETE", `/api/audiences/${audienceId}/destinations/meta`],
      ["GET", `/api/audiences/${audienceId}/export.csv`],
      ["GET", `/api/funnels/${funnelId}/stage-audiences`],
      ["PUT", `/api/funnels/${funnelId}/stage-audiences`, { perStage: true }],
      ["DELETE", "/api/ad-accounts/meta"],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(globex.secretKey, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      const text = await res.text();
      expect(text).not.toContain("Acme secret audience");
      expect(text).not.toContain("secret@acme.test");
    }
    // Globex adding Acme's contact to its own audience is refused too.
    const own = (
      await (await call(globex.secretKey, "POST", "/api/audiences", { name: "G" })).json()
    ).id;
    const steal = await call(globex.secretKey, "POST", `/api/audiences/${own}/members`, {
      add: [contactId],
    });
    expect(steal.status).toBe(400);
    // Acme's data is untouched.
    const mine = await (await call(acme.secretKey, "GET", `/api/audiences/${audienceId}`)).json();
    expect(mine).toMatchObject({ name: "Acme secret audience", members: 1 });
    expect(mine.destinations).toMatchObject([{ platform: "meta", externalId: "111" }]);
    expect(
      (await (await call(acme.secretKey, "GET", "/api/ad-accounts")).json()).data,
    ).toHaveLength(1);
  });

  it("without a key or with the write key: 401 / 403", async () => {
    expect((await app.request("/api/audiences")).status).toBe(401);
    expect((await app.request("/api/audiences", { headers: bearer(acme.writeKey) })).status).toBe(
      403,
    );
  });
});
