/**
 * @voronka/journey — the journey graph's schema, validator and pure interpreter. No I/O; the
 * engine, API and editor all build on this package. Start with the glossary in `types.ts`.
 */
export { assertNever } from "./assert-never.ts";
export {
  type EvalScope,
  type EventCountQuery,
  evaluate,
  readPath,
  scopeOf,
} from "./condition/evaluate.ts";
export * from "./condition/schema.ts";
export * from "./effects.ts";
export { eventCountQueries, eventsOfInterest, readsStages } from "./graph-queries.ts";
export * from "./harness.ts";
export { hash32, pickWeighted } from "./hash.ts";
export { compile } from "./interpret/compile.ts";
export { EFFECT_RESULT_TIMEOUT_MS } from "./interpret/execute.ts";
export { MAX_NODES_PER_STEP } from "./interpret/run.ts";
export { type StepResult, step } from "./interpret/step.ts";
export { type FrequencyCap, frequencyCapDecision } from "./policies/frequency-cap.ts";
export {
  eventMatches,
  exitRuleHit,
  goalReachedByCondition,
  goalReachedByEvent,
} from "./policies/goal.ts";
export { type QuietHours, quietHoursDecision, type SendDecision } from "./policies/quiet-hours.ts";
export { type EntryDecision, type EntryHistory, reentryDecision } from "./policies/reentry.ts";
export { nextDateTriggerAt, type TriggerSignal, triggerMatches } from "./policies/trigger.ts";
export * from "./schema/actions.ts";
export * from "./schema/catalogue.ts";
export * from "./schema/common.ts";
export * from "./schema/flow.ts";
export * from "./schema/graph.ts";
export * from "./schema/handles.ts";
export { Position } from "./schema/node-base.ts";
export * from "./schema/nodes.ts";
export * from "./schema/triggers.ts";
export { addDuration, nextWindowStart, parseDateAttribute } from "./time/arithmetic.ts";
export { addLocalDays, fromLocal, isValidTimeZone, toLocal, zoneOffset } from "./time/zoned.ts";
export * from "./types.ts";
export { validate } from "./validate/validate.ts";
export { VIOLATION_CODES, type Violation, type ViolationCode } from "./validate/violations.ts";
