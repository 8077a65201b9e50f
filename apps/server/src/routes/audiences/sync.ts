import { createRoute, z } from "@hono/zod-openapi";
import { AdPlatform, AUDIENCE_CSV_HEADER, audienceCsvRows } from "@voronka/ads";
import { AudienceDestination, SaveDestinationBody } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  audienceIdentifiersPage,
  type Db,
  deleteDestination,
  enqueueAudienceSync,
  listAdAccounts,
  listDestinations,
  saveDestination,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import {
  authErrors,
  badRequest,
  conflictResponse,
  json,
  notFoundResponse,
  router,
  secured,
} from "../../openapi.ts";
import { loadAudience, toDestination } from "./dto.ts";

const base = { tags: ["Audiences"], middleware: [requireAuth], security: secured };
const Params = z.object({ id: z.uuid() });
const PlatformParams = z.object({ id: z.uuid(), platform: AdPlatform });
const Status = z.object({ data: z.array(AudienceDestination) });

const status = createRoute({
  ...base,
  method: "get",
  path: "/api/audiences/{id}/sync",
  summary: "Sync status per platform",
  description:
    "For each platform the audience is linked to: last sync time, contacts added and removed by it, " +
    "progress of a running sync (`done` of `total`), and the last error.",
  request: { params: Params },
  responses: { 200: json(Status, "Status."), ...badRequest, ...authErrors, ...notFoundResponse },
});

const trigger = createRoute({
  ...base,
  method: "post",
  path: "/api/audiences/{id}/sync",
  summary: "Sync now",
  description:
    "Queues a sync of the audience's changes since the last sync to every linked platform whose " +
    "account is configured (also done every 5 minutes). Answers 202 at once; poll `GET …/sync`.",
  request: { params: Params },
  responses: {
    202: json(Status, "Queued; the current status."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

const link = createRoute({
  ...base,
  method: "put",
  path: "/api/audiences/{id}/destinations/{platform}",
  summary: "Link the audience to its copy on a platform",
  description:
    "`externalId`: Meta custom audience id, Google Ads user list id, VK Ads users list id or Yandex " +
    "Audience segment id (created from a hashed CRM file with columns email,phone). Linking a " +
    "different id starts over: the next sync sends the whole change history.",
  request: {
    params: PlatformParams,
    body: { ...json(SaveDestinationBody, "The platform's id."), required: true },
  },
  responses: {
    200: json(AudienceDestination, "The link and its status."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const unlink = createRoute({
  ...base,
  method: "delete",
  path: "/api/audiences/{id}/destinations/{platform}",
  summary: "Stop syncing the audience to a platform",
  request: { params: PlatformParams },
  responses: {
    204: { description: "Unlinked." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const exportCsv = createRoute({
  ...base,
  method: "get",
  path: "/api/audiences/{id}/export.csv",
  summary: "Export an audience as CSV",
  description:
    "For platforms without an API: columns `email,phone`, normalized (email trimmed and lowercased, " +
    "phone as E.164 digits without `+`), plain or, with `hashed=true`, SHA-256 hex — the format " +
    "Meta, VK Ads and Yandex Audience accept for customer-file uploads.",
  request: {
    params: Params,
    query: z.object({ hashed: z.enum(["true", "false"]).default("true") }),
  },
  responses: {
    200: { content: { "text/csv": { schema: z.string() } }, description: "The CSV file." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

async function statusOf(db: Db, workspaceId: string, id: string) {
  const [destinations, accounts] = await Promise.all([
    listDestinations(db, workspaceId, id),
    listAdAccounts(db, workspaceId),
  ]);
  const configured = new Set<string>(accounts.map((a) => a.platform));
  return destinations.map((d) => toDestination(d, configured));
}

export const audienceSyncRoutes = router()
  .openapi(status, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadAudience(db, workspaceId, id);
    return c.json({ data: await statusOf(db, workspaceId, id) }, 200);
  })
  .openapi(trigger, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadAudience(db, workspaceId, id);
    const data = await statusOf(db, workspaceId, id);
    if (!data.some((d) => d.accountConfigured)) {
      throw new AppError(
        "conflict",
        "Link this audience to an ad platform whose account is set up first.",
      );
    }
    await enqueueAudienceSync(db, workspaceId, id);
    return c.json({ data }, 202);
  })
  .openapi(link, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, platform } = c.req.valid("param");
    await loadAudience(db, workspaceId, id);
    const row = await saveDestination(
      db,
      workspaceId,
      id,
      platform,
      c.req.valid("json").externalId,
    );
    const accounts = await listAdAccounts(db, workspaceId);
    return c.json(toDestination(row, new Set(accounts.map((a) => a.platform))), 200);
  })
  .openapi(unlink, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, platform } = c.req.valid("param");
    await loadAudience(db, workspaceId, id);
    if (!(await deleteDestination(db, workspaceId, id, platform))) {
      throw new AppError("not_found", "This audience is not linked to that platform.");
    }
    return c.body(null, 204);
  })
  .openapi(exportCsv, async (c) => {
    const { db, log } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const audience = await loadAudience(db, workspaceId, id);
    const hashed = c.req.valid("query").hashed === "true";
    const encoder = new TextEncoder();
    let after: string | null = null;
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            controller.enqueue(encoder.encode(AUDIENCE_CSV_HEADER));
            return;
          }
          const page = await audienceIdentifiersPage(db, workspaceId, id, after, 5000);
          if (page.length === 0) {
            controller.close();
            return;
          }
          after = page[page.length - 1]?.contactId ?? null;
          controller.enqueue(encoder.encode(audienceCsvRows(page, hashed)));
        } catch (err) {
          log.error({ err }, "audience export failed");
          controller.error(err);
        }
      },
    });
    const safeName = audience.name.replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 60) || "audience";
    return c.body(body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(safeName)}${hashed ? "-sha256" : ""}.csv`,
    });
  });
