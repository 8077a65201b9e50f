import { AppError, hashPassword, randomToken, sha256, verifyPassword } from "@voronka/core";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";
import { memberInvitations } from "../schema/invitations.ts";
import { memberships, users, workspaces } from "../schema/tenancy.ts";
import type { Role } from "./users.ts";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

const inviter = alias(users, "inviter");

const invitationColumns = {
  id: memberInvitations.id,
  email: memberInvitations.email,
  role: memberInvitations.role,
  invitedBy: inviter.name,
  createdAt: memberInvitations.createdAt,
  expiresAt: memberInvitations.expiresAt,
};

const pending = (now: Date) =>
  and(
    isNull(memberInvitations.acceptedAt),
    isNull(memberInvitations.revokedAt),
    gt(memberInvitations.expiresAt, now),
  );

/**
 * Invites `email` to the workspace with `role`; returns the invitation and the token for its
 * link (only the token's SHA-256 is stored). A person who is already a member is a `conflict`.
 * An earlier pending invitation of the same email is revoked, so one email has one live link.
 */
export async function createInvitation(
  db: Db,
  input: { workspaceId: string; email: string; role: Role; invitedBy: string; now?: Date },
): Promise<{ invitation: InvitationRow; token: string }> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const token = randomToken(32);
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(users.email, email)));
    if (member) throw new AppError("conflict", `${email} is already a member of this workspace.`);
    await tx
      .update(memberInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(memberInvitations.workspaceId, input.workspaceId),
          eq(memberInvitations.email, email),
          isNull(memberInvitations.acceptedAt),
          isNull(memberInvitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(memberInvitations)
      .values({
        workspaceId: input.workspaceId,
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: input.invitedBy,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning({ id: memberInvitations.id });
    if (!row) throw new AppError("internal", "The invitation was not stored.");
    const [invitation] = await tx
      .select(invitationColumns)
      .from(memberInvitations)
      .leftJoin(inviter, eq(inviter.id, memberInvitations.invitedBy))
      .where(
        and(eq(memberInvitations.workspaceId, input.workspaceId), eq(memberInvitations.id, row.id)),
      );
    if (!invitation) throw new AppError("internal", "The invitation vanished.");
    return { invitation, token };
  });
}

/** The workspace's invitations still waiting to be accepted, oldest first. */
export async function listInvitations(
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<InvitationRow[]> {
  return db
    .select(invitationColumns)
    .from(memberInvitations)
    .leftJoin(inviter, eq(inviter.id, memberInvitations.invitedBy))
    .where(and(eq(memberInvitations.workspaceId, workspaceId), pending(now)))
    .orderBy(asc(memberInvitations.createdAt));
}

/** Withdraws a pending invitation of the workspace; `not_found` if there is none by that id. */
export async function revokeInvitation(
  db: Db,
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<void> {
  const revoked = await db
    .update(memberInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(memberInvitations.workspaceId, workspaceId),
        eq(memberInvitations.id, id),
        isNull(memberInvitations.acceptedAt),
        isNull(memberInvitations.revokedAt),
      ),
    )
    .returning({ id: memberInvitations.id });
  if (revoked.length === 0) {
    throw new AppError("not_found", "No pending invitation with this id in this workspace.");
  }
}

interface TokenState {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** Why a link is dead; sent as the `token` detail so a page can say it in its own language. */
export type DeadLinkReason = "unknown" | "used" | "withdrawn" | "expired";

const deadLinkMessages: Record<DeadLinkReason, string> = {
  unknown: "This invitation link is not valid. Ask for a new one.",
  used: "This invitation has already been used. Sign in instead.",
  withdrawn: "This invitation was withdrawn. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
};

function deadLinkReason(row: TokenState | undefined, now: Date): DeadLinkReason | null {
  if (!row) return "unknown";
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "withdrawn";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/** Throws the `not_found` a dead link answers, saying why it is dead. */
function assertUsable(row: TokenState | undefined, now: Date): void {
  const reason = deadLinkReason(row, now);
  if (reason) {
    throw new AppError("not_found", deadLinkMessages[reason], {
      details: [{ path: "token", message: reason }],
    });
  }
}

export interface InvitationPreviewRow {
  workspaceName: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: Date;
  existingAccount: boolean;
}

/** What an invitation link offers, for its accept page; `not_found` for a dead link. */
export async function previewInvitation(
  db: Db,
  token: string,
  now = new Date(),
): Promise<InvitationPreviewRow> {
  const [row] = await db
    .select({
      workspaceName: workspaces.name,
      email: memberInvitations.email,
      role: memberInvitations.role,
      invitedBy: inviter.name,
      expiresAt: memberInvitations.expiresAt,
      acceptedAt: memberInvitations.acceptedAt,
      revokedAt: memberInvitations.revokedAt,
      existingAccount: sql<boolean>`exists (select 1 from users u where u.email = ${memberInvitations.email})`,
    })
    .from(memberInvitations)
    .innerJoin(workspaces, eq(workspaces.id, memberInvitations.workspaceId))
    .leftJoin(inviter, eq(inviter.id, memberInvitations.invitedBy))
    .where(eq(memberInvitations.tokenHash, sha256(token)));
  assertUsable(row, now);
  const { acceptedAt: _a, revokedAt: _r, ...preview } = row as NonNullable<typeof row>; // checked above
  return preview;
}

/**
 * Accepts an invitation: creates the account (name + password, hashed like every password) or,
 * when the email already signs in to Voronka, checks that account's password; then adds the
 * membership with the invited role and marks the invitation used. The invitation row is locked,
 * so a link accepted twice at once makes one member. Returns who joined which workspace.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: { name?: string | undefined; password: string },
  now = new Date(),
): Promise<{ userId: string; workspaceId: string }> {
  const tokenHash = sha256(token);
  const [peek] = await db
    .select({ email: memberInvitations.email })
    .from(memberInvitations)
    .where(eq(memberInvitations.tokenHash, tokenHash));
  const [existing] = peek
    ? await db.select().from(users).where(eq(users.email, peek.email))
    : [undefined];
  // The slow scrypt runs before the transaction, so the invitation row is not locked meanwhile.
  const passwordOk = existing ? await verifyPassword(input.password, existing.passwordHash) : true;
  const newHash = existing ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(memberInvitations)
      .where(eq(memberInvitations.tokenHash, tokenHash))
      .for("update");
    assertUsable(invitation, now);
    const inv = invitation as NonNullable<typeof invitation>; // assertUsable threw otherwise
    let userId: string;
    if (existing) {
      if (!passwordOk) {
        throw new AppError(
          "invalid_credentials",
          `${inv.email} already has a Voronka account: enter its password to join.`,
        );
      }
      userId = existing.id;
    } else {
      const name = input.name?.trim();
      if (!name) {
        throw new AppError("validation_failed", "Enter your name.", {
          details: [{ path: "name", message: "Enter your name." }],
        });
      }
      const [created] = await tx
        .insert(users)
        .values({ email: inv.email, name, passwordHash: newHash ?? "" })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!created) {
        throw new AppError("conflict", "An account with this email was just created. Sign in.");
      }
      userId = created.id;
    }
    const joined = await tx
      .insert(memberships)
      .values({ workspaceId: inv.workspaceId, userId, role: inv.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (joined.length === 0) {
      throw new AppError("conflict", "You are already a member of this workspace. Sign in.");
    }
    await tx
      .update(memberInvitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(
        and(eq(memberInvitations.workspaceId, inv.workspaceId), eq(memberInvitations.id, inv.id)),
      );
    return { userId, workspaceId: inv.workspaceId };
  });
}
