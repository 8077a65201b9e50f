import { ADVANCE_TASK, advanceBatch, type Db, TIMER_LEAD_MS } from "@voronka/db";
import { sql } from "drizzle-orm";
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";

export { ADVANCE_TASK };

/** Queued by ingestion and by the engine itself with `{}`; cron runs carry `_cron`. */
export const AdvancePayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/**
 * Enrollments per transaction. 2,000 rather than the engine's default 500: on the 2-core
 * machine a wave of 100k timers due at once advanced in 8.7 s (1,000: 9.5 s, 500: 12.4 s;
 * engine-wait), and 200k fresh runs through five nodes at 11.2–11.3k/s (1,000: 10.5–10.7k/s;
 * engine, same runs, 2026-11-26). A small batch (the latency path) is unaffected.
 */
const BATCH_SIZE = 2_000;

/** How long one job keeps taking batches before it hands over to a fresh job. */
const BUDGET_MS = 5_000;

/** Helper jobs a job that finds a full batch queues, so a wave of due work runs in parallel. */
const FAN_OUT = 2;

/**
 * A job waits in place for a timer due this soon, instead of queueing a job for it; a job for a
 * later timer is queued this long ahead of it (graphile-worker polls for future-dated jobs), so
 * it starts early and waits in place rather than starting up to a poll interval late.
 */
const SHORT_WAIT_MS = TIMER_LEAD_MS;

/** How far ahead a job looks for the next timer to queue a job at its exact time. */
const NEXT_WAKE_WINDOW = "1 minute";

export interface AdvanceTaskOptions {
  batchSize?: number;
  /** Helper jobs queued when work piles up (default {@link FAN_OUT}). */
  fanOut?: number;
}

/**
 * Advances due enrollments — new starts, arrived events and effect results, and timers that
 * have come — batch after batch until none is due or the time budget is spent. A full last
 * batch queues a successor job (inside its own transaction), so no work is left behind.
 *
 * Two things keep a wave of due timers fast without one queued job per waiting contact: a job
 * whose first batch is full queues up to `fanOut` helper jobs (fixed keys, so never more), which
 * take disjoint batches (`SKIP LOCKED`) in parallel; and a job that ran out of due work waits
 * for the next timer if it is due within two seconds, or else queues one job two seconds before
 * it if it falls within the next minute (graphile-worker polls for future jobs, so a job queued
 * for the exact time could start up to one poll interval late; this one starts early and waits
 * in place). The per-minute cron run stays as the safety net.
 */
export function advanceEnrollments(db: Db, options: AdvanceTaskOptions = {}): Task {
  const fanOut = options.fanOut ?? FAN_OUT;
  return async (payload, helpers) => {
    AdvancePayload.parse(payload);
    const started = Date.now();
    let steps = 0;
    let effects = 0;
    let first = true;
    for (;;) {
      const now = Date.now();
      const r = await advanceBatch(db, { now, batchSize: options.batchSize ?? BATCH_SIZE });
      steps += r.steps;
      effects += r.effects;
      if (first && r.full) await fanOutHelpers(helpers, fanOut);
      first = false;
      const spent = Date.now() - started;
      if (r.full) {
        if (spent > BUDGET_MS) break;
        continue;
      }
      const next = await nextWake(db, now);
      if (next === null) break;
      // A timer due in a moment: wait for it here (no poll interval in between)…
      if (next - Date.now() <= SHORT_WAIT_MS && spent < BUDGET_MS) {
        await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
        continue;
      }
      // …a later one within the minute: one job, started just before its time.
      await helpers.addJob(
        ADVANCE_TASK,
        {},
        {
          runAt: new Date(next - TIMER_LEAD_MS),
          jobKey: `${ADVANCE_TASK}:next-wake`,
          jobKeyMode: "replace",
          maxAttempts: 25,
        },
      );
      break;
    }
    if (steps > 0) helpers.logger.debug(`advance: ${steps} step(s), ${effects} effect(s)`);
  };
}

async function fanOutHelpers(helpers: JobHelpers, n: number): Promise<void> {
  for (let k = 1; k <= n; k++) {
    await helpers.addJob(
      ADVANCE_TASK,
      {},
      { jobKey: `${ADVANCE_TASK}:${k}`, jobKeyMode: "preserve_run_at", maxAttempts: 25 },
    );
  }
}

/**
 * The earliest timer after the last batch's clock `after` (epoch ms), if it falls within the
 * next minute. Measured from the batch's clock, not from `now()`: a timer that fell due between
 * the batch and this query is already due, and must not be mistaken for none (that left the
 * last runs of a wave to the per-minute cron sweep, up to a minute late).
 */
async function nextWake(db: Db, after: number): Promise<number | null> {
  const r = await db.execute<{ at: number | null }>(sql`
    select (extract(epoch from min(wake_at)) * 1000)::float8 as at from enrollments
    where wake_at is not null and wake_at > to_timestamp(${after}::float8 / 1000)
      and wake_at < now() + ${NEXT_WAKE_WINDOW}::interval`);
  return r.rows[0]?.at ?? null;
}
