import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { type LeadChannel, leadSources } from "../schema/leads.ts";

/** A configured lead source as stored (its `secret` included: callers decide what to show). */
export type LeadSourceRow = typeof leadSources.$inferSelect;

/** Fields a caller may set on a lead source. */
export interface LeadSourceFields {
  name: string;
  funnelId: string | null;
  stageId: string | null;
  secret: string | null;
  settings: Record<string, unknown>;
}

/**
 * A new unguessable public id: 18 random bytes, base64url (24 characters). It is the only
 * thing that identifies a source on the public `/v1/leads/...` endpoints.
 */
export function newLeadSourcePublicId(): string {
  return randomBytes(18).toString("base64url");
}

/** The workspace's lead sources, oldest first. */
export async function listLeadSources(db: Db, workspaceId: string): Promise<LeadSourceRow[]> {
  return db
    .select()
    .from(leadSources)
    .where(eq(leadSources.workspaceId, workspaceId))
    .orderBy(asc(leadSources.createdAt), asc(leadSources.id));
}

/** One lead source of this workspace, or undefined. */
export async function getLeadSource(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<LeadSourceRow | undefined> {
  const [row] = await db
    .select()
    .from(leadSources)
    .where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)));
  return row;
}

/**
 * The source behind a public endpoint: found by its public id and channel, so a web form's
 * id cannot be used on the Telegram endpoint. Undefined when unknown.
 */
export async function findLeadSourceByPublicId(
  db: Db,
  publicId: string,
  channel: LeadChannel,
): Promise<LeadSourceRow | undefined> {
  const [row] = await db
    .select()
    .from(leadSources)
    .where(and(eq(leadSources.publicId, publicId), eq(leadSources.channel, channel)));
  return row;
}

/** Creates a lead source with a fresh public id. */
export async function createLeadSource(
  db: Db,
  workspaceId: string,
  input: LeadSourceFields & { channel: LeadChannel },
): Promise<LeadSourceRow> {
  const [row] = await db
    .insert(leadSources)
    .values({ workspaceId, publicId: newLeadSourcePublicId(), ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Changes a lead source of this workspace; undefined when there is none with this id. */
export async function updateLeadSource(
  db: Db,
  workspaceId: string,
  id: string,
  changes: Partial<LeadSourceFields>,
): Promise<LeadSourceRow | undefined> {
  if (Object.keys(changes).length === 0) return getLeadSource(db, workspaceId, id);
  const [row] = await db
    .update(leadSources)
    .set(changes)
    .where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)))
    .returning();
  return row;
}

/**
 * Deletes a lead source: its public endpoint stops answering. Leads it captured stay (their
 * `source_id` keeps the old id; the `Lead Captured` events keep its name).
 */
export async function deleteLeadSource(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(leadSources)
    .where(and(eq(leadSources.workspaceId, workspaceId), eq(leadSources.id, id)))
    .returning({ id: leadSources.id });
  return rows.length > 0;
}
