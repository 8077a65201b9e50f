import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { contacts } from "../schema/contacts.ts";
import type { ContactRow } from "./list.ts";
import type { Tx } from "./resolve.ts";

/**
 * The live contact behind an id: the contact itself, or — for the tombstone of a merged
 * contact — the one it was merged into (following chains of merges). Undefined when the
 * workspace has no such contact.
 */
export async function liveContactId(
  db: Db | Tx,
  workspaceId: string,
  contactId: string,
): Promise<string | undefined> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive chain(id, merged_into, depth) as (
      select id, merged_into, 0 from contacts where workspace_id = ${workspaceId} and id = ${contactId}
      union all
      select c.id, c.merged_into, chain.depth + 1
      from contacts c join chain on c.workspace_id = ${workspaceId} and c.id = chain.merged_into
      where chain.depth < 50
    )
    select id from chain where merged_into is null limit 1`);
  return rows.rows[0]?.id;
}

export interface ContactStageNowRow {
  funnelId: string;
  funnelName: string;
  stageId: string;
  stageName: string;
  stageKind: "open" | "won" | "lost";
  enteredAt: Date;
  lostReason: string | null;
  lostNote: string | null;
}

export interface ContactCardRow {
  contact: ContactRow;
  identities: Array<{ kind: string; value: string }>;
  stages: ContactStageNowRow[];
}

/** Profile, identities and current stage per funnel of a live contact (not its timeline). */
export async function getContactCard(
  db: Db | Tx,
  workspaceId: string,
  contactId: string,
): Promise<ContactCardRow | undefined> {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!contact) return undefined;
  const identities = await db.execute<{ kind: string; value: string }>(sql`
    select kind, value from contact_identities
    where workspace_id = ${workspaceId} and contact_id = ${contactId}
    order by kind, created_at`);
  const stages = await db.execute<{
    funnel_id: string;
    funnel_name: string;
    stage_id: string;
    stage_name: string;
    stage_kind: ContactStageNowRow["stageKind"];
    entered_at: Date;
    lost_reason: string | null;
    lost_note: string | null;
  }>(sql`
    select cs.funnel_id, f.name as funnel_name, cs.stage_id, st.name as stage_name,
           st.kind as stage_kind, cs.entered_at, r.label as lost_reason, cs.lost_note
    from contact_stages cs
    join funnels f on f.workspace_id = cs.workspace_id and f.id = cs.funnel_id
    join funnel_stages st on st.workspace_id = cs.workspace_id and st.id = cs.stage_id
    left join lost_reasons r on r.workspace_id = cs.workspace_id and r.id = cs.lost_reason_id
    where cs.workspace_id = ${workspaceId} and cs.contact_id = ${contactId}
    order by f.created_at, f.id`);
  return {
    contact,
    identities: identities.rows,
    stages: stages.rows.map((r) => ({
      funnelId: r.funnel_id,
      funnelName: r.funnel_name,
      stageId: r.stage_id,
      stageName: r.stage_name,
      stageKind: r.stage_kind,
      enteredAt: new Date(r.entered_at),
      lostReason: r.lost_reason,
      lostNote: r.lost_note,
    })),
  };
}
