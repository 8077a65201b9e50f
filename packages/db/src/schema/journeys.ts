import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./tenancy.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Lifecycle of a journey: only `live` journeys enroll and advance. */
export const JOURNEY_STATUSES = ["draft", "live", "paused", "stopped", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/**
 * A journey: its editable draft graph (saved as the editor sends it, possibly invalid) and the
 * number of its live version. Published graphs live in `journey_versions`.
 */
export const journeys = pgTable(
  "journeys",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    status: text("status", { enum: JOURNEY_STATUSES }).notNull().default("draft"),
    draft: jsonb("draft").$type<unknown>().notNull(),
    /** The version new enrollments get; null until first published. */
    currentVersion: integer("current_version"),
    /** Last resume: steps after it never run at an earlier logical time (no stale sends). */
    resumedAt: ts("resumed_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("journeys_status_idx").on(t.workspaceId, t.status),
    check(
      "journeys_status_check",
      sql`${t.status} in ('draft', 'live', 'paused', 'stopped', 'archived')`,
    ),
  ],
);

/**
 * An immutable published graph. `trigger_events` and `wake_events` are derived from the graph
 * at publish time so ingestion finds candidate journeys with one indexed query.
 */
export const journeyVersions = pgTable(
  "journey_versions",
  {
    workspaceId: uuid("workspace_id").notNull(),
    journeyId: uuid("journey_id").notNull(),
    version: integer("version").notNull(),
    graph: jsonb("graph").$type<unknown>().notNull(),
    /** Event names of the graph's event triggers. */
    triggerEvents: text("trigger_events").array().notNull().default(sql`'{}'::text[]`),
    /** Event names that can move a waiting enrollment (awaited, goal and exit events). */
    wakeEvents: text("wake_events").array().notNull().default(sql`'{}'::text[]`),
    /**
     * The graph's other triggers as keys (`lead`, `stage:<funnel>`, `attribute:<name>`, `date`,
     * `segment:<id>`, `manual`), so a stage move or attribute change finds its journeys by index.
     */
    triggerKeys: text("trigger_keys").array().notNull().default(sql`'{}'::text[]`),
    publishedAt: ts("published_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.journeyId, t.version] })],
);

/** Row status of an enrollment; mirrors the interpreter's `Enrollment.status`. */
export const ENROLLMENT_STATUSES = ["active", "waiting", "exited", "converted"] as const;

/**
 * One contact's run through one journey version. `state` is the interpreter's `Enrollment`
 * JSON; the other columns are copies of it kept for indexes (`wake_at` for the sweeper,
 * `contact_id` for routing events, `node` for counts).
 */
export const enrollments = pgTable(
  "enrollments",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    journeyId: uuid("journey_id").notNull(),
    version: integer("version").notNull(),
    contactId: uuid("contact_id").notNull(),
    status: text("status", { enum: ENROLLMENT_STATUSES }).notNull(),
    node: text("node"),
    state: jsonb("state").$type<unknown>().notNull(),
    /** When the engine must look at the row: the timer of a waiting run, or the start time. */
    wakeAt: ts("wake_at"),
    /** The `start` input of a run not yet started (cleared by its first step). */
    start: jsonb("start").$type<unknown>(),
    /** The event a wait-for-event node waits for (goal and exit events wake it too). */
    waitingEvent: text("waiting_event"),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // The sweeper: due starts and timers in time order; ended runs are not in the index.
    index("enrollments_wake_idx").on(t.wakeAt).where(sql`wake_at is not null`),
    // Routing events and re-entry checks: a contact's runs of a journey.
    index("enrollments_contact_idx").on(t.workspaceId, t.contactId, t.journeyId),
    index("enrollments_journey_idx").on(t.workspaceId, t.journeyId, t.version, t.status),
    check(
      "enrollments_status_check",
      sql`${t.status} in ('active', 'waiting', 'exited', 'converted')`,
    ),
  ],
);

/**
 * Inputs waiting to be applied to an enrollment (start, event, effect result), in arrival
 * order. Ingestion only inserts here, so it never waits on a row lock the engine holds.
 */
export const enrollmentInbox = pgTable(
  "enrollment_inbox",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    enrollmentId: uuid("enrollment_id").notNull(),
    /** A `StepInput` of packages/journey. */
    input: jsonb("input").$type<unknown>().notNull(),
    /** The logical time of the input (the event's time). */
    at: ts("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("enrollment_inbox_enrollment_idx").on(t.workspaceId, t.enrollmentId, t.id),
    // The engine drains the inbox in arrival order across workspaces.
    index("enrollment_inbox_order_idx").on(t.id),
  ],
);

/**
 * Outbox status: `pending` for a sender to carry out. `failed` also marks an internal effect
 * that could not be applied; the applied ones are recorded on their transition row.
 */
export const EFFECT_STATUSES = ["pending", "done", "failed", "skipped"] as const;

/** The effects outbox: one row per effect, unique by the interpreter's idempotency key. */
export const journeyEffects = pgTable(
  "journey_effects",
  {
    workspaceId: uuid("workspace_id").notNull(),
    key: text("key").notNull(),
    enrollmentId: uuid("enrollment_id").notNull(),
    journeyId: uuid("journey_id").notNull(),
    version: integer("version").notNull(),
    contactId: uuid("contact_id").notNull(),
    nodeId: text("node_id").notNull(),
    type: text("type").notNull(),
    /** `email`, `sms`, …, `audience`, `webhook`, `promo`, `notify`, or `internal`. */
    channel: text("channel").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    status: text("status", { enum: EFFECT_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Logical time of the step that produced it. */
    at: ts("at").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.key] }),
    index("journey_effects_pending_idx").on(t.channel, t.createdAt).where(sql`status = 'pending'`),
    // Read only by the frequency cap's send history, so other effects (stage moves, contact
    // updates, audience changes) skip it.
    index("journey_effects_contact_idx")
      .on(t.workspaceId, t.contactId, t.at)
      .where(sql`type in ('send-email', 'send-message')`),
    check(
      "journey_effects_status_check",
      sql`${t.status} in ('pending', 'done', 'failed', 'skipped')`,
    ),
  ],
);

/** Outcome of leaving a node; null while the enrollment is still there (waiting). */
export const TRANSITION_OUTCOMES = ["passed", "exited", "converted"] as const;

/**
 * The node history of every enrollment, one row per step: the nodes a step passed straight
 * through (`passed_nodes`, entered and left at `entered_at`, outcome `passed`), then the node it
 * stopped at (`node_id`), which it leaves at `left_at` with `outcome` — both null while the run
 * waits there. One row per node visit is the view `journey_node_visits` (migration 0014), the
 * source of per-node counts; a step through five nodes writes one row, not five.
 */
export const journeyTransitions = pgTable(
  "journey_transitions",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    journeyId: uuid("journey_id").notNull(),
    version: integer("version").notNull(),
    enrollmentId: uuid("enrollment_id").notNull(),
    nodeId: text("node_id").notNull(),
    passedNodes: text("passed_nodes").array().notNull().default(sql`'{}'::text[]`),
    enteredAt: ts("entered_at").notNull(),
    leftAt: ts("left_at"),
    outcome: text("outcome", { enum: TRANSITION_OUTCOMES }),
    /**
     * The step's internal effects (move stage, mark lost, update contact) as the interpreter
     * made them, or null: applied in the step's transaction, they have no outbox row.
     */
    effects: json("effects").$type<unknown>(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("journey_transitions_node_idx").on(t.workspaceId, t.journeyId, t.version, t.nodeId),
    uniqueIndex("journey_transitions_open_idx")
      .on(t.workspaceId, t.enrollmentId)
      .where(sql`left_at is null`),
  ],
);
