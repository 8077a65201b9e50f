import { z } from "zod";

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
