import { DATE_TRIGGERS_TASK, type Db, enrollDateTriggers, scheduleTimer } from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";

export { DATE_TRIGGERS_TASK };

/** Cron runs carry `_cron`; nothing else is expected. */
export const DateTriggersPayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/**
 * Enrolls contacts whose date triggers (birthdays, N days before/after a date attribute) fire
 * in the next few minutes, each starting at its exact firing time, then points the timer job at
 * the earliest of them so they start on time.
 */
export function dateTriggers(db: Db): Task {
  return async (payload, helpers) => {
    DateTriggersPayload.parse(payload);
    const n = await enrollDateTriggers(db);
    if (n > 0) {
      await scheduleTimer(db);
      helpers.logger.debug(`date triggers: ${n} enrollment(s)`);
    }
  };
}
