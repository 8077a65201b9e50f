import { z } from "zod";
import { Channel, Duration, Id, Scalar } from "../schema/common.ts";

/**
 * The condition language: a declarative tree of AND/OR/NOT over rules about a contact. It is
 * data, not code, so the same tree can be evaluated here against a snapshot and later compiled
 * to SQL for segments.
 */

/** Comparison operators for attribute and event-property rules. */
export const CompareOp = z.enum([
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "not-contains",
  "starts-with",
  "in",
  "not-in",
  "exists",
  "not-exists",
]);
export type CompareOp = z.infer<typeof CompareOp>;

/** Operators that take no value. */
export const UNARY_OPS: ReadonlySet<CompareOp> = new Set(["exists", "not-exists"]);

/** Count comparison for "did event X at least N times in the last T". */
export const CountOp = z.enum(["gte", "lte", "eq"]);
export type CountOp = z.infer<typeof CountOp>;

/** Engagement actions, recorded as `<channel>.<action>` events (e.g. `email.opened`). */
export const EngagementAction = z.enum(["delivered", "opened", "clicked", "replied"]);
export type EngagementAction = z.infer<typeof EngagementAction>;

const RuleValue = z.union([Scalar, z.array(Scalar)]);

/** A contact attribute compared with a value (`plan eq "pro"`, `guests gte 50`). */
export const AttributeRule = z.object({
  kind: z.literal("attribute"),
  attribute: Id,
  op: CompareOp,
  value: RuleValue.optional(),
});
export type AttributeRule = z.infer<typeof AttributeRule>;

/** A property of the event in scope (trigger event, awaited event, goal event). */
export const PropertyRule = z.object({
  kind: z.literal("property"),
  property: Id,
  op: CompareOp,
  value: RuleValue.optional(),
});
export type PropertyRule = z.infer<typeof PropertyRule>;

/** How many times the contact did an event, optionally within a trailing window. */
export const EventRule = z.object({
  kind: z.literal("event"),
  event: Id,
  op: CountOp,
  count: z.number().int().nonnegative(),
  within: Duration.optional(),
});
export type EventRule = z.infer<typeof EventRule>;

/** Where the contact is in a funnel. */
export const StageRule = z.object({
  kind: z.literal("stage"),
  funnel: Id,
  op: z.enum(["in", "not-in", "lost"]),
  stages: z.array(Id).default([]),
});
export type StageRule = z.infer<typeof StageRule>;

/** Membership of a segment. */
export const SegmentRule = z.object({
  kind: z.literal("segment"),
  segment: Id,
  op: z.enum(["in", "not-in"]),
});
export type SegmentRule = z.infer<typeof SegmentRule>;

/** Did / did not open, click, reply… on a channel, optionally within a window. */
export const EngagementRule = z.object({
  kind: z.literal("engagement"),
  channel: Channel,
  action: EngagementAction,
  op: z.enum(["did", "did-not"]),
  within: Duration.optional(),
});
export type EngagementRule = z.infer<typeof EngagementRule>;

/** Has the contact consented to be messaged on a channel. */
export const ConsentRule = z.object({
  kind: z.literal("consent"),
  channel: Channel,
});
export type ConsentRule = z.infer<typeof ConsentRule>;

/** A leaf of the tree. */
export type Rule =
  | AttributeRule
  | PropertyRule
  | EventRule
  | StageRule
  | SegmentRule
  | EngagementRule
  | ConsentRule;

/**
 * A condition tree. Written out by hand because zod cannot infer recursive types; the schema
 * below is checked against it.
 */
export type Condition =
  | Rule
  | { kind: "all"; rules: Condition[] }
  | { kind: "any"; rules: Condition[] }
  | { kind: "not"; rule: Condition };

/** Schema of {@link Condition}. Groups need at least one rule so "empty AND" never means "true". */
export const Condition: z.ZodType<Condition, unknown> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    AttributeRule,
    PropertyRule,
    EventRule,
    StageRule,
    SegmentRule,
    EngagementRule,
    ConsentRule,
    z.object({ kind: z.literal("all"), rules: z.array(Condition).min(1) }),
    z.object({ kind: z.literal("any"), rules: z.array(Condition).min(1) }),
    z.object({ kind: z.literal("not"), rule: Condition }),
  ]),
);

/** An event with an optional filter on its properties (triggers, waits, goals, exits). */
export const EventMatch = z.object({
  event: Id,
  filter: Condition.optional(),
});
export type EventMatch = z.infer<typeof EventMatch>;
