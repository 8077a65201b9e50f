import { createUser } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let owner: string;
let admin: string;
let member: string;
let globexOwner: string;

const PASSWORD = "correct horse battery staple";

async function signIn(email: string): Promise<string> {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: jsonHeaders,
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const match = /voronka_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error(`no session cookie for ${email}`);
  return `voronka_session=${match[1]}`;
}

async function call(headers: Record<string, string>, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...headers, ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const invite = (as: string, email: string, role = "member") =>
  call({ cookie: as }, "POST", "/api/workspace/invitations", { email, role });
const pendingEmails = async (headers: Record<string, string>) =>
  (await call(headers, "GET", "/api/workspace/invitations")).body.data.map(
    (i: { email: string }) => i.email,
  );

async function addUser(email: string, role: "admin" | "member", ws: TestTenant) {
  await createUser(database.db, {
    email,
    name: email,
    password: PASSWORD,
    workspaceId: ws.workspaceId,
    role,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  await addUser("anna@acme.example", "admin", acme);
  await addUser("misha@acme.example", "member", acme);
  owner = await signIn(acme.email);
  admin = await signIn("anna@acme.example");
  member = await signIn("misha@acme.example");
  globexOwner = await signIn(globex.email);
});
afterAll(() => database.drop());

describe("who may invite", () => {
  it("owners and admins invite; members and API keys may not", async () => {
    expect((await invite(admin, "by-admin@acme.example")).status).toBe(201);
    const byMember = await invite(member, "by-member@acme.example");
    expect(byMember.status).toBe(403);
    const byKey = await call(bearer(acme.secretKey), "POST", "/api/workspace/invitations", {
      email: "by-key@acme.example",
      role: "member",
    });
    expect(byKey.status).toBe(403);
    expect(await pendingEmails({ cookie: owner })).not.toContain("by-member@acme.example");
    expect(await pendingEmails({ cookie: owner })).not.toContain("by-key@acme.example");
  });

  it("only owners invite owners", async () => {
    expect((await invite(admin, "boss@acme.example", "owner")).status).toBe(403);
    expect((await invite(owner, "boss@acme.example", "owner")).status).toBe(201);
  });

  it("members cannot withdraw invitations", async () => {
    const { body } = await invite(owner, "keep@acme.example");
    const res = await call(
      { cookie: member },
      "DELETE",
      `/api/workspace/invitations/${body.invitation.id}`,
    );
    expect(res.status).toBe(403);
    expect(await pendingEmails({ cookie: owner })).toContain("keep@acme.example");
  });
});

describe("invitations across workspaces", () => {
  it("another workspace neither sees nor withdraws Acme's invitations", async () => {
    const { body } = await invite(owner, "secret-hire@acme.example");
    expect(await pendingEmails({ cookie: globexOwner })).toEqual([]);
    expect(await pendingEmails(bearer(globex.secretKey))).toEqual([]);
    const res = await call(
      { cookie: globexOwner },
      "DELETE",
      `/api/workspace/invitations/${body.invitation.id}`,
    );
    expect(res.status).toBe(404);
    expect(await pendingEmails({ cookie: owner })).toContain("secret-hire@acme.example");
  });
});
