import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let rival: TestTenant;
let templateId: string;

const MJML =
  "<mjml><mj-body><mj-section><mj-column><mj-text>Secret offer</mj-text></mj-column></mj-section></mj-body></mjml>";

beforeAll(async () => {
  process.env.VORONKA_SECRET ??= "api-test-secret-api-test-secret-0123456789";
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  rival = await createTenant(database.db, "Rival");
  const res = await app.request("/api/email/templates", {
    method: "POST",
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    body: JSON.stringify({ name: "Acme offer", subject: "Offer", mjml: MJML }),
  });
  templateId = (await res.json()).id;
  await app.request("/api/email/dkim", {
    method: "POST",
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    body: JSON.stringify({ domain: "acme.example" }),
  });
});
afterAll(() => database.drop());

function as(key: string, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("email API across workspaces", () => {
  it("another workspace's key never sees or changes the templates, settings or mailbox", async () => {
    expect((await (await as(rival.secretKey, "GET", "/api/email/templates")).json()).data).toEqual(
      [],
    );
    for (const [method, path, body] of [
      ["GET", `/api/email/templates/${templateId}`, undefined],
      ["PATCH", `/api/email/templates/${templateId}`, { name: "Stolen" }],
      ["POST", `/api/email/templates/${templateId}/preview`, { contactId: templateId }],
      ["POST", `/api/email/templates/${templateId}/test-send`, { to: "spy@rival.example" }],
      ["DELETE", `/api/email/templates/${templateId}`, undefined],
    ] as const) {
      const res = await as(rival.secretKey, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const settings = await (await as(rival.secretKey, "GET", "/api/email/settings")).json();
    expect(settings.dkim).toBeNull();
    expect((await (await as(rival.secretKey, "GET", "/api/email/mailbox")).json()).data).toEqual(
      [],
    );
    const mine = await (
      await as(acme.secretKey, "GET", `/api/email/templates/${templateId}`)
    ).json();
    expect(mine.name).toBe("Acme offer");
  });

  it("refuses a write key and no key", async () => {
    expect((await as(acme.writeKey, "GET", "/api/email/templates")).status).toBe(403);
    expect((await app.request("/api/email/templates")).status).toBe(401);
  });
});
