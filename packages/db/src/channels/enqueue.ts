import type { Effect } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";

/** The graphile-worker task that carries out messenger, SMS, webhook and notify effects. */
export const DISPATCH_CHANNELS_TASK = "dispatch_channels";

/** Whether an effect is carried out by the channel dispatcher. */
export function isChannelEffect(effect: Effect): boolean {
  return (
    effect.type === "send-message" || effect.type === "webhook" || effect.type === "notify-manager"
  );
}

/**
 * Queues the channel dispatcher in the caller's transaction, so a message goes out as soon as
 * the step that produced it commits (the per-minute cron run is the safety net). One job key:
 * a burst of steps queues one dispatcher run.
 */
export async function enqueueChannelDispatch(tx: Tx): Promise<void> {
  await tx.execute(sql`
    select graphile_worker.add_job(
      ${DISPATCH_CHANNELS_TASK}, '{}'::json,
      job_key => ${DISPATCH_CHANNELS_TASK}, job_key_mode => 'preserve_run_at', max_attempts => 25)`);
}
