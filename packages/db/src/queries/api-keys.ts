import { type ApiKeyKind, newApiKey, sha256 } from "@voronka/core";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { apiKeys } from "../schema/index.ts";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Finds a live (not revoked) key by its full value. */
export async function findApiKey(db: Db, key: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)));
  return row;
}

/** Records use at most once a minute per key, so hot keys don't write on every request. */
export async function touchApiKey(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}

export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function createApiKey(
  db: Db,
  input: { workspaceId: string; kind: ApiKeyKind; name: string },
): Promise<{ row: ApiKeyRow; key: string }> {
  const generated = newApiKey(input.kind);
  const [row] = await db
    .insert(apiKeys)
    .values({ ...input, prefix: generated.prefix, keyHash: generated.hash })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { row, key: generated.key };
}

/** Revokes a key of this workspace; false if there is no such live key. */
export async function revokeApiKey(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
