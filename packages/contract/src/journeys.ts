import { z } from "zod";
import { ContactFilters } from "./contacts.ts";

export const JourneyStatus = z
  .enum(["draft", "live", "paused", "stopped", "archived"])
  .meta({ id: "JourneyStatus" });
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** One problem in a draft graph, as `validate()` of packages/journey reports it. */
export const GraphViolation = z
  .object({
    code: z.string().meta({ example: "unreachable-node" }),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    path: z.string().optional(),
  })
  .meta({ id: "GraphViolation" });
export type GraphViolation = z.infer<typeof GraphViolation>;

/** A journey graph as the editor saves it; checked by the validator, not by this schema. */
export const DraftGraph = z.record(z.string(), z.unknown()).meta({
  id: "DraftGraph",
  description: "`{ schemaVersion, nodes, edges, settings }` (see docs/journey-graph.md).",
});

export const JourneySummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: JourneyStatus,
    currentVersion: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "JourneySummary" });
export type JourneySummary = z.infer<typeof JourneySummary>;

export const JourneyVersionSummary = z
  .object({ version: z.number().int(), publishedAt: z.iso.datetime() })
  .meta({ id: "JourneyVersionSummary" });

export const Journey = JourneySummary.extend({
  draft: DraftGraph,
  /** What stops the draft from being published; empty when it can be. */
  violations: z.array(GraphViolation),
  versions: z.array(JourneyVersionSummary),
}).meta({ id: "Journey" });
export type Journey = z.infer<typeof Journey>;

const Name = z.string().trim().min(1).max(200);

export const CreateJourneyBody = z
  .object({ name: Name.meta({ example: "Abandoned cart" }), draft: DraftGraph.optional() })
  .meta({ id: "CreateJourneyBody" });

export const UpdateJourneyBody = z
  .object({ name: Name.optional(), draft: DraftGraph.optional() })
  .meta({ id: "UpdateJourneyBody" });

export const NodeCount = z
  .object({
    nodeId: z.string(),
    entered: z.number().int(),
    waiting: z.number().int(),
    passed: z.number().int(),
    converted: z.number().int(),
    exited: z.number().int(),
  })
  .meta({ id: "NodeCount" });

/** One arm of an A/B split node: contacts assigned to it, and how many of them converted. */
export const BranchCount = z
  .object({
    nodeId: z.string().meta({ description: "The split node." }),
    branch: z.string().meta({ description: "The branch id (`holdout` for the holdout group)." }),
    name: z.string().meta({ example: "Variant B" }),
    entered: z.number().int(),
    converted: z.number().int(),
  })
  .meta({ id: "BranchCount" });

export const JourneyVersionCounts = z
  .object({
    journeyId: z.uuid(),
    version: z.number().int(),
    nodes: z.array(NodeCount),
    branches: z.array(BranchCount).meta({ description: "Per arm of every A/B split node." }),
  })
  .meta({ id: "JourneyVersionCounts" });

// ── Test run: the draft simulated for one contact, nothing sent ─────────────────────────────

/**
 * Any JSON value. Not `z.json()`: that schema is recursive and the OpenAPI generator
 * recurses into it without end ("Maximum call stack size exceeded" on /api/openapi.json).
 * The body is parsed JSON already, so every value here is JSON.
 */
const JsonValue = z
  .unknown()
  .meta({ description: "Any JSON value." }) as unknown as z.ZodType<z.core.util.JSONType>;

const TestRunUnit = z.enum(["minutes", "hours", "days", "weeks"]);

/** One entry of a test run's timeline: the contact does something, or time passes. */
export const TestRunTimelineEntry = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("event"),
      name: z.string().trim().min(1).max(200).meta({ example: "order_completed" }),
      properties: z.record(z.string(), JsonValue).optional(),
    }),
    z.object({
      type: z.literal("wait"),
      amount: z.number().int().min(0).max(10_000),
      unit: TestRunUnit,
    }),
  ])
  .meta({ id: "TestRunTimelineEntry" });
export type TestRunTimelineEntry = z.infer<typeof TestRunTimelineEntry>;

/** Who walks the test run: an existing contact of the workspace, or one described here. */
export const TestRunContact = z
  .object({
    contactId: z
      .uuid()
      .optional()
      .meta({ description: "An existing contact; wins over the rest." }),
    attributes: z.record(z.string(), JsonValue).optional(),
    tags: z.array(z.string().max(100)).max(100).optional(),
    timeZone: z.string().max(100).optional(),
    /** Channels the described contact agreed to be messaged on. */
    consent: z.array(z.enum(["email", "sms", "telegram", "whatsapp", "viber"])).optional(),
  })
  .meta({ id: "TestRunContact" });
export type TestRunContact = z.infer<typeof TestRunContact>;

export const TestRunBody = z
  .object({
    contact: TestRunContact,
    /** The trigger step the contact enters at (default: the draft's first trigger). */
    trigger: z.string().max(200).optional(),
    /** Properties of the event that starts the run (for an event trigger), e.g. `{ cartValue: 150 }`. */
    triggerProperties: z.record(z.string(), JsonValue).optional(),
    startAt: z.iso.datetime().optional().meta({ description: "Default: now." }),
    timeline: z.array(TestRunTimelineEntry).max(100).default([]),
    /** After the timeline, let time run on this many days with no further events. */
    runOnDays: z.number().int().min(0).max(366).default(0),
  })
  .meta({ id: "TestRunBody" });
export type TestRunBody = z.input<typeof TestRunBody>;

export const TestRunEffect = z
  .object({
    type: z.string().meta({ example: "send-email" }),
    nodeId: z.string(),
    at: z.iso.datetime(),
    /** The effect's own fields (template, stage, tags…), as the engine would carry them out. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "TestRunEffect" });
export type TestRunEffect = z.infer<typeof TestRunEffect>;

export const TestRunResult = z
  .object({
    startedAt: z.iso.datetime(),
    /** Where the simulated clock stopped. */
    endedAt: z.iso.datetime(),
    path: z.array(z.object({ nodeId: z.string(), at: z.iso.datetime() })),
    effects: z.array(TestRunEffect),
    outcome: z.object({
      status: z.enum(["waiting", "exited", "converted", "active"]),
      nodeId: z.string().nullable(),
      /** When a waiting contact would move on by itself. */
      wakeAt: z.iso.datetime().nullable(),
      /** The event a waiting contact waits for. */
      waitingForEvent: z.string().nullable(),
      exitReason: z.string().nullable(),
    }),
    /** The contact as the run would leave it. */
    contact: z.object({
      attributes: z.record(z.string(), z.unknown()),
      tags: z.array(z.string()),
      stages: z.record(z.string(), z.object({ stage: z.string(), lost: z.boolean() })),
    }),
  })
  .meta({ id: "TestRunResult" });
export type TestRunResult = z.infer<typeof TestRunResult>;

/** One published version with its graph, as it was published (read-only). */
export const JourneyVersion = JourneyVersionSummary.extend({ graph: DraftGraph }).meta({
  id: "JourneyVersion",
});
export type JourneyVersion = z.infer<typeof JourneyVersion>;

/** Enrolls one contact by hand (the journey needs a "Manual enrollment" trigger). */
export const ManualEnrollBody = z.object({ contactId: z.uuid() }).meta({ id: "ManualEnrollBody" });

export const ManualEnrollResult = z
  .object({
    contactId: z.uuid(),
    enrolled: z.boolean(),
    reason: z
      .enum(["already-entered", "still-active", "cooldown"])
      .nullable()
      .meta({ description: "Why the journey's re-entry rule kept the contact out." }),
  })
  .meta({ id: "ManualEnrollResult" });
export type ManualEnrollResult = z.infer<typeof ManualEnrollResult>;

/** Which contacts a bulk enrollment takes: the contacts-list filters, an attribute, or ids. */
export const EnrollmentFilter = ContactFilters.extend({
  attribute: z
    .object({
      name: z.string().trim().min(1).max(100).meta({ example: "plan" }),
      equals: z
        .union([z.string().max(500), z.number(), z.boolean()])
        .optional()
        .meta({
          description: "Omit to take every contact that has the attribute.",
          example: "pro",
        }),
    })
    .optional(),
  contactIds: z.array(z.uuid()).min(1).max(10_000).optional(),
}).meta({ id: "EnrollmentFilter" });
export type EnrollmentFilter = z.infer<typeof EnrollmentFilter>;

export const BulkEnrollBody = z.object({ filter: EnrollmentFilter }).meta({ id: "BulkEnrollBody" });

export const BulkEnrollment = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    status: z.enum(["queued", "running", "done", "failed"]),
    filter: EnrollmentFilter,
    total: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Matching contacts; null until the job starts." }),
    enrolled: z.number().int(),
    skipped: z.number().int().meta({ description: "Kept out by the journey's re-entry rule." }),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "BulkEnrollment" });
export type BulkEnrollment = z.infer<typeof BulkEnrollment>;

/** Moves waiting contacts of older versions onto the current one. */
export const MigrateVersionsResult = z
  .object({
    version: z.number().int(),
    moved: z.number().int().meta({ description: "Waiting contacts now on the current version." }),
    stayed: z.number().int().meta({
      description: "Waiting contacts left where they are: their node is gone or changed kind.",
    }),
  })
  .meta({ id: "MigrateVersionsResult" });
