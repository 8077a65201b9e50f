import { newApiKey } from "@voronka/core";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { apiKeys, workspaces } from "../schema/index.ts";

export type WorkspaceRow = typeof workspaces.$inferSelect;

export interface ProvisionedWorkspace {
  workspace: WorkspaceRow;
  /** Shown once: only their hashes are stored. */
  writeKey: string;
  secretKey: string;
}

/** Creates a workspace with a default write key and secret key, in one transaction. */
export async function provisionWorkspace(db: Db, name: string): Promise<ProvisionedWorkspace> {
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name }).returning();
    if (!workspace) throw new Error("insert returned no row");
    const write = newApiKey("write");
    const secret = newApiKey("secret");
    await tx.insert(apiKeys).values([
      {
        workspaceId: workspace.id,
        kind: "write",
        name: "Default write key",
        prefix: write.prefix,
        keyHash: write.hash,
      },
      {
        workspaceId: workspace.id,
        kind: "secret",
        name: "Default secret key",
        prefix: secret.prefix,
        keyHash: secret.hash,
      },
    ]);
    return { workspace, writeKey: write.key, secretKey: secret.key };
  });
}

export async function getWorkspace(db: Db, workspaceId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row;
}

export async function renameWorkspace(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .update(workspaces)
    .set({ name })
    .where(eq(workspaces.id, workspaceId))
    .returning();
  return row;
}

export async function countWorkspaces(db: Db): Promise<number> {
  return db.$count(workspaces);
}

/** Ids of the oldest `limit` workspaces (the CLI picks the only one when there is one). */
export async function oldestWorkspaceIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .orderBy(asc(workspaces.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
