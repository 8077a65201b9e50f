import { ADVANCE_TASK, advanceBatch, type Db, scheduleTimer } from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";

export { ADVANCE_TASK };

/** Queued by ingestion and by the engine itself with `{}`; cron runs carry `_cron`. */
export const AdvancePayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/** How long one job keeps taking batches before it hands over to a fresh job. */
const BUDGET_MS = 5_000;

/**
 * Advances due enrollments — new starts, arrived events and effect results, and timers that
 * have come — batch after batch until none is due or the time budget is spent. A full last
 * batch queues a successor job (inside its own transaction), so no work is left behind. Then
 * it points the one timer job at the next wake-up time (see `scheduleTimer`), so a wait ends
 * within a poll interval of its due time; the per-minute cron run remains as a safety net.
 */
export function advanceEnrollments(db: Db, options: { batchSize?: number } = {}): Task {
  return async (payload, helpers) => {
    AdvancePayload.parse(payload);
    const started = Date.now();
    let steps = 0;
    let effects = 0;
    for (;;) {
      const r = await advanceBatch(db, { now: Date.now(), ...options });
      steps += r.steps;
      effects += r.effects;
      if (!r.full || Date.now() - started > BUDGET_MS) break;
    }
    await scheduleTimer(db);
    if (steps > 0) helpers.logger.debug(`advance: ${steps} step(s), ${effects} effect(s)`);
  };
}
