import { AppError } from "@voronka/core";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { memberships, users } from "../schema/tenancy.ts";
import type { Role } from "./users.ts";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

/** The workspace's members, earliest first. */
export async function listMembers(db: Db, workspaceId: string): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt), asc(users.email));
}

/** A member's role in the workspace, or undefined when the user is not a member. */
export async function memberRole(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<Role | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role;
}

/**
 * Changes a member's role. A workspace always keeps an owner: demoting the last one is a
 * `conflict`. The owners' rows are locked first, so two owners demoting each other at the same
 * moment cannot both succeed.
 */
export async function changeMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<MemberRow> {
  return db.transaction(async (tx) => {
    const owners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
      .for("update");
    const isOwner = owners.some((o) => o.userId === userId);
    if (isOwner && role !== "owner" && owners.length === 1) {
      throw new AppError(
        "conflict",
        "This is the workspace's only owner. Make someone else an owner first.",
      );
    }
    const [updated] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
      .returning({ userId: memberships.userId });
    if (!updated) throw new AppError("not_found", "No member with this id in this workspace.");
    const [row] = await tx
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    if (!row) throw new AppError("internal", "The member vanished while changing the role.");
    return row;
  });
}
