import { type Db, dueDestinations, enqueueAudienceSync, SYNC_AUDIENCE_TASK } from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { type SyncOptions, syncAudience } from "../audiences/sync.ts";

export { SYNC_AUDIENCE_TASK };
/** The periodic sweep that queues a sync for every audience with unsent changes. */
export const SYNC_AUDIENCES_DUE_TASK = "sync_audiences_due";

export const SyncAudiencePayload = z.object({
  workspaceId: z.uuid(),
  audienceId: z.uuid(),
});

/**
 * Syncs one audience to its platforms. A failed platform fails the job (graphile-worker
 * retries it with back-off) after its error is recorded in the destination's status.
 */
export function syncAudienceTask(db: Db, options: SyncOptions = {}): Task {
  return async (payload, helpers) => {
    const { workspaceId, audienceId } = SyncAudiencePayload.parse(payload);
    const results = await syncAudience(db, workspaceId, audienceId, options);
    for (const r of results) {
      helpers.logger.info(
        `audience ${audienceId} → ${r.platform}: ${r.status} (+${r.added} −${r.removed})${r.error ? `: ${r.error}` : ""}`,
      );
    }
    const failed = results.filter((r) => r.status === "failed");
    if (failed.length > 0) {
      throw new Error(failed.map((r) => `${r.platform}: ${r.error}`).join("; "));
    }
  };
}

export const SyncDuePayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .nullish();

/** Queues a sync job for each audience with changes its platforms have not been sent. */
export function syncAudiencesDue(db: Db): Task {
  return async (payload) => {
    SyncDuePayload.parse(payload);
    for (const d of await dueDestinations(db)) {
      await enqueueAudienceSync(db, d.workspaceId, d.audienceId);
    }
  };
}
