import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";

/** The graphile-worker task that advances due enrollments. */
export const ADVANCE_TASK = "advance-enrollments";

/**
 * Makes sure an advance job is queued, in the caller's transaction (so it exists exactly when
 * the work it is for commits). One job key for all: a burst of events queues one job, and a
 * job already running gets a successor instead of being replaced.
 */
export async function enqueueAdvance(tx: Tx): Promise<void> {
  await ensureJob(tx, ADVANCE_TASK);
}

/**
 * Queues `task` under the job key of the same name, in the caller's transaction, so the job
 * exists exactly when the work it is for commits. When a job with the key is already queued
 * and not running, it is share-locked instead of updated: graphile-worker takes jobs
 * `FOR UPDATE SKIP LOCKED`, so it cannot start (and miss this transaction's work) before the
 * commit, and concurrent batches share the lock instead of queueing behind one another's
 * commits on the job row (which `add_job` with a key does). Otherwise `add_job` as usual.
 *
 * The share-lock path also sends graphile-worker's `jobs:insert` NOTIFY (delivered at commit):
 * a worker that looked for a job while this transaction held the lock skipped the row and went
 * idle, and without a nudge it would find the job only at its next poll (seconds later).
 */
export async function ensureJob(tx: Tx, task: string): Promise<void> {
  await tx.execute(sql`
    with queued as materialized (
      select 1 from graphile_worker._private_jobs
      where key = ${task} and locked_at is null and attempts < max_attempts
      for share skip locked
    )
    select case when exists (select 1 from queued)
      then (select 1 from pg_notify('jobs:insert', '{"count":1}'))
      else (select 1 from graphile_worker.add_job(
        ${task}, '{}'::json, job_key => ${task}, job_key_mode => 'preserve_run_at', max_attempts => 25))
    end`);
}

/** The graphile-worker task that sends pending email effects (apps/worker). */
export const DISPATCH_EMAIL_TASK = "dispatch_email";

/**
 * Queues the email dispatcher in the caller's transaction, so a send goes out as soon as the
 * step that produced it commits instead of at the next per-minute sweep. One job key: a burst
 * of steps queues one dispatcher run.
 */
export async function enqueueEmailDispatch(tx: Tx): Promise<void> {
  await ensureJob(tx, DISPATCH_EMAIL_TASK);
}
