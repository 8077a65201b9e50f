import { createRoute, z } from "@hono/zod-openapi";
import { type ApiKey, ApiKeyList, CreateApiKeyBody, CreatedApiKey } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { type ApiKeyRow, createApiKey, listApiKeys, revokeApiKey } from "@voronka/db";
import { requireAuth } from "../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../openapi.ts";
import { forgetWriteKey } from "./v1/write-key.ts";

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

const list = createRoute({
  method: "get",
  path: "/api/api-keys",
  tags: ["API keys"],
  summary: "List API keys",
  description: "Live keys of the workspace. The keys themselves are never returned again.",
  middleware: [requireAuth] as const,
  security: secured,
  responses: { 200: json(ApiKeyList, "The keys."), ...authErrors },
});

const create = createRoute({
  method: "post",
  path: "/api/api-keys",
  tags: ["API keys"],
  summary: "Create an API key",
  description: "Returns the full key once; only its hash is stored.",
  middleware: [requireAuth] as const,
  security: secured,
  request: { body: { ...json(CreateApiKeyBody, "Kind and name."), required: true } },
  responses: { 201: json(CreatedApiKey, "The new key, shown once."), ...badRequest, ...authErrors },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/api-keys/{id}",
  tags: ["API keys"],
  summary: "Revoke an API key",
  description: "The key stops working immediately.",
  middleware: [requireAuth] as const,
  security: secured,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    204: { description: "Revoked." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const apiKeyRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listApiKeys(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toApiKey) }, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const created = await createApiKey(c.get("deps").db, {
      workspaceId: c.get("auth").workspaceId,
      ...body,
    });
    return c.json({ apiKey: toApiKey(created.row), key: created.key }, 201);
  })
  .openapi(revoke, async (c) => {
    const revoked = await revokeApiKey(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    if (!revoked)
      throw new AppError("not_found", "No live API key with this id in this workspace.");
    forgetWriteKey(c.req.valid("param").id);
    return c.body(null, 204);
  });
