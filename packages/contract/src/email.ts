import { z } from "zod";

const Mjml = z.string().min(1).max(500_000);

/** A stable name for a template (journey files refer to templates by it). */
export const TemplateSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "Lower-case letters, digits and dashes.")
  .refine(
    (s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s),
    "A slug must not look like an id.",
  )
  .meta({ example: "welcome" });

export const EmailTemplateSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string().nullable(),
    topicId: z.uuid().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "EmailTemplateSummary" });
export type EmailTemplateSummary = z.infer<typeof EmailTemplateSummary>;

export const EmailTemplate = EmailTemplateSummary.extend({
  subject: z.string(),
  preheader: z.string(),
  mjml: z.string(),
  createdAt: z.iso.datetime(),
}).meta({ id: "EmailTemplate" });
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const CreateEmailTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    slug: TemplateSlug.optional(),
    topicId: z.uuid().nullable().optional(),
    subject: z.string().min(1).max(500).meta({ example: "Welcome, {{ contact.firstName }}!" }),
    preheader: z.string().max(500).default(""),
    mjml: Mjml,
  })
  .meta({ id: "CreateEmailTemplateBody" });
export type CreateEmailTemplateBody = z.infer<typeof CreateEmailTemplateBody>;

export const UpdateEmailTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    slug: TemplateSlug.nullable().optional(),
    topicId: z.uuid().nullable().optional(),
    subject: z.string().min(1).max(500).optional(),
    preheader: z.string().max(500).optional(),
    mjml: Mjml.optional(),
  })
  .meta({ id: "UpdateEmailTemplateBody" });
export type UpdateEmailTemplateBody = z.infer<typeof UpdateEmailTemplateBody>;

export const PreviewEmailBody = z
  .object({
    contactId: z.uuid(),
    vars: z.record(z.string(), z.string()).default({}),
  })
  .meta({ id: "PreviewEmailBody" });

export const RenderedEmail = z
  .object({ subject: z.string(), preheader: z.string(), html: z.string(), text: z.string() })
  .meta({ id: "RenderedEmail" });

export const TestSendBody = z
  .object({
    to: z.email(),
    contactId: z.uuid().optional(),
    vars: z.record(z.string(), z.string()).default({}),
  })
  .meta({ id: "TestSendBody" });

export const TestSendResult = z
  .object({ messageId: z.string(), via: z.enum(["smtp", "mailbox"]) })
  .meta({ id: "TestSendResult" });

export const DevMailboxMessage = z
  .object({
    id: z.number().int(),
    messageId: z.string(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "DevMailboxMessage" });

export const EmailSettings = z
  .object({
    fromName: z.string(),
    fromAddress: z.string(),
    smtpConfigured: z.boolean().meta({ description: "The workspace has its own SMTP server." }),
    dkim: z
      .object({
        domain: z.string(),
        selector: z.string(),
        dnsRecord: z.object({ name: z.string(), type: z.literal("TXT"), value: z.string() }),
      })
      .nullable(),
  })
  .meta({ id: "EmailSettings" });

export const UpdateEmailSettingsBody = z
  .object({
    fromName: z.string().trim().min(1).max(200).optional(),
    fromAddress: z.email().optional(),
    smtpUrl: z
      .url({ protocol: /^smtps?$/ })
      .nullable()
      .optional()
      .meta({
        description: "`smtp://user:pass@host:587`; null returns to SMTP_URL / dev mailbox.",
      }),
  })
  .meta({ id: "UpdateEmailSettingsBody" });

export const GenerateDkimBody = z
  .object({
    domain: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, "a domain name"),
    selector: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, "letters, digits and dashes")
      .default("voronka"),
  })
  .meta({ id: "GenerateDkimBody" });

/** A reusable MJML block (header, footer) that templates include with `<mj-include path="name" />`. */
export const EmailPartial = z
  .object({
    name: z.string(),
    version: z.number().int(),
    mjml: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "EmailPartial" });
export type EmailPartial = z.infer<typeof EmailPartial>;

export const PartialName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Lower-case letters, digits, dashes and underscores.")
  .meta({ example: "footer" });

export const SaveEmailPartialBody = z
  .object({
    mjml: Mjml.meta({
      example:
        '<mj-section><mj-column><mj-text font-size="12px"><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text></mj-column></mj-section>',
    }),
  })
  .meta({ id: "SaveEmailPartialBody" });

/** A subscription group: people can leave one topic and keep the others. */
export const EmailTopic = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "EmailTopic" });
export type EmailTopic = z.infer<typeof EmailTopic>;

export const CreateEmailTopicBody = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ example: "Offers and discounts" }),
    description: z.string().trim().max(300).default(""),
  })
  .meta({ id: "CreateEmailTopicBody" });

/** A ready-made template for a funnel stage, to start a template from. */
export const EmailStarter = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    subject: z.string(),
    preheader: z.string(),
    mjml: z.string(),
    /** `{{ vars.x }}` the journey is expected to pass. */
    vars: z.array(z.string()),
  })
  .meta({ id: "EmailStarter" });
export type EmailStarter = z.infer<typeof EmailStarter>;

export const CreateFromStarterBody = z
  .object({
    starter: z.string().meta({ example: "welcome" }),
    name: z.string().trim().min(1).max(200).optional(),
    slug: TemplateSlug.optional(),
    topicId: z.uuid().nullable().optional(),
  })
  .meta({ id: "CreateFromStarterBody" });
