import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { changeMembership, type MembershipChange } from "./membership.ts";

/** A stage move as `moveContacts` recorded it. */
export interface MovedContact {
  id: number;
  funnelId: string;
  contactId: string;
  fromStageId: string | null;
  toStageId: string;
}

/**
 * For funnels set to "each stage has its audience": takes each moved contact out of its old
 * stage's audience and puts it into the new stage's, in the caller's transaction (the one
 * that records the move), so the contact is never in both or neither. One lookup and one
 * write statement for the whole batch of moves; nothing is written for other funnels.
 */
export async function swapStageAudiences(
  tx: Tx,
  workspaceId: string,
  moves: readonly MovedContact[],
): Promise<void> {
  if (moves.length === 0) return;
  // Most funnels are not per-stage: a look at the batch's few funnels first spares sending
  // every move (five arrays of a batch's size) to find that out.
  const funnels = [...new Set(moves.map((m) => m.funnelId))];
  const perStage = await tx.execute<{ funnel_id: string }>(sql`
    select funnel_id from funnel_audience_settings
    where workspace_id = ${workspaceId} and funnel_id = any(${pgArray(funnels)}::uuid[]) and per_stage`);
  if (perStage.rows.length === 0) return;
  const wanted = new Set(perStage.rows.map((r) => r.funnel_id));
  const list = wanted.size < funnels.length ? moves.filter((m) => wanted.has(m.funnelId)) : moves;
  const found = await tx.execute<{
    contact_id: string;
    move_id: string;
    from_audience: string | null;
    to_audience: string | null;
  }>(sql`
    select m.contact_id, m.move_id::text, af.id as from_audience, at.id as to_audience
    from unnest(${pgArray(list.map((m) => m.funnelId))}::uuid[], ${pgArray(list.map((m) => m.contactId))}::uuid[],
                ${pgArray(list.map((m) => m.fromStageId))}::uuid[], ${pgArray(list.map((m) => m.toStageId))}::uuid[],
                ${pgArray(list.map((m) => m.id))}::bigint[])
      with ordinality as m(funnel_id, contact_id, from_stage, to_stage, move_id, n)
    join funnel_audience_settings s
      on s.workspace_id = ${workspaceId} and s.funnel_id = m.funnel_id and s.per_stage
    left join audiences af
      on af.workspace_id = ${workspaceId} and af.stage_id = m.from_stage and af.archived_at is null
    left join audiences at
      on at.workspace_id = ${workspaceId} and at.stage_id = m.to_stage and at.archived_at is null
    order by m.n`);
  const changes: MembershipChange[] = [];
  for (const r of found.rows) {
    const ref = `stage-move:${r.move_id}`;
    if (r.from_audience && r.from_audience !== r.to_audience) {
      changes.push({
        audienceId: r.from_audience,
        contactId: r.contact_id,
        action: "remove",
        cause: "stage",
        causeRef: ref,
      });
    }
    if (r.to_audience) {
      changes.push({
        audienceId: r.to_audience,
        contactId: r.contact_id,
        action: "add",
        cause: "stage",
        causeRef: ref,
      });
    }
  }
  await changeMembership(tx, workspaceId, changes);
}
