import { Me } from "@voronka/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  tenant = await createTenant(database.db, "Banquet hall");
});
afterAll(() => database.drop());

const login = (email: string, password: string) =>
  app.request("/api/auth/login", {
    method: "POST",
    headers: jsonHeaders,
    body: JSON.stringify({ email, password }),
  });

function sessionCookie(res: Response): string {
  const header = res.headers.get("set-cookie") ?? "";
  const match = /voronka_session=([^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return `voronka_session=${match[1]}`;
}

describe("sign in", () => {
  it("sets an HttpOnly SameSite session cookie and returns the user and workspace", async () => {
    const res = await login(tenant.email.toUpperCase(), tenant.password);
    expect(res.status).toBe(200);
    const me = Me.parse(await res.json());
    expect(me.user.email).toBe(tenant.email);
    expect(me.workspace).toMatchObject({
      id: tenant.workspaceId,
      name: "Banquet hall",
      role: "owner",
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const again = await app.request("/api/auth/me", { headers: { cookie: sessionCookie(res) } });
    expect(again.status).toBe(200);
    expect(Me.parse(await again.json()).user.id).toBe(me.user.id);
  });

  it("refuses a wrong password with 401 and sets no cookie", async () => {
    const res = await login(tenant.email, "wrong password");
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "invalid_credentials" });
    expect(body.error.requestId).toBeTruthy();
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const res = await login("nobody@example.com", "whatever");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("invalid_credentials");
  });

  it("stores the password hashed with scrypt, never in clear", async () => {
    const { rows } = await database.pool.query<{ password_hash: string }>(
      "select password_hash from users where email = $1",
      [tenant.email],
    );
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]?.password_hash).not.toContain(tenant.password);
  });

  it("signs out: the session stops working", async () => {
    const cookie = sessionCookie(await login(tenant.email, tenant.password));
    const out = await app.request("/api/auth/logout", { method: "POST", headers: { cookie } });
    expect(out.status).toBe(204);
    const after = await app.request("/api/auth/me", { headers: { cookie } });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("unauthenticated");
  });

  it("rejects a forged cookie", async () => {
    const res = await app.request("/api/workspace", {
      headers: { cookie: "voronka_session=forged" },
    });
    expect(res.status).toBe(401);
  });

  it("refuses a cross-site form post riding on the cookie", async () => {
    const cookie = sessionCookie(await login(tenant.email, tenant.password));
    const res = await app.request("http://localhost/api/auth/logout", {
      method: "POST",
      headers: {
        cookie,
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "x=1",
    });
    expect(res.status).toBe(403);
    expect((await app.request("/api/auth/me", { headers: { cookie } })).status).toBe(200);
  });
});
