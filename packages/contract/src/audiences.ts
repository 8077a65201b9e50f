import { z } from "zod";

export const AdPlatformName = z.enum(["meta", "google", "vk", "yandex"]).meta({
  id: "AdPlatform",
  description:
    "meta = Meta Custom Audiences, google = Google Ads Customer Match, vk = VK Ads users lists, yandex = Yandex Audience segments.",
});
export type AdPlatformName = z.infer<typeof AdPlatformName>;

/** Sync status of an audience's copy on one platform. */
export const AudienceDestination = z
  .object({
    platform: AdPlatformName,
    externalId: z
      .string()
      .meta({ description: "The audience / user list / segment id on the platform." }),
    status: z.enum(["idle", "running", "ok", "failed"]),
    lastSyncAt: z.iso.datetime().nullable(),
    lastAdded: z.number().int(),
    lastRemoved: z.number().int(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    lastError: z.string().nullable(),
    /** False when the workspace has no account on this platform: nothing is sent. */
    accountConfigured: z.boolean(),
  })
  .meta({ id: "AudienceDestination" });
export type AudienceDestination = z.infer<typeof AudienceDestination>;

export const Audience = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(["manual", "stage", "journey"]),
    funnelId: z.uuid().nullable(),
    stageId: z.uuid().nullable(),
    members: z.number().int(),
    createdAt: z.iso.datetime(),
    destinations: z.array(AudienceDestination),
  })
  .meta({ id: "Audience" });
export type Audience = z.infer<typeof Audience>;

export const CreateAudienceBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(["manual", "journey"]).default("manual"),
  })
  .meta({ id: "CreateAudienceBody" });

export const UpdateAudienceBody = z
  .object({ name: z.string().trim().min(1).max(200) })
  .meta({ id: "UpdateAudienceBody" });

export const AudienceMember = z
  .object({
    contactId: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    addedAt: z.iso.datetime(),
  })
  .meta({ id: "AudienceMember" });
export type AudienceMember = z.infer<typeof AudienceMember>;

export const AudienceChange = z
  .object({
    id: z.number().int(),
    contactId: z.uuid(),
    action: z.enum(["add", "remove"]),
    cause: z.enum(["stage", "journey", "user", "api"]),
    causeRef: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: "AudienceChange" });
export type AudienceChange = z.infer<typeof AudienceChange>;

export const ChangeMembersBody = z
  .object({
    add: z.array(z.uuid()).max(10_000).default([]),
    remove: z.array(z.uuid()).max(10_000).default([]),
  })
  .meta({ id: "ChangeMembersBody" });

export const StageAudienceSettingBody = z
  .object({ perStage: z.boolean() })
  .meta({ id: "StageAudienceSettingBody" });

export const StageAudienceSetting = z
  .object({
    perStage: z.boolean(),
    stages: z.array(z.object({ stageId: z.uuid(), audienceId: z.uuid().nullable() })),
  })
  .meta({ id: "StageAudienceSetting" });
export type StageAudienceSetting = z.infer<typeof StageAudienceSetting>;

export const AdAccount = z
  .object({
    platform: AdPlatformName,
    baseUrl: z.string(),
    accountId: z.string().nullable(),
    /** Which credential fields are saved (their values are never returned). */
    credentialFields: z.array(z.string()),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AdAccount" });
export type AdAccount = z.infer<typeof AdAccount>;

export const SaveAdAccountBody = z
  .object({
    baseUrl: z.url().optional().meta({ description: "Defaults to the platform's public API." }),
    accountId: z
      .string()
      .max(100)
      .nullable()
      .optional()
      .meta({ description: "Google Ads customer id (required for Google)." }),
    credentials: z.record(z.string(), z.string().max(4096)).default({}).meta({
      description:
        "meta: accessToken; google: developerToken, accessToken, loginCustomerId?; vk: accessToken, listType? (email|phone); yandex: oauthToken. Omitted fields keep their saved values.",
    }),
  })
  .meta({ id: "SaveAdAccountBody" });

export const SaveDestinationBody = z
  .object({ externalId: z.string().trim().min(1).max(200) })
  .meta({ id: "SaveDestinationBody" });
