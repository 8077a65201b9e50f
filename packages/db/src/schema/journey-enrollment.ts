import { sql } from "drizzle-orm";
import {
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Lifecycle of a bulk enrollment job. */
export const BULK_ENROLLMENT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type BulkEnrollmentStatus = (typeof BULK_ENROLLMENT_STATUSES)[number];

/**
 * A manual enrollment of a filtered set of contacts into a journey, run as a background job.
 * Progress is committed with each batch (`after` is the keyset position), so a retried job
 * resumes where the last committed batch ended.
 */
export const journeyBulkEnrollments = pgTable(
  "journey_bulk_enrollments",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    journeyId: uuid("journey_id").notNull(),
    /** The contact filter as the API validated it. */
    filter: jsonb("filter").$type<unknown>().notNull(),
    status: text("status", { enum: BULK_ENROLLMENT_STATUSES }).notNull().default("queued"),
    /** Contacts matching the filter when the job started. */
    total: integer("total"),
    enrolled: integer("enrolled").notNull().default(0),
    /** Matching contacts the journey's re-entry rule kept out. */
    skipped: integer("skipped").notNull().default(0),
    /** Last contact id handled (contacts are walked in id order). */
    after: uuid("after"),
    error: text("error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    check(
      "journey_bulk_enrollments_status_check",
      sql`${t.status} in ('queued', 'running', 'done', 'failed')`,
    ),
  ],
);

/**
 * How far the date-trigger scheduler has looked ahead for one date trigger of one version:
 * firings up to `scanned_until` have been enrolled, later ones not yet.
 */
export const journeyDateMarks = pgTable(
  "journey_date_marks",
  {
    workspaceId: uuid("workspace_id").notNull(),
    journeyId: uuid("journey_id").notNull(),
    version: integer("version").notNull(),
    nodeId: text("node_id").notNull(),
    scannedUntil: ts("scanned_until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.journeyId, t.version, t.nodeId] })],
);
