import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Marketing spend per channel and calendar month, entered by hand or imported from CSV.
 * `channel` is a lead channel (`web_form`, `telegram`…) or a UTM source (`google`, `vk`…): the
 * channel report matches it against both. `month` is the first day of the month.
 */
export const marketingSpend = pgTable(
  "marketing_spend",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channel, t.month] })],
);

/**
 * RFM scores per contact, a rollup of purchase events recomputed by `refreshRfm` (quintiles
 * need the whole population, so they are computed in one set-based pass, not per request).
 */
export const rfmScores = pgTable(
  "rfm_scores",
  {
    workspaceId: uuid("workspace_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    recency: smallint("recency").notNull(),
    frequency: smallint("frequency").notNull(),
    monetary: smallint("monetary").notNull(),
    lastPurchaseAt: ts("last_purchase_at").notNull(),
    orders: integer("orders").notNull(),
    revenue: numeric("revenue", { precision: 14, scale: 2 }).notNull(),
    computedAt: ts("computed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId] }),
    index("rfm_scores_grid_idx").on(t.workspaceId, t.recency, t.frequency),
  ],
);

/**
 * One row per stage move (`stage_moves`), with what the funnel report would otherwise compute
 * per request:
 * - `segment_at`: the time of the contact's latest entry into the funnel (a move from no stage)
 *   at or before this move — a move is in a report's cohort when this is in the range;
 * - `secs`: the time until the contact's next move (by time, then id), i.e. the time spent in
 *   `to_stage_id`; moves to a deleted stage have none and are skipped, as the report joins stages;
 * - on entries only, `prev_entry_at` (the contact's previous entry) and `reached` (the sorted,
 *   distinct stages of every move at or after this entry): the first entry in a range and what
 *   the contact reached from there, without grouping the cohort's moves per contact.
 * Kept current by triggers on `stage_moves` (insert, update, delete) and `funnel_stages` (delete)
 * that recompute the rows of every (funnel, contact) a statement touches, in one statement; see
 * migrations/0010_analytics_rollups.sql and docs/analytics.md.
 */
export const funnelMoveFacts = pgTable(
  "funnel_move_facts",
  {
    workspaceId: uuid("workspace_id").notNull(),
    moveId: bigint("move_id", { mode: "number" }).notNull(),
    funnelId: uuid("funnel_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    fromStageId: uuid("from_stage_id"),
    toStageId: uuid("to_stage_id").notNull(),
    lostReasonId: uuid("lost_reason_id"),
    movedAt: ts("moved_at").notNull(),
    segmentAt: ts("segment_at"),
    secs: doublePrecision("secs"),
    prevEntryAt: ts("prev_entry_at"),
    reached: uuid("reached").array(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.moveId] }),
    // move_id last: a probe for a contact's facts in move order can only be served by this
    // index, so the trigger's probe never walks the cohort index's whole funnel (a tie between
    // the two on a table without statistics).
    index("funnel_move_facts_contact_idx").on(t.workspaceId, t.funnelId, t.contactId, t.moveId),
    // Covering: the cohort's moves are read by an index-only scan of one range.
    index("funnel_move_facts_cohort_idx").on(
      t.workspaceId,
      t.funnelId,
      t.segmentAt,
      t.contactId,
      t.toStageId,
      t.fromStageId,
      t.lostReasonId,
      t.secs,
    ),
    index("funnel_move_facts_entry_idx")
      .on(t.workspaceId, t.funnelId, t.movedAt, t.prevEntryAt, t.contactId, t.reached)
      .where(sql`from_stage_id is null`),
  ],
);

/**
 * One row per purchase event (`events` named as in `PURCHASE_EVENTS`) with its revenue by the
 * SQL function `purchase_revenue` (the first decimal of `revenue`, `total`, `value`,
 * `amount`): narrow and in time order, so the channel report and the RFM refresh read purchases
 * without fetching each one from the wide, time-scattered events heap. Kept current by row
 * triggers on `events` that fire only for purchase names.
 */
export const purchaseFacts = pgTable(
  "purchase_facts",
  {
    workspaceId: uuid("workspace_id").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    contactId: uuid("contact_id").notNull(),
    timestamp: ts("timestamp").notNull(),
    revenue: numeric("revenue").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.eventId] }),
    // Covering: a range's purchases are read by an index-only scan.
    index("purchase_facts_time_idx").on(t.workspaceId, t.timestamp, t.contactId, t.revenue),
  ],
);
