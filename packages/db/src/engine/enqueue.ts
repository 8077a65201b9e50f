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
  await tx.execute(sql`
    select graphile_worker.add_job(
      ${ADVANCE_TASK}, '{}'::json,
      job_key => ${ADVANCE_TASK}, job_key_mode => 'preserve_run_at', max_attempts => 25)`);
}

/** The graphile-worker task that sends pending email effects (apps/worker). */
export const DISPATCH_EMAIL_TASK = "dispatch_email";

/**
 * Queues the email dispatcher in the caller's transaction, so a send goes out as soon as the
 * step that produced it commits instead of at the next per-minute sweep. One job key: a burst
 * of steps queues one dispatcher run.
 */
export async function enqueueEmailDispatch(tx: Tx): Promise<void> {
  await tx.execute(sql`
    select graphile_worker.add_job(
      ${DISPATCH_EMAIL_TASK}, '{}'::json,
      job_key => ${DISPATCH_EMAIL_TASK}, job_key_mode => 'preserve_run_at', max_attempts => 25)`);
}
