import { z } from "zod";
import { EventMatch } from "../condition/schema.ts";
import { ClockTime, Duration, Id } from "./common.ts";
import { JourneyNode } from "./nodes.ts";

/** The journey's graph format version; bump with a migration when the shape changes. */
export const SCHEMA_VERSION = 1;

/**
 * An edge from a node's output handle to another node. React Flow writes `null` for a node's
 * only handle, so a missing handle means `out`.
 */
export const JourneyEdge = z.object({
  id: Id,
  source: Id,
  sourceHandle: z
    .string()
    .min(1)
    .nullish()
    .transform((h) => h ?? "out"),
  target: Id,
});
export type JourneyEdge = z.infer<typeof JourneyEdge>;

/** When a contact who was (or is) in the journey may enter it again. */
export const ReentryPolicy = z.object({
  /** `once`: never again; `after-exit`: when the previous run ended; `always`: concurrent runs. */
  mode: z.enum(["once", "after-exit", "always"]).default("after-exit"),
  /** Minimum time between two entries. */
  cooldown: Duration.optional(),
});
export type ReentryPolicy = z.infer<typeof ReentryPolicy>;

/** Journey-wide rules a marketer sets once, applied by the interpreter at every node. */
export const JourneySettings = z.object({
  reentry: ReentryPolicy.prefault({}),
  /** Events that end the run wherever the contact is (e.g. `unsubscribed`). */
  exitOn: z.array(EventMatch).default([]),
  /** No emails or messages in this local-time range; sends are held until it ends. */
  quietHours: z.object({ from: ClockTime, to: ClockTime }).optional(),
  /** At most `max` emails/messages per contact per `per`, counted across journeys. */
  frequencyCap: z.object({ max: z.number().int().positive(), per: Duration }).optional(),
});
export type JourneySettings = z.infer<typeof JourneySettings>;

/** A journey graph exactly as the editor saves it (React Flow's shape plus settings). */
export const JourneyGraph = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  nodes: z.array(JourneyNode),
  edges: z.array(JourneyEdge),
  settings: JourneySettings.prefault({}),
});
export type JourneyGraph = z.infer<typeof JourneyGraph>;

/** What the editor may send: defaults not yet filled in. */
export type JourneyGraphInput = z.input<typeof JourneyGraph>;
