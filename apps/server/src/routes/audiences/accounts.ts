import { createRoute, z } from "@hono/zod-openapi";
import { AdPlatform, DEFAULT_BASE_URLS, PLATFORM_CREDENTIALS } from "@voronka/ads";
import {
  AdAccount,
  SaveAdAccountBody,
  StageAudienceSetting,
  StageAudienceSettingBody,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  deleteAdAccount,
  getAdAccountSecret,
  getStageAudienceSetting,
  listAdAccounts,
  saveAdAccount,
  setStageAudiences,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { loadFunnel } from "../funnels/dto.ts";

const base = { tags: ["Audiences"], middleware: [requireAuth], security: secured };
const PlatformParams = z.object({ platform: AdPlatform });

const toAccount = (a: {
  platform: AdPlatform;
  baseUrl: string;
  accountId: string | null;
  credentialFields: string[];
  updatedAt: Date;
}) => ({ ...a, updatedAt: a.updatedAt.toISOString() });

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/ad-accounts",
  summary: "Ad platform accounts",
  description: "Which platforms are set up. Credentials are stored encrypted and never returned.",
  responses: { 200: json(z.object({ data: z.array(AdAccount) }), "The accounts."), ...authErrors },
});

const save = createRoute({
  ...base,
  method: "put",
  path: "/api/ad-accounts/{platform}",
  summary: "Set up an ad platform account",
  description:
    "Credentials per platform — meta: `accessToken`; google: `developerToken`, `accessToken`, " +
    "`loginCustomerId` (optional) and `accountId` = customer id; vk: `accessToken`, `listType` " +
    "(`email` or `phone`, what the linked lists hold); yandex: `oauthToken`. Omitted credential " +
    "fields keep their saved values. `baseUrl` defaults to the platform's public API.",
  request: {
    params: PlatformParams,
    body: { ...json(SaveAdAccountBody, "The account."), required: true },
  },
  responses: { 200: json(AdAccount, "Saved."), ...badRequest, ...authErrors },
});

const remove = createRoute({
  ...base,
  method: "delete",
  path: "/api/ad-accounts/{platform}",
  summary: "Remove an ad platform account",
  description: "Syncs to this platform stop until an account is set up again.",
  request: { params: PlatformParams },
  responses: {
    204: { description: "Removed." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const FunnelParams = z.object({ id: z.uuid() });

const getStage = createRoute({
  ...base,
  method: "get",
  path: "/api/funnels/{id}/stage-audiences",
  summary: "Per-stage audiences of a funnel",
  description: "Whether each stage has its audience, and which audience that is.",
  request: { params: FunnelParams },
  responses: {
    200: json(StageAudienceSetting, "The setting."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const putStage = createRoute({
  ...base,
  method: "put",
  path: "/api/funnels/{id}/stage-audiences",
  summary: "Give each stage of a funnel its audience",
  description:
    "On: every stage gets an audience (created if missing, filled with the contacts now in the " +
    "stage), and every stage move swaps the contact from the old stage's audience into the new " +
    "one's in the move's own transaction. Off: moves stop changing the audiences.",
  request: {
    params: FunnelParams,
    body: { ...json(StageAudienceSettingBody, "On or off."), required: true },
  },
  responses: {
    200: json(StageAudienceSetting, "The setting."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const adAccountRoutes = router()
  .openapi(list, async (c) => {
    const { db } = c.get("deps");
    const accounts = await listAdAccounts(db, c.get("auth").workspaceId);
    return c.json({ data: accounts.map(toAccount) }, 200);
  })
  .openapi(save, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { platform } = c.req.valid("param");
    const body = c.req.valid("json");
    const spec = PLATFORM_CREDENTIALS[platform];
    const allowed = new Set([...spec.required, ...spec.optional]);
    const extra = Object.keys(body.credentials).filter((k) => !allowed.has(k));
    const saved = await getAdAccountSecret(db, workspaceId, platform);
    const merged = { ...(saved?.credentials ?? {}), ...body.credentials };
    const missing = spec.required.filter((k) => !merged[k]);
    const accountId = body.accountId === undefined ? (saved?.accountId ?? null) : body.accountId;
    const details = [
      ...extra.map((k) => ({ path: `credentials.${k}`, message: `Not a ${platform} credential.` })),
      ...missing.map((k) => ({ path: `credentials.${k}`, message: "Required." })),
      ...(platform === "google" && !accountId
        ? [{ path: "accountId", message: "The Google Ads customer id is required." }]
        : []),
    ];
    if (details.length > 0) {
      throw new AppError("validation_failed", "Some credentials are missing or unknown.", {
        details,
      });
    }
    const account = await saveAdAccount(db, workspaceId, platform, {
      baseUrl: body.baseUrl ?? saved?.baseUrl ?? DEFAULT_BASE_URLS[platform],
      accountId,
      credentials: body.credentials,
    });
    return c.json(toAccount(account), 200);
  })
  .openapi(remove, async (c) => {
    const { db } = c.get("deps");
    if (!(await deleteAdAccount(db, c.get("auth").workspaceId, c.req.valid("param").platform))) {
      throw new AppError("not_found", "No account on this platform.");
    }
    return c.body(null, 204);
  })
  .openapi(getStage, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    return c.json(await getStageAudienceSetting(db, workspaceId, id), 200);
  })
  .openapi(putStage, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const funnel = await loadFunnel(db, workspaceId, id);
    const setting = await setStageAudiences(
      db,
      workspaceId,
      id,
      funnel.name,
      c.req.valid("json").perStage,
    );
    return c.json(setting, 200);
  });
