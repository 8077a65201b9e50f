import { type Db, DISPATCH_EMAIL_TASK } from "@voronka/db";
import { type EmailConfig, emailConfig } from "@voronka/email";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { dispatchEmailBatch } from "../email/dispatch.ts";

export { DISPATCH_EMAIL_TASK };

/** Queued with `{}` or run by cron (`_cron`); the work itself lives in `journey_effects`. */
export const DispatchEmailPayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/** How long one job keeps taking batches before it hands over to a fresh job. */
const BUDGET_MS = 20_000;

/**
 * Drains pending email effects batch by batch until none is due or the time budget is spent;
 * a full last batch queues a successor. The per-minute cron run picks up new effects and
 * retries that fell due.
 */
export function dispatchEmail(
  db: Db,
  options: { batchSize?: number; config?: EmailConfig } = {},
): Task {
  let config = options.config;
  return async (payload, helpers) => {
    DispatchEmailPayload.parse(payload);
    config ??= emailConfig();
    const started = Date.now();
    let sent = 0;
    for (;;) {
      const limit = options.batchSize ?? 50;
      const r = await dispatchEmailBatch(db, { config, limit });
      sent += r.sent;
      if (r.claimed < limit) break;
      if (Date.now() - started > BUDGET_MS) {
        await helpers.addJob(DISPATCH_EMAIL_TASK, {}, { jobKey: DISPATCH_EMAIL_TASK });
        break;
      }
    }
    if (sent > 0) helpers.logger.debug(`email: ${sent} sent`);
  };
}
