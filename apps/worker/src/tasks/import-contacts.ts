import {
  applyImportBatch,
  type Db,
  finishImport,
  getImport,
  IMPORT_TASK,
  importFile,
  planImport,
  REPORT_LIMIT,
  readCsv,
  startImport,
} from "@voronka/db";
import type { Task } from "graphile-worker";
import { z } from "zod";

export { IMPORT_TASK };

/** Enqueued by `createImport` in the transaction that stores the file. */
export const ImportContactsPayload = z.object({
  workspaceId: z.uuid(),
  importId: z.uuid(),
  funnelId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  delimiter: z.enum([",", ";", "\t"]).optional(),
});

/** The mapping as stored by the API (a JSON column: checked again on the way out). */
const StoredMapping = z.record(z.string(), z.string());

/** Data rows per transaction: big enough to amortise round trips, small enough to show progress. */
export const IMPORT_BATCH_ROWS = 5000;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs a CSV import: reads the stored file, plans it (validation, in-file dedupe), then writes
 * it batch by batch, each batch committing its progress with its rows. A retried job skips
 * the batches an earlier attempt committed; the last failed attempt marks the import failed.
 */
export function importContacts(db: Db): Task {
  return async (raw, helpers) => {
    const payload = ImportContactsPayload.parse(raw);
    const { workspaceId, importId } = payload;
    const row = await getImport(db, workspaceId, importId);
    if (!row || row.status === "done" || row.status === "failed") return;
    const content = await importFile(db, workspaceId, importId);
    if (content === undefined) {
      await finishImport(db, workspaceId, importId, {
        status: "failed",
        error: "The file is gone.",
      });
      return;
    }
    let table: ReturnType<typeof readCsv>;
    try {
      table = readCsv(content, payload.delimiter);
    } catch (err) {
      // A broken file stays broken: fail now instead of retrying.
      const error = `The CSV file cannot be read: ${message(err)}`;
      await finishImport(db, workspaceId, importId, { status: "failed", error });
      return;
    }
    const batches = planImport(
      table.header,
      table.rows,
      StoredMapping.parse(row.mapping),
      IMPORT_BATCH_ROWS,
    );
    await startImport(db, workspaceId, importId, table.rows.length);
    const stage =
      payload.funnelId && payload.stageId
        ? { funnelId: payload.funnelId, stageId: payload.stageId }
        : undefined;
    let room = REPORT_LIMIT - row.report.length;
    try {
      for (const batch of batches) {
        if (batch.toRow <= row.processedRows) continue;
        await db.transaction((tx) =>
          applyImportBatch(tx, { workspaceId, importId, stage }, batch, room),
        );
        room -= batch.rejects.length;
        helpers.logger.debug(`import ${importId}: ${batch.toRow}/${table.rows.length} rows`);
      }
    } catch (err) {
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await finishImport(db, workspaceId, importId, { status: "failed", error: message(err) });
      }
      throw err;
    }
    await finishImport(db, workspaceId, importId, { status: "done" });
  };
}
