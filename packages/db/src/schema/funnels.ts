import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A sales pipeline. `stall_days`: a contact longer than this in a stage is "stalled". */
export const funnels = pgTable(
  "funnels",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    stallDays: integer("stall_days").notNull().default(7),
    createdAt: ts("created_at").notNull().defaultNow(),
    archivedAt: ts("archived_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * Ordered stages of a funnel. `kind`: `open` stages in `position` order, then the outcomes
 * `won` and `lost` (one of each per funnel).
 */
export const funnelStages = pgTable(
  "funnel_stages",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    funnelId: uuid("funnel_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["open", "won", "lost"] })
      .notNull()
      .default("open"),
    position: integer("position").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("funnel_stages_funnel_idx").on(t.workspaceId, t.funnelId, t.position),
    uniqueIndex("funnel_stages_outcome_key")
      .on(t.workspaceId, t.funnelId, t.kind)
      .where(sql`kind <> 'open'`),
    check("funnel_stages_kind_check", sql`${t.kind} in ('open', 'won', 'lost')`),
  ],
);

/** The funnel's editable list of reasons a deal is lost. */
export const lostReasons = pgTable(
  "lost_reasons",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    funnelId: uuid("funnel_id").notNull(),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
    archived: boolean("archived").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Where a contact is now in each funnel: at most one stage per funnel. */
export const contactStages = pgTable(
  "contact_stages",
  {
    workspaceId: uuid("workspace_id").notNull(),
    funnelId: uuid("funnel_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    enteredAt: ts("entered_at").notNull().defaultNow(),
    lostReasonId: uuid("lost_reason_id"),
    lostNote: text("lost_note"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.funnelId, t.contactId] }),
    index("contact_stages_stage_idx").on(t.workspaceId, t.stageId, t.enteredAt),
    index("contact_stages_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/** Every move between stages, never updated: the funnel's history. */
export const stageMoves = pgTable(
  "stage_moves",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    funnelId: uuid("funnel_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    fromStageId: uuid("from_stage_id"),
    toStageId: uuid("to_stage_id").notNull(),
    cause: text("cause", { enum: ["journey", "api", "user", "rule", "lead", "import"] }).notNull(),
    /** Journey id, rule id, user id or lead id behind the move. */
    causeRef: text("cause_ref"),
    lostReasonId: uuid("lost_reason_id"),
    lostNote: text("lost_note"),
    movedAt: ts("moved_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("stage_moves_contact_idx").on(t.workspaceId, t.contactId, t.movedAt),
    index("stage_moves_funnel_idx").on(t.workspaceId, t.funnelId, t.movedAt),
    check(
      "stage_moves_cause_check",
      sql`${t.cause} in ('journey', 'api', 'user', 'rule', 'lead', 'import')`,
    ),
  ],
);

/** "Event X moves a contact to stage Y" (optionally only from certain earlier stages). */
export const stageRules = pgTable(
  "stage_rules",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    funnelId: uuid("funnel_id").notNull(),
    eventName: text("event_name").notNull(),
    toStageId: uuid("to_stage_id").notNull(),
    /** Only move forward: a contact already past the target stage stays where it is. */
    forwardOnly: boolean("forward_only").notNull().default(true),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("stage_rules_event_idx").on(t.workspaceId, t.eventName),
  ],
);
