import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { LeadChannel } from "../schema/leads.ts";
import type { LeadPlacement } from "./placement.ts";

/** A stored lead as a person setting up a source sees it: who it became and where it went. */
export interface LeadOutcome {
  leadId: string;
  contactId: string;
  /** The contact's name, else its email or phone; null for an anonymous contact. */
  contactName: string | null;
  /** The funnel stage this lead put the contact in; null when it moved nobody. */
  placement: LeadPlacement | null;
}

/**
 * The lead a channel stored under `dedupeKey` in this workspace, with its contact and the stage
 * move it caused; undefined when there is none.
 */
export async function findLeadOutcome(
  db: Db,
  workspaceId: string,
  channel: LeadChannel,
  dedupeKey: string,
): Promise<LeadOutcome | undefined> {
  const result = await db.execute<{
    lead_id: string;
    contact_id: string;
    contact_name: string | null;
    funnel_id: string | null;
    stage_id: string | null;
  }>(sql`
    select l.id as lead_id, l.contact_id,
           coalesce(nullif(c.name, ''), c.email, c.phone) as contact_name,
           m.funnel_id, m.to_stage_id as stage_id
    from leads l
    left join contacts c on c.workspace_id = l.workspace_id and c.id = l.contact_id
    left join lateral (
      select funnel_id, to_stage_id from stage_moves
      where workspace_id = l.workspace_id and contact_id = l.contact_id
        and cause = 'lead' and cause_ref = l.id::text
      order by id limit 1
    ) m on true
    where l.workspace_id = ${workspaceId} and l.channel = ${channel} and l.dedupe_key = ${dedupeKey}`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    leadId: row.lead_id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    placement:
      row.funnel_id && row.stage_id ? { funnelId: row.funnel_id, stageId: row.stage_id } : null,
  };
}
