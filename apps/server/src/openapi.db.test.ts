import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
afterAll(() => database.drop());

// Routes that are about the document itself, not part of the API it describes.
const UNDOCUMENTED = new Set(["/api/openapi.json", "/api/docs", "/api/docs/scalar.js", "/api/*"]);

describe("OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const res = await app.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every /api route the app serves, with its method", async () => {
    const doc = await (await app.request("/api/openapi.json")).json();
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const served = app.routes
      .filter((r) => r.path.startsWith("/api/") && !UNDOCUMENTED.has(r.path) && r.method !== "ALL")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.length).toBeGreaterThan(5);
    for (const route of new Set(served)) expect(documented, route).toContain(route);
  });

  it("describes the error envelope and both ways to authenticate", async () => {
    const doc = await (await app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.components.schemas)).toContain("ErrorEnvelope");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["secretKey", "session"]);
  });

  it("serves a browsable reference page that loads the document", async () => {
    const page = await app.request("/api/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/api/openapi.json");
    const script = await app.request("/api/docs/scalar.js");
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
