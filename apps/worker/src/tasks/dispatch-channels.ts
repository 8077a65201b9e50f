import { type Db, DISPATCH_CHANNELS_TASK } from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { type ChannelDispatchOptions, dispatchChannelBatch } from "../channels/dispatch.ts";

export { DISPATCH_CHANNELS_TASK };

/** Queued with `{}` or run by cron (`_cron`); the work itself lives in `journey_effects`. */
export const DispatchChannelsPayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/** How long one job keeps taking batches before it hands over to a fresh job. */
const BUDGET_MS = 20_000;

/**
 * Drains pending messenger, SMS, webhook and notify effects batch by batch until none is due
 * or the time budget is spent; a full last batch queues a successor. The per-minute cron run
 * picks up retries that fell due and anything a lost job left behind.
 */
export function dispatchChannels(db: Db, options: Omit<ChannelDispatchOptions, "now"> = {}): Task {
  return async (payload, helpers) => {
    DispatchChannelsPayload.parse(payload);
    const started = Date.now();
    const limit = options.limit ?? 20;
    let sent = 0;
    for (;;) {
      const r = await dispatchChannelBatch(db, { ...options, limit });
      sent += r.sent;
      if (r.claimed < limit) break;
      if (Date.now() - started > BUDGET_MS) {
        await helpers.addJob(DISPATCH_CHANNELS_TASK, {}, { jobKey: DISPATCH_CHANNELS_TASK });
        break;
      }
    }
    if (sent > 0) helpers.logger.debug(`channels: ${sent} sent`);
  };
}
