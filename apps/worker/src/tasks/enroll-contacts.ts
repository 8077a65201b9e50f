import { BULK_ENROLL_TASK, type Db, failBulkEnrollment, runBulkEnrollment } from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";

export { BULK_ENROLL_TASK };

/** Queued by `createBulkEnrollment` in the transaction that records the job. */
export const EnrollContactsPayload = z.object({
  workspaceId: z.uuid(),
  bulkEnrollmentId: z.uuid(),
});

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs a bulk enrollment batch by batch (progress lives in its row). A retried job resumes
 * after the last committed batch; the last failed attempt marks the job failed.
 */
export function enrollContacts(db: Db, options: { batchSize?: number } = {}): Task {
  return async (raw, helpers) => {
    const { workspaceId, bulkEnrollmentId } = EnrollContactsPayload.parse(raw);
    try {
      const row = await runBulkEnrollment(db, workspaceId, bulkEnrollmentId, options);
      helpers.logger.debug(
        `bulk enrollment ${bulkEnrollmentId}: ${row?.status}, ${row?.enrolled} enrolled, ${row?.skipped} skipped`,
      );
    } catch (err) {
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await failBulkEnrollment(db, workspaceId, bulkEnrollmentId, message(err));
      }
      throw err;
    }
  };
}
