import { sql } from "drizzle-orm";
import { swapStageAudiences } from "../audiences/stage-hook.ts";
import type { Tx } from "../contacts/resolve.ts";
import { routeStageMoves } from "../engine/stage-triggers.ts";
import { pgArray } from "../sql-array.ts";

export type MoveCause = "journey" | "api" | "user" | "rule" | "lead" | "import";

export interface StageMove {
  funnelId: string;
  contactId: string;
  toStageId: string;
  cause: MoveCause;
  causeRef?: string | null;
  lostReasonId?: string | null;
  lostNote?: string | null;
}

export interface RecordedMove {
  id: number;
  funnelId: string;
  contactId: string;
  fromStageId: string | null;
  toStageId: string;
}

/**
 * Moves contacts between stages, set-based: updates each contact's current stage in its
 * funnel and appends one history row per real move (a move to the stage a contact is already
 * in records nothing). Callers check that stages belong to funnels and that a lost move has a
 * reason; this function only writes. Runs in the caller's transaction, so a journey step or a
 * rule can move contacts atomically with its other writes — and the contacts it moves enter
 * journeys that start on these stages in the same transaction.
 */
export async function moveContacts(
  tx: Tx,
  workspaceId: string,
  moves: StageMove[],
): Promise<RecordedMove[]> {
  if (moves.length === 0) return [];
  // Serialise concurrent moves of the same contact in the same funnel.
  const lockKeys = [
    ...new Set(moves.map((m) => `${workspaceId}:stage:${m.funnelId}:${m.contactId}`)),
  ].sort();
  await tx.execute(sql`
    select pg_advisory_xact_lock(hashtextextended(k, 0))
    from unnest(${pgArray(lockKeys)}::text[]) with ordinality as t(k, n) order by n`);
  const result = await tx.execute<{
    id: string;
    funnel_id: string;
    contact_id: string;
    from_stage_id: string | null;
    to_stage_id: string;
  }>(sql`
    with input as (
      select distinct on (m.funnel_id, m.contact_id) m.*
      from unnest(
        ${pgArray(moves.map((m) => m.funnelId))}::uuid[], ${pgArray(moves.map((m) => m.contactId))}::uuid[],
        ${pgArray(moves.map((m) => m.toStageId))}::uuid[], ${pgArray(moves.map((m) => m.cause))}::text[],
        ${pgArray(moves.map((m) => m.causeRef ?? null))}::text[], ${pgArray(moves.map((m) => m.lostReasonId ?? null))}::uuid[],
        ${pgArray(moves.map((m) => m.lostNote ?? null))}::text[]
      ) with ordinality as m(funnel_id, contact_id, to_stage_id, cause, cause_ref, lost_reason_id, lost_note, n)
      order by m.funnel_id, m.contact_id, m.n desc
    ),
    changed as (
      select i.*, cs.stage_id as from_stage_id
      from input i
      left join contact_stages cs
        on cs.workspace_id = ${workspaceId} and cs.funnel_id = i.funnel_id and cs.contact_id = i.contact_id
      where cs.stage_id is distinct from i.to_stage_id
    ),
    current as (
      insert into contact_stages (workspace_id, funnel_id, contact_id, stage_id, entered_at, lost_reason_id, lost_note)
      select ${workspaceId}, funnel_id, contact_id, to_stage_id, now(), lost_reason_id, lost_note from changed
      on conflict (workspace_id, funnel_id, contact_id) do update
        set stage_id = excluded.stage_id, entered_at = excluded.entered_at,
            lost_reason_id = excluded.lost_reason_id, lost_note = excluded.lost_note
    )
    insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, cause_ref, lost_reason_id, lost_note)
    select ${workspaceId}, funnel_id, contact_id, from_stage_id, to_stage_id, cause, cause_ref, lost_reason_id, lost_note
    from changed
    returning id, funnel_id, contact_id, from_stage_id, to_stage_id`);
  const recorded = result.rows.map((r) => ({
    id: Number(r.id),
    funnelId: r.funnel_id,
    contactId: r.contact_id,
    fromStageId: r.from_stage_id,
    toStageId: r.to_stage_id,
  }));
  // Per-stage ad audiences follow the move in this same transaction.
  await swapStageAudiences(tx, workspaceId, recorded);
  await routeStageMoves(tx, workspaceId, recorded);
  return recorded;
}
