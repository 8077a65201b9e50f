/**
 * Central types of the journey engine's pure core.
 *
 * Glossary
 * - **Journey graph** — nodes and edges in React Flow's shape; `data` is validated per node type.
 * - **Trigger** — a node where contacts enter (event, lead, stage, attribute, date, segment,
 *   manual). A run starts at exactly one trigger.
 * - **Handle** — a named output of a node (`out`, `yes`/`no`, `event`/`timeout`, a branch id).
 *   An edge leaves from a handle; an unconnected handle ends the run (implicit exit).
 * - **Enrollment** — one contact's run through one journey version; its state is the plain JSON
 *   object {@link Enrollment}, stored in a Postgres row.
 * - **Visit** — the n-th time an enrollment enters a node (loops revisit nodes). Effects are keyed
 *   by (enrollment, node, visit), so re-running a step yields the same keys.
 * - **Step** — one call of `step()`: an input (start, timer, event, effect result) moves the
 *   enrollment through consecutive nodes until it waits or ends.
 * - **Effect** — what a step asks the world to do (send, sync, move stage…), with an idempotency
 *   key the engine puts under a unique constraint.
 * - **Contact snapshot** — what the engine knows about the contact at step time, passed in so
 *   that `step()` stays pure.
 */
import { z } from "zod";
import { Channel, Id } from "./schema/common.ts";

/** A JSON value, for attributes, event properties and effect results. */
export const Json = z.json();
export type Json = z.infer<typeof Json>;

/** An event as the interpreter sees it. */
export const JourneyEvent = z.object({
  name: Id,
  properties: z.record(z.string(), Json).default({}),
});
export type JourneyEvent = z.infer<typeof JourneyEvent>;

/** A contact's position in one funnel. */
export const StageMembership = z.object({ stage: Id, lost: z.boolean().default(false) });
export type StageMembership = z.infer<typeof StageMembership>;

/**
 * What the engine loads about a contact before calling `step()`. Everything a condition or
 * policy can look at is here, so evaluation needs no I/O.
 */
export const ContactSnapshot = z.object({
  id: Id,
  /** IANA zone (e.g. `Europe/Berlin`); unknown zones fall back to UTC. */
  timeZone: z.string().default("UTC"),
  attributes: z.record(z.string(), Json).default({}),
  tags: z.array(z.string()).default([]),
  /** Explicit consent per channel; a channel without `true` is never messaged. */
  consent: z.partialRecord(Channel, z.boolean()).default({}),
  /** Funnel id → current stage. */
  stages: z.record(z.string(), StageMembership).default({}),
  segments: z.array(z.string()).default([]),
  /**
   * Event counts keyed by {@link eventCountKey}; `eventCountQueries(graph)` lists the keys a
   * graph needs. A missing key counts as zero.
   */
  eventCounts: z.record(z.string(), z.number()).default({}),
  /** ISO times of emails/messages recently sent to the contact (for frequency caps). */
  recentSends: z.array(z.string()).default([]),
});
export type ContactSnapshot = z.infer<typeof ContactSnapshot>;

/** Key of an event count: event name and trailing window in seconds (`ever` for all time). */
export function eventCountKey(event: string, withinSeconds: number | null): string {
  return `${event}@${withinSeconds ?? "ever"}`;
}

/** Lifecycle of an enrollment. `active` only exists inside a step. */
export const EnrollmentStatus = z.enum(["active", "waiting", "exited", "converted"]);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

/** What a waiting enrollment waits for, besides its `wakeAt`. */
export const WaitingFor = z.discriminatedUnion("type", [
  /** An event by name (the engine indexes waiting enrollments by it). */
  z.object({ type: z.literal("event"), event: Id }),
  /** The result of an effect (promo code, webhook reply). */
  z.object({ type: z.literal("effect"), key: Id }),
  /** Time only: a wait node, or a send held back by quiet hours or a frequency cap. */
  z.object({ type: z.literal("time") }),
]);
export type WaitingFor = z.infer<typeof WaitingFor>;

/** Data collected during the run, available to messages and conditions. */
export const EnrollmentContext = z.object({
  /** The event that moved the run most recently (the trigger event at first). */
  event: JourneyEvent.nullable().default(null),
  /** Promo codes issued, by `saveAs` name. */
  promoCodes: z.record(z.string(), z.string()).default({}),
  /** Webhook replies, by `saveAs` name. */
  results: z.record(z.string(), Json).default({}),
});
export type EnrollmentContext = z.infer<typeof EnrollmentContext>;

/**
 * The persisted state of one run. Plain JSON: store it as is, parse it with this schema when
 * read back.
 */
export const Enrollment = z.object({
  id: Id,
  contactId: Id,
  status: EnrollmentStatus,
  /** Node the run is at (null before start). */
  node: Id.nullable(),
  /**
   * Node id → times entered, for nodes on a loop only. Any other node is entered at most once
   * per run (its visit is 1), so it is not recorded: copying a full map was a step's largest
   * cost. (When migrating runs to a new version, keep this map.)
   */
  visits: z.record(z.string(), z.number().int()),
  /**
   * When the run wants a timer input (epoch ms, UTC); null when it waits for no time. Numbers,
   * not ISO strings: formatting dates was a tenth of a step's cost.
   */
  wakeAt: z.number().nullable(),
  waitingFor: WaitingFor.nullable(),
  /** Split node id → branch id (or `holdout`); sticky for the whole run. */
  branches: z.record(z.string(), z.string()),
  context: EnrollmentContext,
  /** Epoch ms. */
  startedAt: z.number(),
  /** Epoch ms. */
  endedAt: z.number().nullable(),
  /** Why the run ended: an exit node's reason, `end-of-path`, `holdout`, `step-limit`… */
  exitReason: z.string().nullable(),
});
export type Enrollment = z.infer<typeof Enrollment>;

/** A fresh enrollment, ready for a `start` input. */
export function newEnrollment(id: string, contactId: string, now: number): Enrollment {
  return {
    id,
    contactId,
    status: "active",
    node: null,
    visits: {},
    wakeAt: null,
    waitingFor: null,
    branches: {},
    context: { event: null, promoCodes: {}, results: {} },
    startedAt: now,
    endedAt: null,
    exitReason: null,
  };
}

/** What can move an enrollment. */
export const StepInput = z.discriminatedUnion("type", [
  /** Enter at a trigger, with the event that fired it. */
  z.object({ type: z.literal("start"), trigger: Id, event: JourneyEvent.optional() }),
  /** `wakeAt` has come (early timers are ignored). */
  z.object({ type: z.literal("timer") }),
  z.object({ type: z.literal("event"), event: JourneyEvent }),
  /** The outcome of an effect the run waits for. */
  z.object({
    type: z.literal("effect-result"),
    key: Id,
    ok: z.boolean(),
    value: Json.optional(),
  }),
]);
export type StepInput = z.infer<typeof StepInput>;
