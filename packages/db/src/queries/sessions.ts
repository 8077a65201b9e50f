import { randomToken, sha256 } from "@voronka/core";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../client.ts";
import { sessions } from "../schema/index.ts";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  input: { userId: string; workspaceId: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date((input.now ?? new Date()).getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({
    workspaceId: input.workspaceId,
    userId: input.userId,
    tokenHash: sha256(token),
    expiresAt,
  });
  return { token, expiresAt };
}

/** The live session for a cookie token, if any. */
export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select({
      workspaceId: sessions.workspaceId,
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** Deletes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ h: sessions.tokenHash });
  return deleted.length;
}
