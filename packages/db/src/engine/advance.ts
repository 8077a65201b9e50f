import { type Enrollment, type EventCountQuery, StepInput } from "@voronka/journey";
import { sql } from "drizzle-orm";
import { applyAudienceEffects } from "../audiences/journey-effects.ts";
import { enqueueChannelDispatch, isChannelEffect } from "../channels/enqueue.ts";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { applyInternalEffects } from "./apply-internal.ts";
import { enqueueAdvance, enqueueEmailDispatch } from "./enqueue.ts";
import { loadVersions, versionKey } from "./graphs.ts";
import { insertEffects, type OutboxEffect } from "./outbox.ts";
import { GroupTable } from "./run-groups.ts";
import { runInputs, type TimedInput } from "./run-inputs.ts";
import { loadContactWorlds } from "./snapshots.ts";
import { toStored } from "./stored-state.ts";
import { TransitionLog } from "./transitions.ts";

export interface AdvanceOptions {
  /** The engine's clock (epoch ms); tests pass any instant to time-travel. */
  now: number;
  /** Enrollments per transaction. */
  batchSize?: number;
  /** Test hook: runs inside the transaction after every write, before commit. */
  beforeCommit?: () => Promise<void> | void;
  /** Profiling: milliseconds spent per phase are added here. */
  timings?: Record<string, number>;
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
  /** Epoch ms. */
  started_ms: number;
  /** `wake_at` as epoch ms. */
  wake_ms: number | null;
  /** The journey's last resume (epoch ms), filled in by {@link stillLive}. */
  resumed_at: number | null;
};

/**
 * One batch of the engine, in one transaction: locks due enrollments of live journeys
 * (`FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint batches), takes their inbox,
 * loads the contacts set-based, runs the pure `step()` for each input and due timer, writes the
 * new states, inserts the outbox effects under their unique keys, applies internal effects and
 * records transitions (with the internal effects). A crash anywhere rolls all of it back; the
 * next batch redoes it identically.
 */
export async function advanceBatch(db: Db, options: AdvanceOptions): Promise<AdvanceResult> {
  const batchSize = options.batchSize ?? 500;
  const t = options.timings;
  let mark = performance.now();
  const lap = (phase: string) => {
    if (!t) return;
    const at = performance.now();
    t[phase] = (t[phase] ?? 0) + at - mark;
    mark = at;
  };
  const out = await db.transaction(async (tx) => {
    lap("begin");
    const due = await lockDue(tx, options.now, batchSize);
    lap("lock");
    const result: AdvanceResult = {
      enrollments: due.length,
      steps: 0,
      effects: 0,
      full: due.length >= batchSize,
    };
    if (due.length === 0) return result;
    const inbox = await takeInbox(tx, due);
    lap("inbox");
    const versions = await loadVersions(
      tx,
      due.map((d) => ({
        workspaceId: d.workspace_id,
        journeyId: d.journey_id,
        version: d.version,
      })),
    );

    const byWorkspace = new Map<string, DueRow[]>();
    for (const d of due) {
      const list = byWorkspace.get(d.workspace_id);
      if (list) list.push(d);
      else byWorkspace.set(d.workspace_id, [d]);
    }

    const updates: { row: DueRow; state: Enrollment }[] = [];
    const outbox: OutboxEffect[] = [];
    const transitions = new TransitionLog();
    for (const [workspaceId, rows] of byWorkspace) {
      const queries = new Map<string, EventCountQuery>();
      let capped = false;
      let stages = false;
      for (const r of rows) {
        const v = versions.get(versionKey(workspaceId, r.journey_id, r.version));
        capped ||= v?.graph.settings.frequencyCap !== undefined;
        stages ||= v?.readsStages ?? false;
        for (const q of v?.countQueries ?? []) queries.set(q.key, q);
      }
      const worlds = await loadContactWorlds(
        tx,
        workspaceId,
        rows.map((r) => r.contact_id),
        [...queries.values()],
        options.now,
        { sends: capped, stages },
      );
      lap("contacts");
      for (const row of rows) {
        const version = versions.get(versionKey(workspaceId, row.journey_id, row.version));
        const world = worlds.get(row.contact_id);
        // A version or contact that vanished (workspace deleted mid-batch): leave the row.
        if (!version || !world) continue;
        const state = fromStored(row);
        const notBefore = row.resumed_at ?? -Infinity;
        const inputs = inbox.get(row.id) ?? [];
        if (row.start !== null) {
          // A start without an event is already a valid input; one with an
          // event is parsed (its timestamp arrives as a string).
          const start = row.start as StepInput & { event?: unknown };
          const input = start.event === undefined ? start : StepInput.parse(start);
          inputs.unshift({ input, at: row.started_ms });
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
            outbox.push({
              workspaceId,
              journeyId: row.journey_id,
              version: row.version,
              enrollmentId: row.id,
              contactId: row.contact_id,
              at: s.at,
              effect,
            });
        }
      }
      lap("step");
    }
    await writeStates(tx, updates);
    lap("states");
    const inserted = await insertEffects(tx, outbox);
    result.effects = inserted.length;
    lap("effects");
    await applyInternalEffects(tx, outbox);
    await applyAudienceEffects(tx, inserted);
    lap("internal");
    await transitions.write(tx);
    lap("transitions");
    if (result.full) await enqueueAdvance(tx);
    if (inserted.some((e) => e.effect.type === "send-email")) await enqueueEmailDispatch(tx);
    if (inserted.some((e) => isChannelEffect(e.effect))) await enqueueChannelDispatch(tx);
    lap("enqueue");
    await options.beforeCommit?.();
    return result;
  });
  lap("commit");
  return out;
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
    (extract(epoch from e.started_at) * 1000)::float8 as started_ms,
    (extract(epoch from e.wake_at) * 1000)::float8 as wake_ms, null as resumed_at`;
  // A scalar probe per row, not a join: a join lets a planner with stale statistics walk the
  // journey's whole enrollment index and sort it; this keeps the `wake_at` index scan, locking
  // as it goes and stopping at the limit.
  const live = sql`(select j.status from journeys j where j.workspace_id = e.workspace_id and j.id = e.journey_id) = 'live'`;
  // Only the ordered `wake_at` index scan stops at the limit; with a freshly filled table's
  // statistics the planner may prefer fetching every due row and sorting them (O(due) per
  // batch), so sorts and bitmap scans are off for this one statement — and JIT, which the
  // penalised costs would otherwise switch on (≈ 15 ms of compiling per batch).
  const saved = await tx.execute<{ sort: string; bitmap: string; jit: string }>(sql`
    select current_setting('enable_sort') as sort, current_setting('enable_bitmapscan') as bitmap,
           current_setting('jit') as jit, set_config('enable_sort', 'off', true),
           set_config('enable_bitmapscan', 'off', true), set_config('jit', 'off', true)`);
  const timers = await tx.execute<DueRow>(sql`
    select ${columns} from enrollments e
    where e.wake_at is not null and e.wake_at <= ${at}::timestamptz and e.status in ('active', 'waiting') and ${live}
    order by e.wake_at limit ${limit}
    for update of e skip locked`);
  const s = saved.rows[0];
  await tx.execute(sql`
    select set_config('enable_sort', ${s?.sort ?? "on"}, true), set_config('enable_bitmapscan', ${s?.bitmap ?? "on"}, true),
           set_config('jit', ${s?.jit ?? "on"}, true)`);
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
 * Share-locks the batch's journeys, drops rows whose journey stopped being live meanwhile and
 * fills in each row's `resumed_at`. Pausing takes the row lock exclusively, so it waits for
 * batches in flight: once a pause returns, no step of the journey runs until resume.
 */
async function stillLive(tx: Tx, rows: DueRow[]): Promise<DueRow[]> {
  if (rows.length === 0) return rows;
  const keys = [...new Set(rows.map((r) => `${r.workspace_id}:${r.journey_id}`))];
  const live = await tx.execute<{
    workspace_id: string;
    id: string;
    resumed_ms: number | null;
  }>(sql`
    select j.workspace_id, j.id, (extract(epoch from j.resumed_at) * 1000)::float8 as resumed_ms
    from journeys j
    join unnest(${pgArray(keys.map((k) => k.slice(0, 36)))}::uuid[], ${pgArray(keys.map((k) => k.slice(37)))}::uuid[])
      as k(workspace_id, id) on j.workspace_id = k.workspace_id and j.id = k.id
    where j.status = 'live'
    order by j.workspace_id, j.id
    for share of j`);
  const ok = new Map(live.rows.map((r) => [`${r.workspace_id}:${r.id}`, r.resumed_ms]));
  const out: DueRow[] = [];
  for (const r of rows) {
    const resumed = ok.get(`${r.workspace_id}:${r.journey_id}`);
    if (resumed === undefined) continue;
    r.resumed_at = resumed;
    out.push(r);
  }
  return out;
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

/**
 * The interpreter's enrollment from a row: its stored JSON (written by {@link toStored}, or in
 * full by enrollment and lifecycle code) completed from the columns. No schema parse: the
 * engine alone writes `state`, always from the interpreter's own type.
 */
function fromStored(row: DueRow): Enrollment {
  const s = row.state as Partial<Enrollment> & { context?: Partial<Enrollment["context"]> };
  return {
    id: row.id,
    contactId: row.contact_id,
    status: row.status as Enrollment["status"],
    node: s.node ?? null,
    visits: s.visits ?? {},
    wakeAt: s.wakeAt !== undefined ? s.wakeAt : row.wake_ms,
    waitingFor: s.waitingFor ?? null,
    branches: s.branches ?? {},
    context: {
      event: s.context?.event ?? null,
      promoCodes: s.context?.promoCodes ?? {},
      results: s.context?.results ?? {},
    },
    startedAt: s.startedAt ?? row.started_ms,
    endedAt: s.endedAt ?? null,
    exitReason: s.exitReason ?? null,
  };
}

async function writeStates(
  tx: Tx,
  updates: readonly { row: DueRow; state: Enrollment }[],
): Promise<void> {
  if (updates.length === 0) return;
  // One JSON parameter: no per-element array escaping; a row names its workspace by number.
  const groups = new GroupTable();
  const rows = updates.map(({ row, state: x }) => ({
    g: groups.of(row.workspace_id, row.journey_id, row.version),
    i: row.id,
    s: toStored(x),
    t: x.status,
    n: x.node,
    k: x.wakeAt,
    v: x.waitingFor?.type === "event" ? x.waitingFor.event : null,
    d: x.endedAt,
  }));
  await tx.execute(sql`
    update enrollments e set state = u.s, status = u.t, node = u.n, start = null,
      wake_at = to_timestamp(u.k / 1000), waiting_event = u.v, ended_at = to_timestamp(u.d / 1000),
      updated_at = now()
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as u(g int, i uuid, s jsonb, t text, n text, k float8, v text, d float8)
    where e.workspace_id = ${groups.columns(sql`u.g`).workspaceId} and e.id = u.i`);
}
