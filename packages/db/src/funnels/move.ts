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

type MovedRow = {
  id: string;
  funnel_id: string;
  contact_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
};

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
 * in records nothing). With `onlyIfAbsent`, only contacts in no stage of the funnel are placed. Callers check that stages belong to funnels and that a lost move has a
 * reason; this function only writes. Runs in the caller's transaction, so a journey step or a
 * rule can move contacts atomically with its other writes — and the contacts it moves enter
 * journeys that start on these stages in the same transaction.
 */
export async function moveContacts(
  tx: Tx,
  workspaceId: string,
  moves: StageMove[],
  options: { onlyIfAbsent?: boolean } = {},
): Promise<RecordedMove[]> {
  if (moves.length === 0) return [];
  // The last move of a contact in a funnel wins; (funnel, contact) order everywhere below, so
  // concurrent movers take row locks in the same order and cannot deadlock.
  const last = new Map<string, StageMove>();
  for (const m of moves) {
    const k = `${m.funnelId}:${m.contactId}`.toLowerCase();
    last.delete(k);
    last.set(k, m);
  }
  const input = [...last.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // One JSON parameter of (contact, group) pairs; a group is what moves share (funnel, stage,
  // cause, lost reason), so a batch of one journey's moves sends each uuid once, not per row.
  const groups = new Map<string, number>();
  const shared: StageMove[] = [];
  const rows = input.map(([, m]) => {
    // NUL cannot occur in Postgres text; \u0001 tells a null from an empty string.
    const key = `${m.funnelId}\0${m.toStageId}\0${m.cause}\0${m.causeRef ?? "\u0001"}\0${m.lostReasonId ?? ""}\0${m.lostNote ?? "\u0001"}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = shared.push(m);
      groups.set(key, g);
    }
    return { c: m.contactId, g };
  });
  const json = JSON.stringify(rows);
  const column = (pick: (m: StageMove) => unknown, type: "uuid" | "text") =>
    sql`(${pgArray(shared.map(pick))}::${sql.raw(type)}[])[u.g]`;
  const inputRows = sql`
      select u.c, ${column((m) => m.funnelId, "uuid")} as f, ${column((m) => m.toStageId, "uuid")} as s,
             ${column((m) => m.cause, "text")} as k, ${column((m) => m.causeRef ?? null, "text")} as r,
             ${column((m) => m.lostReasonId ?? null, "uuid")} as l, ${column((m) => m.lostNote ?? null, "text")} as o,
             row_number() over () as n
      from json_to_recordset(${json}::json) as u(c uuid, g int)`;
  // Serialised by row locks, not advisory locks (a batch of 1,000 moves would hold 1,000
  // lock-table slots): first the contacts not yet in the funnel are inserted — a concurrent
  // insert of the same row makes this one wait for it and then skip the row — then the rows
  // that existed are locked (`FOR UPDATE` returns the latest committed stage, the true "from")
  // and moved, in a second statement so that it sees what concurrent movers committed.
  const inserted = await tx.execute<MovedRow>(sql`
    with input as (${inputRows}),
    placed as (
      insert into contact_stages (workspace_id, funnel_id, contact_id, stage_id, entered_at, lost_reason_id, lost_note)
      select ${workspaceId}, f, c, s, now(), l, o from input order by n
      on conflict (workspace_id, funnel_id, contact_id) do nothing
      returning funnel_id, contact_id
    )
    insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, cause_ref, lost_reason_id, lost_note)
    select ${workspaceId}, i.f, i.c, null, i.s, i.k, i.r, i.l, i.o
    from placed p join input i on i.f = p.funnel_id and i.c = p.contact_id
    order by i.n
    returning id, funnel_id, contact_id, from_stage_id, to_stage_id`);
  // `onlyIfAbsent` (lead placement): a contact already in the funnel — or put there by a
  // concurrent mover, whose insert this one waited for — keeps its stage.
  const moved =
    inserted.rows.length === rows.length || options.onlyIfAbsent
      ? { rows: [] as MovedRow[] }
      : await tx.execute<MovedRow>(sql`
    with input as (${inputRows}),
    old as materialized (
      -- A scalar probe per input row: index lookups whatever the table's statistics say.
      select i.n, (select cs.stage_id from contact_stages cs
                    where cs.workspace_id = ${workspaceId} and cs.funnel_id = i.f and cs.contact_id = i.c
                    for update) as stage_id
      from input i
      order by i.n
    ),
    changed as (
      select i.*, o.stage_id as from_stage_id
      from input i join old o on o.n = i.n
      where o.stage_id is not null and o.stage_id is distinct from i.s
    ),
    current as (
      update contact_stages cs
      set stage_id = ch.s, entered_at = now(), lost_reason_id = ch.l, lost_note = ch.o
      from changed ch
      where cs.workspace_id = ${workspaceId} and cs.funnel_id = ch.f and cs.contact_id = ch.c
    )
    insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, cause_ref, lost_reason_id, lost_note)
    select ${workspaceId}, f, c, from_stage_id, s, k, r, l, o
    from changed
    order by n
    returning id, funnel_id, contact_id, from_stage_id, to_stage_id`);
  const result = { rows: [...inserted.rows, ...moved.rows] };
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
