import { sha256 } from "@voronka/core";
import { createInvitation, createUser } from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let globex: TestTenant;
let owner: string;
let ownerId: string;
let admin: string;
let member: string;

const PASSWORD = "correct horse battery staple";

async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: jsonHeaders,
    body: JSON.stringify({ email, password }),
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
  return {
    status: res.status,
    body: text ? JSON.parse(text) : null,
    cookie: res.headers.get("set-cookie"),
  };
}

const invite = (as: string, email: string, role = "member") =>
  call({ cookie: as }, "POST", "/api/workspace/invitations", { email, role });
const accept = (token: string, body: object) =>
  call({}, "POST", `/api/invitations/${token}/accept`, body);
const pendingEmails = async (headers: Record<string, string>) =>
  (await call(headers, "GET", "/api/workspace/invitations")).body.data.map(
    (i: { email: string }) => i.email,
  );
const invitationRows = async () =>
  (
    await database.db.execute<{ email: string; token_hash: string }>(
      sql`select email, token_hash from member_invitations`,
    )
  ).rows;

async function addUser(email: string, role: "admin" | "member", ws: TestTenant) {
  await createUser(database.db, {
    email,
    name: email.split("@")[0] ?? email,
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
  await addUser("gleb@globex.example", "member", globex);
  owner = await signIn(acme.email);
  admin = await signIn("anna@acme.example");
  member = await signIn("misha@acme.example");
  ownerId = (await call({ cookie: owner }, "GET", "/api/auth/me")).body.user.id;
});
afterAll(() => database.drop());

describe("inviting a member", () => {
  it("invite → letter in the dev mailbox → accept → signed in → sign in again", async () => {
    const created = await invite(owner, "  Olga@Acme.example ", "admin");
    expect(created.status).toBe(201);
    const { token, url, invitation, email } = created.body;
    expect(invitation).toMatchObject({
      email: "olga@acme.example",
      role: "admin",
      invitedBy: "Owner",
    });
    const ttl = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(ttl).toBe(7 * 24 * 60 * 60 * 1000);
    expect(url).toMatch(new RegExp(`/invite/${token}$`));
    expect(email).toEqual({ via: "mailbox", error: null });
    // Only the token's hash is stored.
    const stored = (await invitationRows()).find((r) => r.email === "olga@acme.example");
    expect(stored?.token_hash).toBe(sha256(token));
    expect(JSON.stringify(await invitationRows())).not.toContain(token);
    const letters = await database.db.execute<{
      to_address: string;
      subject: string;
      text: string;
    }>(
      sql`select to_address, subject, text from email_dev_mailbox where workspace_id = ${acme.workspaceId}`,
    );
    expect(letters.rows).toEqual([
      {
        to_address: "olga@acme.example",
        subject: "Join Acme on Voronka",
        text: expect.any(String),
      },
    ]);
    expect(letters.rows[0]?.text).toContain(url);
    expect(await pendingEmails({ cookie: member })).toEqual(["olga@acme.example"]);

    const preview = await call({}, "GET", `/api/invitations/${token}`);
    expect(preview).toMatchObject({
      status: 200,
      body: {
        workspaceName: "Acme",
        email: "olga@acme.example",
        role: "admin",
        invitedBy: "Owner",
        existingAccount: false,
      },
    });

    const joined = await accept(token, { name: "Olga Smirnova", password: "new-secret-1" });
    expect(joined.status).toBe(200);
    expect(joined.body.workspaceId).toBe(acme.workspaceId);
    const session = /voronka_session=([^;]+)/.exec(joined.cookie ?? "")?.[1];
    expect(session).toBeTruthy();
    const me = await call({ cookie: `voronka_session=${session}` }, "GET", "/api/auth/me");
    expect(me.body).toMatchObject({
      user: { email: "olga@acme.example", name: "Olga Smirnova" },
      workspace: { id: acme.workspaceId, name: "Acme", role: "admin" },
    });
    expect(await pendingEmails({ cookie: owner })).toEqual([]);
    // The password was stored hashed and signs in like any other.
    expect(await signIn("olga@acme.example", "new-secret-1")).toMatch(/^voronka_session=/);
    const hash = await database.db.execute<{ password_hash: string }>(
      sql`select password_hash from users where email = 'olga@acme.example'`,
    );
    expect(hash.rows[0]?.password_hash).toMatch(/^scrypt\$/);

    // The link is used up.
    const again = await accept(token, { name: "Someone else", password: "another-pass" });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe(
      "This invitation has already been used. Sign in instead.",
    );
    expect((await call({}, "GET", `/api/invitations/${token}`)).status).toBe(404);
  });

  it("rejects an expired, a withdrawn and an unknown link", async () => {
    const { token: old } = await createInvitation(database.db, {
      workspaceId: acme.workspaceId,
      email: "late@acme.example",
      role: "member",
      invitedBy: ownerId,
      now: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000),
    });
    const expired = await accept(old, { name: "Late", password: "late-password" });
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toBe("This invitation has expired. Ask for a new one.");
    // The reason is also machine-readable, for the accept page to say in its own language.
    expect(expired.body.error.details).toEqual([{ path: "token", message: "expired" }]);
    expect(await pendingEmails({ cookie: owner })).not.toContain("late@acme.example");

    const created = await invite(owner, "gone@acme.example");
    expect(await pendingEmails({ cookie: owner })).toContain("gone@acme.example");
    const revoked = await call(
      { cookie: admin },
      "DELETE",
      `/api/workspace/invitations/${created.body.invitation.id}`,
    );
    expect(revoked.status).toBe(204);
    expect(await pendingEmails({ cookie: owner })).not.toContain("gone@acme.example");
    const withdrawn = await accept(created.body.token, { name: "Gone", password: "gone-password" });
    expect(withdrawn.status).toBe(404);
    expect(withdrawn.body.error.message).toBe("This invitation was withdrawn. Ask for a new one.");

    const unknown = await accept("x".repeat(43), { name: "Nobody", password: "nobody-pass" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      "This invitation link is not valid. Ask for a new one.",
    );
    const users = await database.db.execute(
      sql`select 1 from users where email in ('late@acme.example', 'gone@acme.example')`,
    );
    expect(users.rows).toEqual([]);
  });

  it("inviting the same email again withdraws the earlier link", async () => {
    const first = await invite(owner, "twice@acme.example");
    const second = await invite(owner, "twice@acme.example");
    expect(await pendingEmails({ cookie: owner })).toEqual(["twice@acme.example"]);
    expect((await accept(first.body.token, { name: "T", password: "twice-pass" })).status).toBe(
      404,
    );
    expect((await accept(second.body.token, { name: "T", password: "twice-pass" })).status).toBe(
      200,
    );
  });

  it("asks for a name and a long enough password, and keeps the link usable meanwhile", async () => {
    const { body } = await invite(owner, "short@acme.example");
    const bad = await accept(body.token, { password: "short" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "name",
      "password",
    ]);
    expect(await pendingEmails({ cookie: owner })).toContain("short@acme.example");
    expect((await invite(owner, "not an email")).status).toBe(400);
    expect((await invite(owner, "x@acme.example", "king")).status).toBe(400);
    expect((await invitationRows()).map((r) => r.email)).not.toContain("x@acme.example");
  });

  it("lets a person with an account elsewhere join with that account's password", async () => {
    const { body } = await invite(owner, "gleb@globex.example");
    expect((await call({}, "GET", `/api/invitations/${body.token}`)).body.existingAccount).toBe(
      true,
    );
    const wrong = await accept(body.token, { password: "not-the-password" });
    expect(wrong.status).toBe(401);
    const joined = await accept(body.token, { password: PASSWORD });
    expect(joined.status).toBe(200);
    const me = await call({ cookie: await signIn("gleb@globex.example") }, "GET", "/api/auth/me");
    expect(me.body.workspaces.map((w: { name: string }) => w.name).sort()).toEqual([
      "Acme",
      "Globex",
    ]);
    expect(me.body.user.name).toBe("gleb");
  });

  it("refuses to invite someone who is already a member", async () => {
    const res = await invite(owner, "misha@acme.example");
    expect(res.status).toBe(409);
  });
});
