import { z } from "zod";

/** Every way a lead can arrive; the same list as the database's `LEAD_CHANNELS`. */
export const LeadChannel = z
  .enum(["web_form", "telegram", "whatsapp", "viber", "call_tracking", "chat", "api"])
  .meta({ id: "LeadChannel" });
export type LeadChannel = z.infer<typeof LeadChannel>;

/** The web-form fields a source can show, in order. */
export const FormField = z.enum(["name", "email", "phone", "message"]);
export type FormField = z.infer<typeof FormField>;

const FieldLabel = z.string().trim().min(1).max(60);

/**
 * Per-channel settings of a lead source. Keys for other channels are accepted and ignored.
 * Parsed whenever settings cross a boundary (request bodies, the JSON column).
 */
export const LeadSourceSettings = z
  .object({
    /** web_form: fields to show, in order. */
    fields: z.array(FormField).min(1).max(4).optional(),
    /** web_form: the label of each field on the site (English by default). */
    labels: z
      .object({ name: FieldLabel, email: FieldLabel, phone: FieldLabel, message: FieldLabel })
      .partial()
      .optional(),
    /** web_form: heading above the form. */
    title: z.string().max(200).optional(),
    /** web_form: label of the submit button. */
    buttonText: z.string().max(60).optional(),
    /** web_form: shown after a successful submission. */
    thankYouText: z.string().max(1000).optional(),
    /** web_form: where a plain HTML form post is redirected after success. */
    redirectUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    /** telegram: the bot's username, for deep links `t.me/<bot>?start=…`. */
    botUsername: z
      .string()
      .regex(/^[A-Za-z0-9_]{3,64}$/)
      .optional(),
    /** whatsapp: the verify token of the webhook handshake (generated when absent). */
    verifyToken: z.string().min(8).max(200).optional(),
  })
  .meta({ id: "LeadSourceSettings" });
export type LeadSourceSettings = z.infer<typeof LeadSourceSettings>;

const Name = z.string().trim().min(1).max(120);
const Secret = z
  .string()
  .min(8)
  .max(256)
  .regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces");

export const CreateLeadSourceBody = z
  .object({
    channel: LeadChannel,
    name: Name.meta({ example: "Website contact form" }),
    funnelId: z.uuid().nullable().default(null),
    stageId: z.uuid().nullable().default(null),
    secret: Secret.optional().meta({
      description:
        "WhatsApp: the Meta app secret; Viber: the bot's auth token (both required). " +
        "Telegram and call tracking: generated when absent.",
    }),
    settings: LeadSourceSettings.default({}),
  })
  .meta({ id: "CreateLeadSourceBody" });
export type CreateLeadSourceBody = z.input<typeof CreateLeadSourceBody>;

export const UpdateLeadSourceBody = z
  .object({
    name: Name.optional(),
    funnelId: z.uuid().nullable().optional(),
    stageId: z.uuid().nullable().optional(),
    secret: Secret.optional().meta({ description: "Replace the secret (WhatsApp, Viber)." }),
    rotateSecret: z
      .boolean()
      .optional()
      .meta({ description: "Generate a new secret (Telegram, call tracking); returned once." }),
    settings: LeadSourceSettings.optional(),
  })
  .meta({ id: "UpdateLeadSourceBody" });
export type UpdateLeadSourceBody = z.infer<typeof UpdateLeadSourceBody>;

export const LeadSource = z
  .object({
    id: z.uuid(),
    publicId: z.string(),
    channel: LeadChannel,
    name: z.string(),
    funnelId: z.uuid().nullable(),
    stageId: z.uuid().nullable(),
    settings: LeadSourceSettings,
    hasSecret: z.boolean(),
    createdAt: z.iso.datetime(),
    endpoint: z
      .object({ method: z.enum(["GET", "POST"]), path: z.string(), url: z.string() })
      .nullable()
      .meta({ description: "Where the provider (or the form) posts leads; null for api/chat." }),
    embed: z
      .object({ scriptUrl: z.string(), snippet: z.string(), htmlFormSnippet: z.string() })
      .nullable()
      .meta({ description: "web_form: the HTML to paste into a site (script, or plain form)." }),
    recentLeads: z
      .object({
        days: z.number().int(),
        count: z.number().int(),
        lastLeadAt: z.iso.datetime().nullable(),
      })
      .optional()
      .meta({
        description:
          "List and get only: leads this source brought in the last `days` days, and the latest.",
      }),
  })
  .meta({ id: "LeadSource" });
export type LeadSource = z.infer<typeof LeadSource>;

export const LeadSourceWithSecret = LeadSource.extend({
  secret: z.string().nullable().meta({
    description: "Shown on create and rotation only: Telegram secret_token, call-tracking key.",
  }),
}).meta({ id: "LeadSourceWithSecret" });
export type LeadSourceWithSecret = z.infer<typeof LeadSourceWithSecret>;

export const LeadSourceList = z.object({ data: z.array(LeadSource) });
export type LeadSourceList = z.infer<typeof LeadSourceList>;

/** What a test lead became: the contact it made or found, as the source's webhook stored it. */
export const TestLeadResult = z
  .object({
    leadId: z.uuid(),
    contactId: z.uuid(),
    contactName: z.string().nullable(),
    placement: z
      .object({ funnelId: z.uuid(), stageId: z.uuid() })
      .nullable()
      .meta({ description: "The funnel stage the contact was put in; null when none." }),
    webhookStatus: z
      .number()
      .int()
      .meta({ description: "The HTTP status the source's own webhook answered the sample with." }),
  })
  .meta({ id: "TestLeadResult" });
export type TestLeadResult = z.infer<typeof TestLeadResult>;
