import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";

/** One saved state of a partial (a header or footer block shared by templates). */
export interface EmailPartial {
  name: string;
  version: number;
  mjml: string;
  createdAt: Date;
}

type Row = { name: string; version: number; mjml: string; created_at: Date };
const toPartial = (r: Row): EmailPartial => ({
  name: r.name,
  version: Number(r.version),
  mjml: r.mjml,
  createdAt: new Date(r.created_at),
});

/** Saves a partial: version 1, or the next version when the content changed. */
export async function saveEmailPartial(
  db: Db,
  workspaceId: string,
  name: string,
  mjml: string,
): Promise<EmailPartial> {
  return db.transaction(async (tx) => {
    // One saver per partial at a time (two saves must not both take the same next version).
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`email-partial:${workspaceId}:${name}`}, 0))`,
    );
    const current = await tx.execute<Row>(sql`
      select name, version, mjml, created_at from email_partial_versions
      where workspace_id = ${workspaceId} and name = ${name}
      order by version desc limit 1`);
    const latest = current.rows[0];
    if (latest && latest.mjml === mjml) return toPartial(latest);
    const inserted = await tx.execute<Row>(sql`
      insert into email_partial_versions (workspace_id, name, version, mjml)
      values (${workspaceId}, ${name}, ${(latest ? Number(latest.version) : 0) + 1}, ${mjml})
      returning name, version, mjml, created_at`);
    const row = inserted.rows[0];
    if (!row) throw new Error("partial not inserted");
    return toPartial(row);
  });
}

/**
 * Every partial of the workspace in the version current at `asOf` (the journey version's
 * publish time; now when null), so a published journey keeps its header and footer too.
 */
export async function emailPartialsAsOf(
  tx: Tx,
  workspaceId: string,
  asOf: Date | null,
): Promise<Map<string, EmailPartial>> {
  const at = (asOf ?? new Date()).toISOString();
  const rows = await tx.execute<Row>(sql`
    select distinct on (name) name, version, mjml, created_at from email_partial_versions
    where workspace_id = ${workspaceId}
    order by name, (created_at <= ${at}::timestamptz) desc, version desc`);
  return new Map(rows.rows.map((r) => [r.name, toPartial(r)]));
}

/** The workspace's partials, current versions, by name. */
export async function listEmailPartials(db: Db, workspaceId: string): Promise<EmailPartial[]> {
  const rows = await db.execute<Row>(sql`
    select distinct on (name) name, version, mjml, created_at from email_partial_versions
    where workspace_id = ${workspaceId}
    order by name, version desc`);
  return rows.rows.map(toPartial);
}
