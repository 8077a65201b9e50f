import {
  date,
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
