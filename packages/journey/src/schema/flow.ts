import { z } from "zod";
import { Condition, EventMatch } from "../condition/schema.ts";
import { ClockTime, Duration, Id, Offset, Weekday } from "./common.ts";
import { nodeSchema } from "./node-base.ts";

/** Wait a fixed time. Days and weeks are calendar days in the contact's time zone. */
export const WaitForDuration = z.object({ mode: z.literal("duration"), duration: Duration });
export type WaitForDuration = z.infer<typeof WaitForDuration>;

/**
 * Wait until a date attribute (e.g. the banquet date) shifted by an offset, at a local time.
 * A missing or past date lets the contact through at once.
 */
export const WaitUntilDate = z.object({
  mode: z.literal("until-date"),
  attribute: Id,
  offset: Offset.default({ amount: 0, unit: "days" }),
  /** Local time of day; without it a date-time attribute keeps its own time. */
  at: ClockTime.optional(),
});
export type WaitUntilDate = z.infer<typeof WaitUntilDate>;

/** Wait until the next allowed weekday-and-hours window in the contact's time zone. */
export const WaitForWindow = z.object({
  mode: z.literal("window"),
  days: z.array(Weekday).min(1),
  from: ClockTime,
  to: ClockTime,
});
export type WaitForWindow = z.infer<typeof WaitForWindow>;

/** The three ways to wait. */
export const WaitData = z.discriminatedUnion("mode", [
  WaitForDuration,
  WaitUntilDate,
  WaitForWindow,
]);
export type WaitData = z.infer<typeof WaitData>;

/** Pause the contact. */
export const WaitNode = nodeSchema("wait", WaitData);
export type WaitNode = z.infer<typeof WaitNode>;

/** Wait for an event; leave by `event` when it arrives or by `timeout` when time runs out. */
export const WaitForEventNode = nodeSchema(
  "wait-for-event",
  EventMatch.extend({ timeout: Duration }),
);
export type WaitForEventNode = z.infer<typeof WaitForEventNode>;

/** If/else: `yes` when the condition holds now, otherwise `no`. */
export const ConditionNode = nodeSchema("condition", z.object({ condition: Condition }));
export type ConditionNode = z.infer<typeof ConditionNode>;

/** One arm of an A/B split; its id is also its output handle. */
export const SplitBranch = z.object({
  id: Id,
  name: z.string().min(1),
  weight: z.number().nonnegative(),
});
export type SplitBranch = z.infer<typeof SplitBranch>;

/**
 * Deterministic weighted split. Weights (branches plus holdout) sum to 100. The holdout group
 * leaves by the `holdout` handle, or exits if nothing is connected there.
 */
export const SplitNode = nodeSchema(
  "split",
  z.object({
    branches: z.array(SplitBranch).min(1),
    holdout: z.object({ weight: z.number().nonnegative() }).optional(),
  }),
);
export type SplitNode = z.infer<typeof SplitNode>;

/**
 * A conversion goal. Whenever the event arrives or the condition becomes true — wherever the
 * contact is in the journey — the enrollment ends as converted. Reached in the flow, it converts
 * when its condition holds or the event that moved the run (e.g. through a wait-for-event) is
 * its event; otherwise the contact continues by `out`.
 */
export const GoalNode = nodeSchema(
  "goal",
  z.object({
    name: z.string().min(1),
    event: EventMatch.optional(),
    condition: Condition.optional(),
  }),
);
export type GoalNode = z.infer<typeof GoalNode>;

/** End the journey here. */
export const ExitNode = nodeSchema("exit", z.object({ reason: z.string().optional() }).default({}));
export type ExitNode = z.infer<typeof ExitNode>;
