import { Enrollment, type EventCountQuery, StepInput } from "@voronka/journey";
import { sql } from "drizzle-orm";
import { enqueueChannelDispatch, isChannelEffect } from "../channels/enqueue.ts";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { applyInternalEffects } from "./apply-internal.ts";
import { enqueueAdvance, enqueueEmailDispatch } from "./enqueue.ts";
import { loadVersions, versionKey } from "./graphs.ts";
import { insertEffects, type OutboxEffect } from "./outbox.ts";
import { runInputs, type TimedInput } from "./run-inputs.ts";
import { loadContactWorlds } from "./snapshots.ts";
import { TransitionLog } from "./transitions.ts";

export interface AdvanceOptions {
  /** The engine's clock (epoch ms); tests pass any instant to time-travel. */
  now: number;
  /** Enrollments per transaction. */
  batchSize?: number;
  /** Test hook: runs inside the transaction after every write, before commit. */
  beforeCommit?: () => Promise<void> | void;
}

export interface AdvanceResult {
  /** Enrollments locked and looked at. */
  enrollments: number;
  /** `step()` calls that changed something. */
  steps: number;
  /** Effects newly written to the outbox. */
  effects: number;
  /** A full batch: more work is probably due. */
  full: boolean;
}

/** Candidate window, in batches: see {@link lockDue}. */
const CANDIDATE_WINDOW = 4;

type DueRow = {
  workspace_id: string;
  id: string;
  journey_id: string;
  version: number;
  contact_id: string;
  status: string;
  state: unknown;
  start: unknown;
  started_at: string;
  resumed_at: string | null;
};

/**
 * One batch of the engine, in one transaction: locks due enrollments of live journeys
 * (`FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint batches), takes their inbox,
 * loads the contacts set-based, runs the pure `step()` for each input and due timer, writes the
 * new states, inserts the effects under their unique keys, applies internal effects and records
 * transitions. A crash anywhere rolls all of it back; the next batch redoes it identically.
 */
export async function advanceBatch(db: Db, options: AdvanceOptions): Promise<AdvanceResult> {
  const batchSize = options.batchSize ?? 500;
  return db.transaction(async (tx) => {
    const due = await lockDue(tx, options.now, batchSize);
    const result: AdvanceResult = {
      enrollments: due.length,
      steps: 0,
      effects: 0,
      full: due.length >= batchSize,
    };
    if (due.length === 0) return result;
    const inbox = await takeInbox(tx, due);
    const versions = await loadVersions(
      tx,
      due.map((d) => ({
        workspaceId: d.workspace_id,
        journeyId: d.journey_id,
        version: d.version,
      })),
    );

    const byWorkspace = new Map<string, DueRow[]>();
    for (const d of due)
      byWorkspace.set(d.workspace_id, [...(byWorkspace.get(d.workspace_id) ?? []), d]);

    const updates: { row: DueRow; state: Enrollment }[] = [];
    const outbox: OutboxEffect[] = [];
    const transitions = new TransitionLog();
    for (const [workspaceId, rows] of byWorkspace) {
      const queries = new Map<string, EventCountQuery>();
      let capped = false;
      for (const r of rows) {
        capped ||=
          versions.get(versionKey(workspaceId, r.journey_id, r.version))?.graph.settings
            .frequencyCap !== undefined;
        for (const q of versions.get(versionKey(workspaceId, r.journey_id, r.version))
          ?.countQueries ?? [])
          queries.set(q.key, q);
      }
      const worlds = await loadContactWorlds(
        tx,
        workspaceId,
        rows.map((r) => r.contact_id),
        [...queries.values()],
        options.now,
        capped,
      );
      for (const row of rows) {
        const version = versions.get(versionKey(workspaceId, row.journey_id, row.version));
        const world = worlds.get(row.contact_id);
        // A version or contact that vanished (workspace deleted mid-batch): leave the row.
        if (!version || !world) continue;
        const state = Enrollment.parse(row.state);
        const notBefore = row.resumed_at === null ? -Infinity : Date.parse(row.resumed_at);
        const inputs = inbox.get(row.id) ?? [];
        if (row.start !== null) {
          inputs.unshift({ input: StepInput.parse(row.start), at: Date.parse(row.started_at) });
        }
        const run = runInputs(version, state, inputs, world, options.now, notBefore);
        // A started row is always written back, so its start is never offered twice.
        if (run.steps.length === 0 && row.start === null) continue;
        result.steps += run.steps.length;
        updates.push({ row, state: run.state });
        const ref = {
          workspaceId,
          journeyId: row.journey_id,
          version: row.version,
          enrollmentId: row.id,
        };
        transitions.add(ref, run.steps, row.status === "waiting");
        for (const s of run.steps) {
          for (const effect of s.effects)
            outbox.push({ ...ref, contactId: row.contact_id, at: s.at, effect });
        }
      }
    }
    await writeStates(tx, updates);
    const inserted = await insertEffects(tx, outbox);
    result.effects = inserted.length;
    await applyInternalEffects(tx, inserted);
    await transitions.write(tx);
    if (result.full) await enqueueAdvance(tx);
    if (inserted.some((e) => e.effect.type === "send-email")) await enqueueEmailDispatch(tx);
    if (inserted.some((e) => isChannelEffect(e.effect))) await enqueueChannelDispatch(tx);
    await options.beforeCommit?.();
    return result;
  });
}

/**
 * Locks a batch: due starts and timers (by the `wake_at` index), then enrollments with inbox
 * inputs, of live journeys only. Each arm locks as it scans (`SKIP LOCKED` before `LIMIT`), so
 * concurrent workers fill their batches with disjoint rows, and no join back to `enrollments`
 * is left for a planner with stale statistics (a freshly filled table) to get wrong.
 */
async function lockDue(tx: Tx, now: number, limit: number): Promise<DueRow[]> {
  const at = new Date(now).toISOString();
  const columns = sql`e.workspace_id, e.id, e.journey_id, e.version, e.contact_id, e.status, e.state, e.start,
    e.started_at::text as started_at,
    (select j.resumed_at::text from journeys j where j.workspace_id = e.workspace_id and j.id = e.journey_id) as resumed_at`;
  const live = sql`exists (select 1 from journeys j where j.workspace_id = e.workspace_id and j.id = e.journey_id and j.status = 'live')`;
  const timers = await tx.execute<DueRow>(sql`
    select ${columns} from enrollments e
    where e.wake_at is not null and e.wake_at <= ${at}::timestamptz and e.status in ('active', 'waiting') and ${live}
    order by e.wake_at limit ${limit}
    for update of e skip locked`);
  const room = limit - timers.rows.length;
  if (room <= 0) return stillLive(tx, timers.rows);
  const inboxed = await tx.execute<DueRow>(sql`
    select ${columns} from enrollments e
    where (e.workspace_id, e.id) in (select i.workspace_id, i.enrollment_id from enrollment_inbox i order by i.id limit ${limit * CANDIDATE_WINDOW})
      and ${live}
    limit ${room}
    for update of e skip locked`);
  const seen = new Set(timers.rows.map((r) => r.id));
  return stillLive(tx, [...timers.rows, ...inboxed.rows.filter((r) => !seen.has(r.id))]);
}

/**
 * Share-locks the batch's journeys and drops rows whose journey stopped being live meanwhile.
 * Pausing takes the row lock exclusively, so it waits for batches in flight: once a pause
 * returns, no step of the journey runs until resume.
 */
async function stillLive(tx: Tx, rows: DueRow[]): Promise<DueRow[]> {
  if (rows.length === 0) return rows;
  const keys = [...new Set(rows.map((r) => `${r.workspace_id}:${r.journey_id}`))];
  const live = await tx.execute<{ workspace_id: string; id: string }>(sql`
    select j.workspace_id, j.id from journeys j
    join unnest(${pgArray(keys.map((k) => k.slice(0, 36)))}::uuid[], ${pgArray(keys.map((k) => k.slice(37)))}::uuid[])
      as k(workspace_id, id) on j.workspace_id = k.workspace_id and j.id = k.id
    where j.status = 'live'
    order by j.workspace_id, j.id
    for share of j`);
  const ok = new Set(live.rows.map((r) => `${r.workspace_id}:${r.id}`));
  return rows.filter((r) => ok.has(`${r.workspace_id}:${r.journey_id}`));
}

/** Removes and returns the inbox inputs of the locked enrollments, in arrival order. */
async function takeInbox(tx: Tx, due: readonly DueRow[]): Promise<Map<string, TimedInput[]>> {
  const rows = await tx.execute<{
    enrollment_id: string;
    input: unknown;
    at: string;
    id: string;
  }>(sql`
    delete from enrollment_inbox i
    using unnest(${pgArray(due.map((d) => d.workspace_id))}::uuid[], ${pgArray(due.map((d) => d.id))}::uuid[]) as d(workspace_id, id)
    where i.workspace_id = d.workspace_id and i.enrollment_id = d.id
    returning i.enrollment_id, i.input, i.at::text as at, i.id`);
  const out = new Map<string, TimedInput[]>();
  const sorted = [...rows.rows].sort((a, b) => Number(a.id) - Number(b.id));
  for (const r of sorted) {
    const list = out.get(r.enrollment_id) ?? [];
    list.push({ input: StepInput.parse(r.input), at: Date.parse(r.at) });
    out.set(r.enrollment_id, list);
  }
  return out;
}

async function writeStates(
  tx: Tx,
  updates: readonly { row: DueRow; state: Enrollment }[],
): Promise<void> {
  if (updates.length === 0) return;
  const s = updates.map((u) => u.state);
  await tx.execute(sql`
    update enrollments e set state = u.state::jsonb, status = u.status, node = u.node, start = null,
      wake_at = u.wake_at, waiting_event = u.waiting_event, ended_at = u.ended_at, updated_at = now()
    from unnest(
      ${pgArray(updates.map((u) => u.row.workspace_id))}::uuid[], ${pgArray(updates.map((u) => u.row.id))}::uuid[],
      ${pgArray(s.map((x) => JSON.stringify(x)))}::text[], ${pgArray(s.map((x) => x.status))}::text[],
      ${pgArray(s.map((x) => x.node))}::text[], ${pgArray(s.map((x) => iso(x.wakeAt)))}::timestamptz[],
      ${pgArray(s.map((x) => (x.waitingFor?.type === "event" ? x.waitingFor.event : null)))}::text[],
      ${pgArray(s.map((x) => iso(x.endedAt)))}::timestamptz[]
    ) as u(workspace_id, id, state, status, node, wake_at, waiting_event, ended_at)
    where e.workspace_id = u.workspace_id and e.id = u.id`);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
