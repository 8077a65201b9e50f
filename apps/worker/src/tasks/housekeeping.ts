import type { Db } from "@voronka/db";
import { deleteExpiredSessions } from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";

/** Cron jobs carry `_cron` metadata; manual runs may pass nothing. */
export const HousekeepingPayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/** Periodic clean-up: removes expired sessions. Safe to run any number of times. */
export function housekeeping(db: Db): Task {
  return async (payload, helpers) => {
    HousekeepingPayload.parse(payload);
    const sessions = await deleteExpiredSessions(db);
    helpers.logger.info(`housekeeping: removed ${sessions} expired session(s)`);
  };
}
