import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { moveContacts } from "../funnels/move.ts";

/** Where a lead's contact was put. */
export interface LeadPlacement {
  funnelId: string;
  stageId: string;
}

/**
 * Puts a lead's contact into a funnel unless it is already somewhere in that funnel (a
 * returning customer keeps its stage; a stage rule on `Lead Captured` may have placed it).
 *
 * The funnel is the one asked for (the source's, or the API caller's); with none asked, the
 * workspace's oldest live funnel, so that a lead always lands in the pipeline. The stage is the
 * one asked for when it belongs to that funnel, else the funnel's first open stage. Returns
 * undefined when the contact was not moved (already placed, or no funnel exists).
 */
export async function placeLead(
  tx: Tx,
  workspaceId: string,
  input: { contactId: string; leadId: string; funnelId: string | null; stageId: string | null },
): Promise<LeadPlacement | undefined> {
  const target = await tx.execute<{ funnel_id: string; stage_id: string }>(sql`
    with f as (
      select id from funnels
      where workspace_id = ${workspaceId} and archived_at is null
        and (${input.funnelId}::uuid is null or id = ${input.funnelId}::uuid)
      order by created_at, id
      limit 1
    )
    select f.id as funnel_id, s.id as stage_id
    from f join funnel_stages s on s.workspace_id = ${workspaceId} and s.funnel_id = f.id
    where s.id = ${input.stageId}::uuid or s.kind = 'open'
    order by (s.id = ${input.stageId}::uuid) desc nulls last, s.position
    limit 1`);
  const row = target.rows[0];
  if (!row) return undefined;
  // Insert-if-absent in moveContacts' own row-locking order: a contact already in the funnel,
  // or put there by a concurrent mover (a journey step, a stage rule) whose insert this one
  // waits for, keeps its stage — a check before the move could not see an uncommitted one.
  const recorded = await moveContacts(
    tx,
    workspaceId,
    [
      {
        funnelId: row.funnel_id,
        contactId: input.contactId,
        toStageId: row.stage_id,
        cause: "lead",
        causeRef: input.leadId,
      },
    ],
    { onlyIfAbsent: true },
  );
  if (recorded.length === 0) return undefined;
  return { funnelId: row.funnel_id, stageId: row.stage_id };
}
