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
let ownerId: string;
let adminId: string;
let admin: string;
let member: string;
let memberId: string;

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

async function addUser(email: string, name: string, role: "admin" | "member", ws = acme) {
  const user = await createUser(database.db, {
    email,
    name,
    password: PASSWORD,
    workspaceId: ws.workspaceId,
    role,
  });
  if (!user) throw new Error("user not created");
  return user.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  globex = await createTenant(database.db, "Globex");
  adminId = await addUser("anna@acme.example", "Anna Admin", "admin");
  memberId = await addUser("misha@acme.example", "Misha Member", "member");
  await addUser("gleb@globex.example", "Gleb Globex", "member", globex);
  owner = await signIn(acme.email);
  admin = await signIn("anna@acme.example");
  member = await signIn("misha@acme.example");
  const me = await app.request("/api/auth/me", { headers: { cookie: owner } });
  ownerId = (await me.json()).user.id;
});
afterAll(() => database.drop());

async function list(headers: Record<string, string>) {
  const res = await app.request("/api/workspace/members", { headers });
  return { status: res.status, body: await res.json() };
}

async function setRole(headers: Record<string, string>, userId: string, role: unknown) {
  const res = await app.request(`/api/workspace/members/${userId}`, {
    method: "PATCH",
    headers: { ...headers, ...jsonHeaders },
    body: JSON.stringify({ role }),
  });
  return { status: res.status, body: await res.json() };
}

const rolesNow = async () =>
  Object.fromEntries(
    (await list(bearer(acme.secretKey))).body.data.map((m: { email: string; role: string }) => [
      m.email,
      m.role,
    ]),
  );

describe("workspace members", () => {
  it("lists the workspace's members with name, email, role and when they joined", async () => {
    const res = await list({ cookie: member });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        userId: ownerId,
        name: "Owner",
        email: acme.email,
        role: "owner",
        joinedAt: expect.any(String),
      },
      {
        userId: adminId,
        name: "Anna Admin",
        email: "anna@acme.example",
        role: "admin",
        joinedAt: expect.any(String),
      },
      {
        userId: memberId,
        name: "Misha Member",
        email: "misha@acme.example",
        role: "member",
        joinedAt: expect.any(String),
      },
    ]);
  });

  it("shows another workspace only its own members", async () => {
    const res = await list(bearer(globex.secretKey));
    expect(res.body.data.map((m: { email: string }) => m.email)).toEqual([
      globex.email,
      "gleb@globex.example",
    ]);
  });

  it("lets an owner change a role", async () => {
    const res = await setRole({ cookie: owner }, memberId, "admin");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: memberId,
      email: "misha@acme.example",
      role: "admin",
    });
    expect((await rolesNow())["misha@acme.example"]).toBe("admin");
    expect((await setRole({ cookie: owner }, memberId, "member")).status).toBe(200);
  });

  it("refuses admins, members and API keys with 403, changing nothing", async () => {
    for (const headers of [{ cookie: admin }, { cookie: member }, bearer(acme.secretKey)]) {
      const res = await setRole(headers, memberId, "owner");
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect(await rolesNow()).toMatchObject({ "misha@acme.example": "member" });
  });

  it("refuses bad input with 400", async () => {
    expect((await setRole({ cookie: owner }, memberId, "superuser")).status).toBe(400);
    expect((await setRole({ cookie: owner }, "not-a-uuid", "admin")).status).toBe(400);
    expect((await rolesNow())["misha@acme.example"]).toBe("member");
  });

  it("answers 404 for a user of another workspace, and leaves them as they were", async () => {
    const globexMembers = (await list(bearer(globex.secretKey))).body.data;
    const gleb = globexMembers.find((m: { email: string }) => m.email === "gleb@globex.example");
    const res = await setRole({ cookie: owner }, gleb.userId, "owner");
    expect(res.status).toBe(404);
    const after = (await list(bearer(globex.secretKey))).body.data;
    expect(after.find((m: { email: string }) => m.email === "gleb@globex.example").role).toBe(
      "member",
    );
  });

  it("never demotes the last owner; with a second owner it can", async () => {
    const refused = await setRole({ cookie: owner }, ownerId, "admin");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("conflict");
    expect((await rolesNow())[acme.email]).toBe("owner");

    expect((await setRole({ cookie: owner }, adminId, "owner")).status).toBe(200);
    expect((await setRole({ cookie: owner }, ownerId, "admin")).status).toBe(200);
    // The former owner is an admin now: roles are no longer theirs to change.
    expect((await setRole({ cookie: owner }, adminId, "member")).status).toBe(403);
    const annaLast = await setRole({ cookie: admin }, adminId, "member");
    expect(annaLast.status).toBe(409);
    expect(await rolesNow()).toMatchObject({ [acme.email]: "admin", "anna@acme.example": "owner" });
  });

  it("keeps an owner when two owners demote each other at the same moment", async () => {
    expect((await setRole({ cookie: admin }, ownerId, "owner")).status).toBe(200);
    const [a, b] = await Promise.all([
      setRole({ cookie: owner }, adminId, "member"),
      setRole({ cookie: admin }, ownerId, "member"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const roles = Object.values(await rolesNow());
    expect(roles.filter((r) => r === "owner")).toHaveLength(1);
  });
});
