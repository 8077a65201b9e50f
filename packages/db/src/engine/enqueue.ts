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
