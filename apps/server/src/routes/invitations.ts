import { createRoute, z } from "@hono/zod-openapi";
import {
  AcceptInvitationBody,
  CreatedInvitation,
  CreateInvitationBody,
  ErrorEnvelope,
  type Invitation,
  InvitationList,
  InvitationPreview,
  MIN_PASSWORD_LENGTH,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  acceptInvitation,
  createInvitation,
  createSession,
  type Db,
  findUserById,
  getWorkspace,
  type InvitationRow,
  listInvitations,
  memberRole,
  previewInvitation,
  revokeInvitation,
  SESSION_TTL_MS,
} from "@voronka/db";
import { emailConfig } from "@voronka/email";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import type { AppEnv } from "../env.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import {
  authErrors,
  badRequest,
  conflictResponse,
  json,
  notFoundResponse,
  router,
  secured,
} from "../openapi.ts";
import { invitationLetter, sendInvitationEmail } from "./invitation-email.ts";

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  invitedBy: row.invitedBy,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/** The signed-in owner or admin behind the request; anyone else gets 403. */
async function inviter(c: Context<AppEnv>, db: Db): Promise<{ userId: string; owner: boolean }> {
  const auth = c.get("auth");
  if (auth.via !== "session") {
    throw new AppError("forbidden", "People are invited by an owner or admin signed in.");
  }
  const role = await memberRole(db, auth.workspaceId, auth.userId);
  if (role !== "owner" && role !== "admin") {
    throw new AppError("forbidden", "Only the workspace's owners and admins can invite people.");
  }
  return { userId: auth.userId, owner: role === "owner" };
}

const Token = z.object({ token: z.string().min(20).max(200) });
const deadLink = {
  404: json(ErrorEnvelope, "Unknown, expired, withdrawn or already used; the message says which."),
};

const list = createRoute({
  method: "get",
  path: "/api/workspace/invitations",
  tags: ["Workspace"],
  summary: "Pending invitations",
  description: "Invitations not yet accepted, withdrawn or expired, oldest first.",
  middleware: [requireAuth] as const,
  security: secured,
  responses: { 200: json(InvitationList, "The pending invitations."), ...authErrors },
});

const create = createRoute({
  method: "post",
  path: "/api/workspace/invitations",
  tags: ["Workspace"],
  summary: "Invite a person",
  description:
    "Owners and admins, signed in, invite an email with a role (only owners may invite owners). The answer carries the invitation link — the only time its token is shown; only its SHA-256 is stored. The link works once, for 7 days. The letter goes through the workspace's email channel (SMTP, or the dev mailbox when none is set); `email.via` says how it went, and a failed letter does not undo the invitation. Inviting an email again withdraws its earlier link. A person who is already a member is a 409.",
  middleware: [requireAuth] as const,
  security: [{ session: [] }],
  request: { body: { ...json(CreateInvitationBody, "Who and with which role."), required: true } },
  responses: {
    201: json(CreatedInvitation, "The invitation and its link."),
    ...badRequest,
    ...authErrors,
    ...conflictResponse,
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/workspace/invitations/{id}",
  tags: ["Workspace"],
  summary: "Withdraw an invitation",
  description: "Owners and admins, signed in. Its link stops working at once.",
  middleware: [requireAuth] as const,
  security: [{ session: [] }],
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    204: { description: "Withdrawn." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const preview = createRoute({
  method: "get",
  path: "/api/invitations/{token}",
  tags: ["Auth"],
  summary: "What an invitation link offers",
  description:
    "For the accept page: the workspace, the invited email and role, and whether that email already has an account. No sign-in needed: the token is the credential.",
  request: { params: Token },
  responses: { 200: json(InvitationPreview, "The invitation."), ...badRequest, ...deadLink },
});

const accept = createRoute({
  method: "post",
  path: "/api/invitations/{token}/accept",
  tags: ["Auth"],
  summary: "Accept an invitation and sign in",
  description: `Creates the account with the name and password (at least ${MIN_PASSWORD_LENGTH} characters) — or, when the email already has one, checks its password (401 if wrong) — joins the workspace with the invited role and sets the session cookie. The link is then used up.`,
  request: {
    params: Token,
    body: { ...json(AcceptInvitationBody, "Name and password."), required: true },
  },
  responses: {
    200: json(
      z.object({ workspaceId: z.uuid(), userId: z.uuid() }),
      "Joined and signed in to the workspace.",
    ),
    ...badRequest,
    401: authErrors[401],
    ...deadLink,
    ...conflictResponse,
  },
});

export const invitationRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listInvitations(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toInvitation) }, 200);
  })
  .openapi(create, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const me = await inviter(c, db);
    const body = c.req.valid("json");
    if (body.role === "owner" && !me.owner) {
      throw new AppError("forbidden", "Only owners can invite another owner.");
    }
    const { invitation, token } = await createInvitation(db, {
      workspaceId,
      email: body.email,
      role: body.role,
      invitedBy: me.userId,
    });
    const url = `${emailConfig().baseUrl.replace(/\/$/, "")}/invite/${token}`;
    const workspace = await getWorkspace(db, workspaceId);
    const letter = invitationLetter({
      workspaceName: workspace?.name ?? "Voronka",
      inviterName: (await findUserById(db, me.userId))?.name ?? null,
      role: invitation.role,
      url,
    });
    const email = await sendInvitationEmail(db, workspaceId, invitation.email, letter);
    return c.json({ invitation: toInvitation(invitation), token, url, email }, 201);
  })
  .openapi(revoke, async (c) => {
    const { db } = c.get("deps");
    await inviter(c, db);
    await revokeInvitation(db, c.get("auth").workspaceId, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(preview, async (c) => {
    const row = await previewInvitation(c.get("deps").db, c.req.valid("param").token);
    return c.json({ ...row, expiresAt: row.expiresAt.toISOString() }, 200);
  })
  .openapi(accept, async (c) => {
    const { db, cookieSecure } = c.get("deps");
    const { token } = c.req.valid("param");
    const body = c.req.valid("json");
    const offer = await previewInvitation(db, token);
    if (!offer.existingAccount) {
      const details = [
        ...(body.name ? [] : [{ path: "name", message: "Enter your name." }]),
        ...(body.password.length >= MIN_PASSWORD_LENGTH
          ? []
          : [{ path: "password", message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` }]),
      ];
      if (details.length > 0) {
        throw new AppError("validation_failed", "Some fields are missing or invalid.", { details });
      }
    }
    const joined = await acceptInvitation(db, token, body);
    const session = await createSession(db, joined);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: cookieSecure ?? false,
      path: "/",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.json(joined, 200);
  });
