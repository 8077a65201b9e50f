import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { ADVANCE_TASK } from "./enqueue.ts";

/**
 * The job key of the timer job: one advance job that graphile-worker runs at the next wake-up
 * time of any waiting enrollment. Separate from the advance task's own key, so moving the timer
 * never delays work that is due now.
 */
export const TIMER_JOB_KEY = `${ADVANCE_TASK}:timer`;

/**
 * How long before a wake-up time its job is queued to run. graphile-worker finds future-dated
 * jobs only by polling (every 2 s by default), so a job queued for the exact time starts up to
 * a poll interval late; queued this much earlier, it starts before the time and the advance
 * task waits in place for it (it waits for timers due within this long).
 */
export const TIMER_LEAD_MS = 2_000;

/**
 * Points the single timer job at the earliest future `wake_at` (one probe of the wake-up index),
 * {@link TIMER_LEAD_MS} ahead of it, so timers fire on time instead of at the next per-minute
 * sweep — with one queued job in total, not one per waiting contact. Called after every advance
 * run (the engine is what writes wake-up times) and after anything else that writes them.
 *
 * Callers are serialised by an advisory lock and read after taking it, so the last one to
 * schedule has seen every wake-up time committed before it: a concurrent run cannot leave the
 * timer pointing later than a wake-up another run just wrote. Returns the time scheduled, or
 * null when nothing waits on a timer.
 */
export async function scheduleTimer(db: Db, now: number = Date.now()): Promise<Date | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${TIMER_JOB_KEY}, 0))`);
    const next = await tx.execute<{ at: string }>(sql`
      select wake_at::text as at from enrollments
      where wake_at is not null and wake_at > ${new Date(now).toISOString()}::timestamptz
      order by wake_at limit 1`);
    const at = next.rows[0]?.at;
    if (at === undefined) return null;
    // Only ever moved earlier (or created): a queued timer at or before `at` will run, sweep
    // and schedule its successor itself — and moving a timer that is already due to later
    // could strand rows that fell due after this run's last batch. Leaving it as it is also
    // saves a write and a NOTIFY on most advance runs.
    const runAt = new Date(Date.parse(at) - TIMER_LEAD_MS).toISOString();
    await tx.execute(sql`
      select graphile_worker.add_job(${ADVANCE_TASK}, '{}'::json, run_at => ${runAt}::timestamptz,
        job_key => ${TIMER_JOB_KEY}, job_key_mode => 'replace', max_attempts => 25)
      where not exists (
        select 1 from graphile_worker._private_jobs
        where key = ${TIMER_JOB_KEY} and locked_at is null and run_at <= ${runAt}::timestamptz)`);
    return new Date(at);
  });
}
