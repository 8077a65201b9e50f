import { ErrorEnvelope } from "@voronka/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
afterAll(() => database.drop());

describe("the error envelope", () => {
  it("lists every invalid field of a bad request, with a request id", async () => {
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: jsonHeaders,
      body: JSON.stringify({ email: "not-an-email" }),
    });
    expect(res.status).toBe(400);
    const body = ErrorEnvelope.parse(await res.json());
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(["email", "password"]);
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: jsonHeaders,
      body: "{oops",
    });
    expect(res.status).toBe(400);
    expect(ErrorEnvelope.parse(await res.json()).error.code).toMatch(
      /bad_request|validation_failed/,
    );
  });

  it("answers an unknown API route with 404 in the envelope", async () => {
    const res = await app.request("/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(ErrorEnvelope.parse(await res.json()).error.code).toBe("not_found");
  });

  it("refuses a body over 1 MB with 413", async () => {
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: jsonHeaders,
      body: JSON.stringify({ email: "a@b.co", password: "x".repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(ErrorEnvelope.parse(await res.json()).error.code).toBe("payload_too_large");
  });

  it("health answers 200 when the database is reachable", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });
});
