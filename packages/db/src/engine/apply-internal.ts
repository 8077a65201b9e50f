import type { Effect, Scalar } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { moveContacts, type StageMove } from "../funnels/move.ts";
import { pgArray } from "../sql-array.ts";
import { type OutboxEffect, recordFailedEffects } from "./outbox.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Failure = OutboxEffect & { error: string };

/**
 * Applies a batch's internal effects (stage moves, lost marks, contact updates; see
 * `isInternal`) in the caller's transaction — the one that writes the steps that made them —
 * set-based per workspace. Effects whose funnel or stage does not exist in the workspace are
 * recorded as failed; the run itself goes on.
 */
export async function applyInternalEffects(
  tx: Tx,
  effects: readonly OutboxEffect[],
): Promise<void> {
  const byWorkspace = new Map<string, OutboxEffect[]>();
  for (const e of effects) {
    const t = e.effect.type;
    if (t !== "move-stage" && t !== "mark-lost" && t !== "update-contact") continue;
    const list = byWorkspace.get(e.workspaceId);
    if (list) list.push(e);
    else byWorkspace.set(e.workspaceId, [e]);
  }
  const failures: Failure[] = [];
  for (const [workspaceId, list] of byWorkspace) {
    await applyMoves(tx, workspaceId, list, failures);
    await applyContactUpdates(tx, workspaceId, list);
  }
  await recordFailedEffects(tx, failures);
}

async function applyMoves(
  tx: Tx,
  workspaceId: string,
  list: readonly OutboxEffect[],
  failures: Failure[],
): Promise<void> {
  const wanted = list.filter(
    (e) => e.effect.type === "move-stage" || e.effect.type === "mark-lost",
  );
  if (wanted.length === 0) return;
  const funnelIds = [...new Set(wanted.map((e) => funnelOf(e.effect)).filter((f) => UUID.test(f)))];
  const stages =
    funnelIds.length === 0
      ? { rows: [] }
      : await tx.execute<{ funnel_id: string; id: string; kind: string }>(sql`
          select funnel_id, id, kind from funnel_stages
          where workspace_id = ${workspaceId} and funnel_id = any(${pgArray(funnelIds)}::uuid[])`);
  const known = new Set(stages.rows.map((s) => `${s.funnel_id}:${s.id}`));
  const lostStage = new Map(
    stages.rows.filter((s) => s.kind === "lost").map((s) => [s.funnel_id, s.id]),
  );
  // One round per move of the same contact in the same funnel, so history keeps every move.
  const rounds: StageMove[][] = [];
  const seen = new Map<string, number>();
  for (const e of wanted) {
    const { effect } = e;
    let move: StageMove | null = null;
    if (effect.type === "move-stage" && known.has(`${effect.funnel}:${effect.stage}`)) {
      move = {
        funnelId: effect.funnel,
        contactId: e.contactId,
        toStageId: effect.stage,
        cause: "journey",
        causeRef: e.journeyId,
      };
    } else if (effect.type === "mark-lost" && lostStage.has(effect.funnel)) {
      const toStageId = lostStage.get(effect.funnel) ?? "";
      move = {
        funnelId: effect.funnel,
        contactId: e.contactId,
        toStageId,
        cause: "journey",
        causeRef: e.journeyId,
        lostNote: effect.reason,
      };
    }
    if (move === null) {
      failures.push({ ...e, error: "No such funnel or stage in this workspace." });
      continue;
    }
    const k = `${move.funnelId}:${move.contactId}`;
    const round = seen.get(k) ?? 0;
    seen.set(k, round + 1);
    const list = rounds[round] ?? [];
    list.push(move);
    rounds[round] = list;
  }
  for (const moves of rounds) await moveContacts(tx, workspaceId, moves);
}

function funnelOf(effect: Effect): string {
  return effect.type === "move-stage" || effect.type === "mark-lost" ? effect.funnel : "";
}

interface ContactChange {
  set: Record<string, Scalar>;
  addPoints: number;
  add: Set<string>;
  remove: Set<string>;
}

async function applyContactUpdates(
  tx: Tx,
  workspaceId: string,
  list: readonly OutboxEffect[],
): Promise<void> {
  // Fold several updates of one contact into one change, in order.
  const changes = new Map<string, ContactChange>();
  for (const { contactId, effect } of list) {
    if (effect.type !== "update-contact") continue;
    const c = changes.get(contactId) ?? {
      set: {},
      addPoints: 0,
      add: new Set(),
      remove: new Set(),
    };
    c.set = { ...c.set, ...effect.set };
    if ("points" in effect.set) c.addPoints = 0;
    c.addPoints += effect.addPoints;
    for (const t of effect.addTags) {
      c.add.add(t);
      c.remove.delete(t);
    }
    for (const t of effect.removeTags) {
      c.remove.add(t);
      c.add.delete(t);
    }
    changes.set(contactId, c);
  }
  if (changes.size === 0) return;
  const ids = [...changes.keys()];
  const cs = [...changes.values()];
  await tx.execute(sql`
    update contacts c set
      traits = c.traits || u.set::jsonb || case when u.points = 0 then '{}'::jsonb else jsonb_build_object(
        'points', coalesce(case when jsonb_typeof((c.traits || u.set::jsonb)->'points') = 'number'
                                then ((c.traits || u.set::jsonb)->>'points')::numeric end, 0) + u.points) end,
      tags = array(select distinct t from unnest(c.tags || u.add_tags) as t where not t = any(u.remove_tags)),
      updated_at = now()
    from unnest(${pgArray(ids)}::uuid[], ${pgArray(cs.map((c) => JSON.stringify(c.set)))}::text[],
                ${pgArray(cs.map((c) => c.addPoints))}::numeric[],
                ${pgArray(cs.map((c) => JSON.stringify([...c.add])))}::text[],
                ${pgArray(cs.map((c) => JSON.stringify([...c.remove])))}::text[])
      as u0(id, set, points, add_json, remove_json)
    cross join lateral (select u0.*,
      array(select jsonb_array_elements_text(u0.add_json::jsonb)) as add_tags,
      array(select jsonb_array_elements_text(u0.remove_json::jsonb)) as remove_tags) as u
    where c.workspace_id = ${workspaceId} and c.id = u.id`);
}
