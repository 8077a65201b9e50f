import { z } from "zod";
import { Id, Scalar, SendChannel } from "./schema/common.ts";

const base = {
  /** `<enrollment>:<node>:<visit>:<kind>` — unique per effect, stable across re-runs. */
  key: Id,
  nodeId: Id,
};

/**
 * Everything a step can ask the world to do. The engine writes effects to an outbox under a
 * unique key; delivery workers carry them out once.
 */
export const Effect = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("send-email"),
    templateId: Id,
    subject: z.string().optional(),
    /** Values for the template (promo codes issued so far). */
    vars: z.record(z.string(), z.string()),
  }),
  z.object({
    ...base,
    type: z.literal("send-message"),
    channel: SendChannel,
    templateId: Id.optional(),
    text: z.string().optional(),
    vars: z.record(z.string(), z.string()),
  }),
  z.object({
    ...base,
    type: z.literal("audience"),
    audienceId: Id,
    action: z.enum(["add", "remove"]),
  }),
  z.object({ ...base, type: z.literal("move-stage"), funnel: Id, stage: Id }),
  z.object({ ...base, type: z.literal("mark-lost"), funnel: Id, reason: z.string() }),
  z.object({
    ...base,
    type: z.literal("update-contact"),
    set: z.record(z.string(), Scalar),
    addTags: z.array(z.string()),
    removeTags: z.array(z.string()),
    addPoints: z.number(),
  }),
  z.object({
    ...base,
    type: z.literal("issue-promo-code"),
    discountPercent: z.number(),
    poolId: Id.optional(),
    /** ISO expiry, when the node sets a validity. */
    expiresAt: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal("webhook"),
    url: z.string(),
    method: z.enum(["POST", "PUT", "GET"]),
    body: z.string().optional(),
    awaitResponse: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal("notify-manager"),
    via: z.enum(["task", "email"]),
    assignee: Id.optional(),
    message: z.string(),
  }),
  /** The run sleeps until `wakeAt` (epoch ms); the engine's sweeper wakes it. */
  z.object({ ...base, type: z.literal("schedule-wake"), wakeAt: z.number() }),
  z.object({ ...base, type: z.literal("exit"), reason: z.string() }),
  z.object({ ...base, type: z.literal("converted"), goal: z.string() }),
]);
export type Effect = z.infer<typeof Effect>;

/** The `type` of an effect. */
export type EffectType = Effect["type"];

/** Builds an effect key; `kind` separates effects of one visit (a send and a hold-back wake). */
export function effectKey(enrollmentId: string, nodeId: string, visit: number, kind: string) {
  return `${enrollmentId}:${nodeId}:${visit}:${kind}`;
}
