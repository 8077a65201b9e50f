import { z } from "zod";
import { Condition } from "../condition/schema.ts";
import { ClockTime, Id, LeadChannel, Offset } from "./common.ts";
import { nodeSchema } from "./node-base.ts";

/** A contact performed an event, optionally filtered on its properties. */
export const TriggerEventNode = nodeSchema(
  "trigger-event",
  z.object({ event: Id, filter: Condition.optional() }),
);
export type TriggerEventNode = z.infer<typeof TriggerEventNode>;

/** A lead was captured on one of the listed channels (empty list: any channel). */
export const TriggerLeadNode = nodeSchema(
  "trigger-lead",
  z.object({ channels: z.array(LeadChannel).default([]) }),
);
export type TriggerLeadNode = z.infer<typeof TriggerLeadNode>;

/** The contact entered a funnel stage, or was marked lost in a funnel. */
export const TriggerStageNode = nodeSchema(
  "trigger-stage",
  z.object({
    funnel: Id,
    on: z.enum(["entered", "lost"]),
    /** Required for `entered`; ignored for `lost`. */
    stage: Id.optional(),
  }),
);
export type TriggerStageNode = z.infer<typeof TriggerStageNode>;

/** A contact attribute changed, optionally only when the new state matches a condition. */
export const TriggerAttributeNode = nodeSchema(
  "trigger-attribute",
  z.object({ attribute: Id, filter: Condition.optional() }),
);
export type TriggerAttributeNode = z.infer<typeof TriggerAttributeNode>;

/**
 * A date attribute comes round (birthday, event date), shifted by an offset and fired at a
 * local time. `yearly` repeats on the anniversary (birthdays); otherwise it fires once.
 */
export const TriggerDateNode = nodeSchema(
  "trigger-date",
  z.object({
    attribute: Id,
    offset: Offset.default({ amount: 0, unit: "days" }),
    at: ClockTime.default("09:00"),
    yearly: z.boolean().default(false),
  }),
);
export type TriggerDateNode = z.infer<typeof TriggerDateNode>;

/** The contact entered a segment. */
export const TriggerSegmentNode = nodeSchema("trigger-segment", z.object({ segment: Id }));
export type TriggerSegmentNode = z.infer<typeof TriggerSegmentNode>;

/** Enrolled by hand in the UI or through the API. */
export const TriggerManualNode = nodeSchema("trigger-manual", z.object({}).default({}));
export type TriggerManualNode = z.infer<typeof TriggerManualNode>;
