import { hashPassword } from "@voronka/core";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { memberships, users, workspaces } from "../schema/index.ts";

export type UserRow = typeof users.$inferSelect;
export type Role = "owner" | "admin" | "member";

/** Normalises a login email the way it is stored and looked up. */
function normalizeLogin(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates a user with a hashed password and makes them a member of `workspaceId`.
 * Returns `undefined` if the email is taken.
 */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string; workspaceId: string; role: Role },
): Promise<UserRow | undefined> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: normalizeLogin(input.email), name: input.name, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (!user) return undefined;
    await tx
      .insert(memberships)
      .values({ workspaceId: input.workspaceId, userId: user.id, role: input.role });
    return user;
  });
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeLogin(email)));
  return row;
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

/** The workspaces a user belongs to, oldest first, with the user's role in each. */
export async function listUserWorkspaces(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export async function setUserPassword(db: Db, userId: string, password: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, userId));
}
