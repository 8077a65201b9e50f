import { z } from "zod";
import { Duration, Id, Scalar, SendChannel } from "./common.ts";
import { nodeSchema } from "./node-base.ts";

/** Send an email template. Subject overrides the template's own. */
export const SendEmailNode = nodeSchema(
  "send-email",
  z.object({ templateId: Id, subject: z.string().optional() }),
);
export type SendEmailNode = z.infer<typeof SendEmailNode>;

/** Send an SMS or messenger message from a template or plain text. */
export const SendMessageNode = nodeSchema(
  "send-message",
  z.object({
    channel: SendChannel,
    templateId: Id.optional(),
    text: z.string().min(1).optional(),
  }),
);
export type SendMessageNode = z.infer<typeof SendMessageNode>;

/** Add the contact to, or remove it from, an ad-platform audience. */
export const AudienceNode = nodeSchema(
  "audience",
  z.object({ audienceId: Id, action: z.enum(["add", "remove"]) }),
);
export type AudienceNode = z.infer<typeof AudienceNode>;

/** Move the contact to a funnel stage. */
export const MoveStageNode = nodeSchema("move-stage", z.object({ funnel: Id, stage: Id }));
export type MoveStageNode = z.infer<typeof MoveStageNode>;

/** Mark the contact lost in a funnel, with the reason sales will see in reports. */
export const MarkLostNode = nodeSchema(
  "mark-lost",
  z.object({ funnel: Id, reason: z.string().min(1) }),
);
export type MarkLostNode = z.infer<typeof MarkLostNode>;

/** Set attributes, add/remove tags, add points. At least one change is required. */
export const UpdateContactNode = nodeSchema(
  "update-contact",
  z.object({
    set: z.record(z.string(), Scalar).default({}),
    addTags: z.array(Id).default([]),
    removeTags: z.array(Id).default([]),
    addPoints: z.number().default(0),
  }),
);
export type UpdateContactNode = z.infer<typeof UpdateContactNode>;

/**
 * Issue a promo code. The engine creates it (from a pool or generated) and reports it back as
 * an effect result; the code is then available to later messages as `saveAs`.
 */
export const PromoCodeNode = nodeSchema(
  "promo-code",
  z.object({
    discountPercent: z.number().positive().max(100),
    poolId: Id.optional(),
    validFor: Duration.optional(),
    saveAs: Id.default("promoCode"),
  }),
);
export type PromoCodeNode = z.infer<typeof PromoCodeNode>;

/** Call a URL (signed by the engine). With `awaitResponse` the journey waits for the reply. */
export const WebhookNode = nodeSchema(
  "webhook",
  z.object({
    url: z.url(),
    method: z.enum(["POST", "PUT", "GET"]).default("POST"),
    body: z.string().optional(),
    awaitResponse: z.boolean().default(false),
    saveAs: Id.optional(),
  }),
);
export type WebhookNode = z.infer<typeof WebhookNode>;

/** Create a task or send an email to the sales team. */
export const NotifyManagerNode = nodeSchema(
  "notify-manager",
  z.object({
    via: z.enum(["task", "email"]).default("task"),
    /** A manager id; empty means the contact's owner. */
    assignee: Id.optional(),
    message: z.string().min(1),
  }),
);
export type NotifyManagerNode = z.infer<typeof NotifyManagerNode>;
