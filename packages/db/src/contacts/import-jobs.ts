import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { contactImportFiles, contactImports } from "../schema/leads.ts";
import type { CsvDelimiter } from "./import-csv.ts";

export type ContactImportRow = typeof contactImports.$inferSelect;

/** The graphile-worker task that runs an import. */
export const IMPORT_TASK = "import-contacts";

/** What the job carries: ids and options only; the file and the progress live in rows. */
export interface ImportJobPayload {
  workspaceId: string;
  importId: string;
  funnelId?: string | undefined;
  stageId?: string | undefined;
  delimiter?: CsvDelimiter | undefined;
}

/**
 * Stores a CSV import — its row, its file — and enqueues the job that runs it, all in one
 * transaction: either the import exists and will run, or nothing was written.
 */
export async function createImport(
  db: Db,
  workspaceId: string,
  input: {
    fileName: string;
    mapping: Record<string, string>;
    content: string;
    stage?: { funnelId: string; stageId: string } | undefined;
    delimiter?: CsvDelimiter | undefined;
  },
): Promise<ContactImportRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactImports)
      .values({ workspaceId, fileName: input.fileName, mapping: input.mapping })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await tx
      .insert(contactImportFiles)
      .values({ workspaceId, importId: row.id, content: input.content });
    const payload: ImportJobPayload = {
      workspaceId,
      importId: row.id,
      funnelId: input.stage?.funnelId,
      stageId: input.stage?.stageId,
      delimiter: input.delimiter,
    };
    await tx.execute(sql`
      select graphile_worker.add_job(${IMPORT_TASK}, ${JSON.stringify(payload)}::json,
        job_key := ${`import:${row.id}`}, max_attempts := 5)`);
    return row;
  });
}

export async function getImport(
  db: Db,
  workspaceId: string,
  importId: string,
): Promise<ContactImportRow | undefined> {
  const [row] = await db
    .select()
    .from(contactImports)
    .where(and(eq(contactImports.workspaceId, workspaceId), eq(contactImports.id, importId)));
  return row;
}

/** The workspace's most recent imports, newest first. */
export async function listImports(
  db: Db,
  workspaceId: string,
  limit = 50,
): Promise<ContactImportRow[]> {
  return db
    .select()
    .from(contactImports)
    .where(eq(contactImports.workspaceId, workspaceId))
    .orderBy(desc(contactImports.createdAt), desc(contactImports.id))
    .limit(limit);
}

/** The stored CSV of an import; undefined once the import has finished and dropped it. */
export async function importFile(
  db: Db,
  workspaceId: string,
  importId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ content: contactImportFiles.content })
    .from(contactImportFiles)
    .where(
      and(
        eq(contactImportFiles.workspaceId, workspaceId),
        eq(contactImportFiles.importId, importId),
      ),
    );
  return row?.content;
}

/** Marks an import running with its row count (kept if already running: a retry resumes). */
export async function startImport(
  db: Db,
  workspaceId: string,
  importId: string,
  totalRows: number,
): Promise<void> {
  await db
    .update(contactImports)
    .set({ status: "running", totalRows })
    .where(and(eq(contactImports.workspaceId, workspaceId), eq(contactImports.id, importId)));
}

/** Ends an import: `done`, or `failed` with the reason. The stored file is dropped either way. */
export async function finishImport(
  db: Db,
  workspaceId: string,
  importId: string,
  outcome: { status: "done" } | { status: "failed"; error: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(contactImports)
      .set({
        status: outcome.status,
        error: outcome.status === "failed" ? outcome.error : null,
        finishedAt: sql`now()`,
      })
      .where(and(eq(contactImports.workspaceId, workspaceId), eq(contactImports.id, importId)));
    await tx
      .delete(contactImportFiles)
      .where(
        and(
          eq(contactImportFiles.workspaceId, workspaceId),
          eq(contactImportFiles.importId, importId),
        ),
      );
  });
}
