import { z } from "zod";

const BaseUrl = z
  .url({ protocol: /^https?$/ })
  .nullable()
  .optional()
  .meta({
    description:
      "Overrides the provider's API address (a proxy, or a test fake); null for the default.",
  });
const Token = z.string().trim().min(1).max(1_000).nullable().optional();

/** A credential as the API shows it: whether it is set and its last four characters. */
const Secret = z
  .object({ set: z.boolean(), hint: z.string().nullable().meta({ example: "…x9Qa" }) })
  .meta({ id: "SecretHint" });

export const ChannelSettings = z
  .object({
    telegram: z.object({ configured: z.boolean(), token: Secret, baseUrl: z.string().nullable() }),
    whatsapp: z.object({
      configured: z.boolean(),
      phoneNumberId: z.string().nullable(),
      token: Secret,
      templateLanguage: z.string(),
      baseUrl: z.string().nullable(),
    }),
    viber: z.object({
      configured: z.boolean(),
      token: Secret,
      senderName: z.string().nullable(),
      baseUrl: z.string().nullable(),
    }),
    sms: z.object({
      configured: z.boolean(),
      accountSid: z.string().nullable(),
      authToken: Secret,
      from: z.string().nullable(),
      baseUrl: z.string().nullable(),
    }),
    webhooks: z.object({
      signingSecret: Secret,
      allowPrivateNetworks: z.boolean().meta({
        description: "Webhooks may call loopback/private/link-local addresses (off by default).",
      }),
    }),
  })
  .meta({ id: "ChannelSettings" });
export type ChannelSettings = z.infer<typeof ChannelSettings>;

export const UpdateChannelSettingsBody = z
  .object({
    telegramToken: Token.meta({ description: "Bot token from @BotFather; null removes it." }),
    telegramBaseUrl: BaseUrl,
    whatsappPhoneNumberId: z
      .string()
      .trim()
      .regex(/^\d{5,20}$/, "digits")
      .nullable()
      .optional(),
    whatsappToken: Token,
    whatsappTemplateLanguage: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "a language code such as en or pt_BR")
      .optional(),
    whatsappBaseUrl: BaseUrl.meta({
      description: "Including the Graph API version, e.g. https://graph.facebook.com/v21.0.",
    }),
    viberToken: Token,
    viberSenderName: z.string().trim().min(1).max(28).nullable().optional(),
    viberBaseUrl: BaseUrl,
    smsAccountSid: z.string().trim().min(1).max(100).nullable().optional(),
    smsAuthToken: Token,
    smsFrom: z
      .string()
      .trim()
      .regex(
        /^(\+\d{6,15}|[A-Za-z0-9 ]{1,11})$/,
        "a phone number in +<digits> form or an alphanumeric sender id",
      )
      .nullable()
      .optional(),
    smsBaseUrl: BaseUrl,
    allowPrivateNetworks: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "UpdateChannelSettingsBody" });
export type UpdateChannelSettingsBody = z.infer<typeof UpdateChannelSettingsBody>;

export const WebhookSecret = z
  .object({
    secret: z
      .string()
      .meta({ description: "Shown once: store it where your receiver can read it." }),
  })
  .meta({ id: "WebhookSecret" });
