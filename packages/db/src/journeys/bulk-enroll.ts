import { AppError } from "@voronka/core";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { type ContactListFilters, contactFilterSql } from "../contacts/list.ts";
import type { Tx } from "../contacts/resolve.ts";
import { enqueueAdvance } from "../engine/enqueue.ts";
import { enrollContacts } from "../engine/enroll.ts";
import { journeyBulkEnrollments } from "../schema/journey-enrollment.ts";
import { pgArray } from "../sql-array.ts";
import { manualTarget } from "./enroll-manual.ts";

export type BulkEnrollmentRow = typeof journeyBulkEnrollments.$inferSelect;

/** The graphile-worker task that runs a bulk enrollment (apps/worker). */
export const BULK_ENROLL_TASK = "enroll-contacts";

/** Which contacts a bulk enrollment takes (validated by the API). */
export interface EnrollmentFilter extends ContactListFilters {
  attribute?: { name: string; equals?: string | number | boolean | undefined } | undefined;
  contactIds?: string[] | undefined;
}

/** Profile columns that conditions read as attributes (the rest are traits). */
const COLUMNS: Record<string, string> = {
  email: "email",
  phone: "phone",
  firstName: "first_name",
  lastName: "last_name",
  name: "name",
  city: "city",
  country: "country",
  birthday: "birthday",
};

function attributeSql(a: NonNullable<EnrollmentFilter["attribute"]>): SQL {
  const column = COLUMNS[a.name];
  if (column) {
    // A fixed column name from the map above, never user input.
    const ident = sql.raw(`c.${column}`);
    return a.equals === undefined
      ? sql`${ident} is not null`
      : sql`${ident}::text = ${String(a.equals)}`;
  }
  return a.equals === undefined
    ? sql`jsonb_exists(c.traits, ${a.name})`
    : sql`c.traits -> ${a.name} = ${JSON.stringify(a.equals)}::jsonb`;
}

/** The WHERE clause over `contacts c` for a filter: the contacts-list filters plus these. */
export function enrollmentFilterSql(workspaceId: string, f: EnrollmentFilter): SQL {
  const parts = [contactFilterSql(workspaceId, f)];
  if (f.attribute) parts.push(attributeSql(f.attribute));
  if (f.contactIds) parts.push(sql`c.id = any(${pgArray(f.contactIds)}::uuid[])`);
  return sql.join(parts, sql` and `);
}

/**
 * Records a bulk enrollment and queues the job that runs it, in one transaction. Refuses (409)
 * a journey that is not live or has no "Manual enrollment" trigger, before anything is written.
 */
export async function createBulkEnrollment(
  db: Db,
  workspaceId: string,
  journeyId: string,
  filter: EnrollmentFilter,
): Promise<BulkEnrollmentRow> {
  return db.transaction(async (tx) => {
    await manualTarget(tx, workspaceId, journeyId);
    const [row] = await tx
      .insert(journeyBulkEnrollments)
      .values({ workspaceId, journeyId, filter })
      .returning();
    if (!row) throw new AppError("internal", "The bulk enrollment was not created.");
    await tx.execute(sql`
      select graphile_worker.add_job(${BULK_ENROLL_TASK},
        ${JSON.stringify({ workspaceId, bulkEnrollmentId: row.id })}::json,
        job_key => ${`${BULK_ENROLL_TASK}:${row.id}`}, max_attempts => 5)`);
    return row;
  });
}

export async function getBulkEnrollment(
  db: Db | Tx,
  workspaceId: string,
  id: string,
): Promise<BulkEnrollmentRow | undefined> {
  const [row] = await db
    .select()
    .from(journeyBulkEnrollments)
    .where(
      and(eq(journeyBulkEnrollments.workspaceId, workspaceId), eq(journeyBulkEnrollments.id, id)),
    );
  return row;
}

/** A journey's bulk enrollments, newest first. */
export async function listBulkEnrollments(
  db: Db,
  workspaceId: string,
  journeyId: string,
  limit = 50,
): Promise<BulkEnrollmentRow[]> {
  return db
    .select()
    .from(journeyBulkEnrollments)
    .where(
      and(
        eq(journeyBulkEnrollments.workspaceId, workspaceId),
        eq(journeyBulkEnrollments.journeyId, journeyId),
      ),
    )
    .orderBy(desc(journeyBulkEnrollments.createdAt), desc(journeyBulkEnrollments.id))
    .limit(limit);
}

/** Marks a bulk enrollment failed with a message for the marketer. */
export async function failBulkEnrollment(
  db: Db | Tx,
  workspaceId: string,
  id: string,
  error: string,
): Promise<void> {
  await db
    .update(journeyBulkEnrollments)
    .set({ status: "failed", error, updatedAt: new Date(), finishedAt: new Date() })
    .where(
      and(eq(journeyBulkEnrollments.workspaceId, workspaceId), eq(journeyBulkEnrollments.id, id)),
    );
}

/**
 * Runs a bulk enrollment: counts the matching contacts, then walks them in id order, one
 * transaction per batch — select a batch of ids, enroll them set-based (re-entry checked for
 * the whole batch at once), add the counts and the walk position to the row, queue the engine.
 * Each batch commits its progress with its enrollments, so a crashed or retried job resumes
 * after the last committed batch and never enrolls anyone twice. A journey that stops being
 * live (or loses its manual trigger) fails the job with the reason.
 */
export async function runBulkEnrollment(
  db: Db,
  workspaceId: string,
  id: string,
  options: { batchSize?: number; now?: () => number } = {},
): Promise<BulkEnrollmentRow | undefined> {
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? Date.now;
  const row = await getBulkEnrollment(db, workspaceId, id);
  if (!row || row.status === "done" || row.status === "failed") return row;
  const filter = row.filter as EnrollmentFilter; // written by createBulkEnrollment from the validated body
  const where = enrollmentFilterSql(workspaceId, filter);
  if (row.total === null) {
    const count = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from contacts c where ${where}`,
    );
    await db
      .update(journeyBulkEnrollments)
      .set({ status: "running", total: count.rows[0]?.n ?? 0, updatedAt: new Date() })
      .where(
        and(eq(journeyBulkEnrollments.workspaceId, workspaceId), eq(journeyBulkEnrollments.id, id)),
      );
  }
  for (;;) {
    const finished = await db.transaction(async (tx) => {
      const locked = await tx.execute<{ status: string; after: string | null }>(sql`
        select status, after from journey_bulk_enrollments
        where workspace_id = ${workspaceId} and id = ${id} for update`);
      const current = locked.rows[0];
      if (current?.status !== "running") return true;
      let target: Awaited<ReturnType<typeof manualTarget>>;
      try {
        target = await manualTarget(tx, row.workspaceId, row.journeyId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        await failBulkEnrollment(tx, workspaceId, id, err.message);
        return true;
      }
      const after = current.after === null ? sql`` : sql` and c.id > ${current.after}::uuid`;
      const batch = await tx.execute<{ id: string }>(sql`
        select c.id from contacts c where ${where}${after} order by c.id limit ${batchSize}`);
      const ids = batch.rows.map((r) => r.id);
      const at = now();
      const enrolled = await enrollContacts(
        tx,
        workspaceId,
        ids.map((contactId) => ({
          journeyId: row.journeyId,
          version: target.version.version,
          reentry: target.version.graph.settings.reentry,
          contactId,
          trigger: target.triggerId,
          at,
        })),
      );
      if (enrolled > 0) await enqueueAdvance(tx);
      const last = ids.length < batchSize;
      await tx.execute(sql`
        update journey_bulk_enrollments set
          enrolled = enrolled + ${enrolled}, skipped = skipped + ${ids.length - enrolled},
          after = coalesce(${ids.at(-1) ?? null}::uuid, after), updated_at = now(),
          status = case when ${last} then 'done' else status end,
          finished_at = case when ${last} then now() else finished_at end
        where workspace_id = ${workspaceId} and id = ${id}`);
      return last;
    });
    if (finished) return getBulkEnrollment(db, workspaceId, id);
  }
}
