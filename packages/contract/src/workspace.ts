import { z } from "zod";
import { Role } from "./auth.ts";

export const Workspace = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Workspace" });
export type Workspace = z.infer<typeof Workspace>;

/**
 * Two kinds of API key: a *write* key is public (it sits in web pages and apps) and may only
 * send events to `/v1/*`; a *secret* key manages the workspace through `/api/*`.
 */
export const ApiKeyKind = z.enum(["write", "secret"]);
export type ApiKeyKind = z.infer<typeof ApiKeyKind>;

export const ApiKey = z
  .object({
    id: z.uuid(),
    kind: ApiKeyKind,
    name: z.string(),
    /** The first characters of the key, enough to recognise it; the rest is never shown again. */
    prefix: z.string().meta({ example: "vk_sk_3fA9" }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyBody = z
  .object({
    kind: ApiKeyKind,
    name: z.string().trim().min(1).max(100).meta({ example: "Website tracking" }),
  })
  .meta({ id: "CreateApiKeyBody" });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

/** The response to creating a key: the only time the full key is returned. */
export const CreatedApiKey = z
  .object({ apiKey: ApiKey, key: z.string().meta({ example: "vk_sk_3fA9…" }) })
  .meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyList = z.object({ data: z.array(ApiKey) }).meta({ id: "ApiKeyList" });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.enum(["ok", "unreachable"]),
    version: z.string(),
  })
  .meta({ id: "Health" });
export type Health = z.infer<typeof Health>;

/** A local wall-clock time, 24-hour `HH:MM`, read in the contact's time zone. */
const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 21:00.")
  .meta({ example: "21:00" });

/**
 * A workspace's default sending rules. When a journey is published, a rule it does not set
 * itself is taken from here and kept in that version; a journey's own rule wins. `null`: off.
 */
export const SendingRules = z
  .object({
    /** Nothing is sent from `from` to `to` (may span midnight); held until `to`. */
    quietHours: z
      .object({ from: ClockTime, to: ClockTime })
      .refine((q) => q.from !== q.to, {
        message: "The start and the end of quiet hours must differ.",
        path: ["to"],
      })
      .nullable(),
    /** At most `max` emails/messages to one contact in any `per`, across journeys. */
    frequencyCap: z
      .object({
        max: z.int().min(1).max(1000).meta({ example: 3 }),
        per: z.object({
          amount: z.int().min(1).max(365).meta({ example: 1 }),
          unit: z.enum(["minutes", "hours", "days", "weeks"]).meta({ example: "weeks" }),
        }),
      })
      .nullable(),
  })
  .meta({ id: "SendingRules" });
export type SendingRules = z.infer<typeof SendingRules>;

/** The stored rules and when they last changed (`null`: never saved). */
export const SendingRulesState = SendingRules.extend({
  updatedAt: z.iso.datetime().nullable(),
}).meta({ id: "SendingRulesState" });
export type SendingRulesState = z.infer<typeof SendingRulesState>;

/** A person with access to the workspace, and their role in it. */
export const Member = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: Role,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ data: z.array(Member) }).meta({ id: "MemberList" });
export type MemberList = z.infer<typeof MemberList>;

/** Body of `PATCH /api/workspace/members/{userId}`. */
export const UpdateMemberBody = z.object({ role: Role }).meta({ id: "UpdateMemberBody" });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;
