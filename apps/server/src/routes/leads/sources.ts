import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "@voronka/core";
import {
  createLeadSource,
  deleteLeadSource,
  getLeadSource,
  type LeadSourceFields,
  leadSourceStats,
  listLeadSources,
  updateLeadSource,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import {
  GENERATED_SECRET,
  newSecret,
  PROVIDED_SECRET,
  parseSettings,
  publicOrigin,
  recentSince,
  toLeadSource,
} from "./dto.ts";
import {
  CreateLeadSourceBody,
  LeadSource,
  LeadSourceWithSecret,
  UpdateLeadSourceBody,
} from "./schemas.ts";
import { checkLeadTarget } from "./target.ts";

const base = { tags: ["Lead sources"], middleware: [requireAuth], security: secured };
const Params = z.object({ id: z.uuid() });
const missing = () => new AppError("not_found", "No lead source with this id in this workspace.");

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/lead-sources",
  summary: "List lead sources",
  description: "Web forms, bots, numbers and call-tracking accounts leads arrive through.",
  responses: {
    200: json(z.object({ data: z.array(LeadSource) }), "The sources."),
    ...authErrors,
  },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/api/lead-sources",
  summary: "Create a lead source",
  description:
    "Returns the public endpoint to give the provider (and, for a web form, the snippet to paste). " +
    "Telegram and call-tracking secrets are generated and shown once; WhatsApp needs the app " +
    "secret and Viber the bot's auth token. New leads go to `stageId`, or the funnel's first " +
    "open stage; with no funnel, the workspace's oldest funnel.",
  request: {
    body: { ...json(CreateLeadSourceBody, "Channel, name, target, settings."), required: true },
  },
  responses: {
    201: json(LeadSourceWithSecret, "The new source."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/lead-sources/{id}",
  summary: "A lead source",
  request: { params: Params },
  responses: {
    200: json(LeadSource, "The source."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/lead-sources/{id}",
  summary: "Change a lead source",
  description: "Changing the funnel without a stage sends new leads to its first open stage.",
  request: {
    params: Params,
    body: { ...json(UpdateLeadSourceBody, "Fields to change."), required: true },
  },
  responses: {
    200: json(LeadSourceWithSecret, "The source; `secret` is set only when rotated."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const remove = createRoute({
  ...base,
  method: "delete",
  path: "/api/lead-sources/{id}",
  summary: "Delete a lead source",
  description: "Its public endpoint stops answering (404). Captured leads are kept.",
  request: { params: Params },
  responses: {
    204: { description: "Deleted." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const leadSourceRoutes = router()
  .openapi(list, async (c) => {
    const { db } = c.get("deps");
    const workspaceId = c.get("auth").workspaceId;
    const [rows, stats] = await Promise.all([
      listLeadSources(db, workspaceId),
      leadSourceStats(db, workspaceId, recentSince()),
    ]);
    const origin = publicOrigin(c);
    return c.json({ data: rows.map((r) => toLeadSource(r, origin, stats)) }, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const { db } = c.get("deps");
    const workspaceId = c.get("auth").workspaceId;
    if (PROVIDED_SECRET.has(body.channel) && !body.secret) {
      const what = body.channel === "whatsapp" ? "the Meta app secret" : "the bot's auth token";
      throw new AppError("validation_failed", `A ${body.channel} source needs ${what}.`, {
        details: [{ path: "secret", message: `Required: ${what}` }],
      });
    }
    const target = await checkLeadTarget(db, workspaceId, body);
    const generated = GENERATED_SECRET.has(body.channel) && !body.secret ? newSecret() : null;
    const settings = { ...body.settings };
    if (body.channel === "whatsapp" && !settings.verifyToken) settings.verifyToken = newSecret();
    const usesSecret = GENERATED_SECRET.has(body.channel) || PROVIDED_SECRET.has(body.channel);
    const row = await createLeadSource(db, workspaceId, {
      channel: body.channel,
      name: body.name,
      ...target,
      secret: usesSecret ? (body.secret ?? generated) : null,
      settings,
    });
    return c.json({ ...toLeadSource(row, publicOrigin(c)), secret: generated }, 201);
  })
  .openapi(get, async (c) => {
    const { db } = c.get("deps");
    const workspaceId = c.get("auth").workspaceId;
    const row = await getLeadSource(db, workspaceId, c.req.valid("param").id);
    if (!row) throw missing();
    const stats = await leadSourceStats(db, workspaceId, recentSince(), row.id);
    return c.json(toLeadSource(row, publicOrigin(c), stats), 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const workspaceId = c.get("auth").workspaceId;
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const row = await getLeadSource(db, workspaceId, id);
    if (!row) throw missing();
    const changes: Partial<LeadSourceFields> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.funnelId !== undefined || body.stageId !== undefined) {
      const funnelId = body.funnelId !== undefined ? body.funnelId : row.funnelId;
      const funnelChanged = funnelId !== row.funnelId;
      const stageId =
        body.stageId !== undefined ? body.stageId : funnelChanged ? null : row.stageId;
      Object.assign(changes, await checkLeadTarget(db, workspaceId, { funnelId, stageId }));
    }
    let rotated: string | null = null;
    if (body.rotateSecret) {
      if (!GENERATED_SECRET.has(row.channel)) {
        throw new AppError("validation_failed", "Only generated secrets can be rotated.", {
          details: [{ path: "rotateSecret", message: "Send the provider's new `secret` instead" }],
        });
      }
      rotated = newSecret();
      changes.secret = rotated;
    } else if (body.secret !== undefined) {
      changes.secret = body.secret;
    }
    if (body.settings !== undefined) {
      const previous = parseSettings(row.settings);
      changes.settings = {
        ...body.settings,
        // The handshake token must survive a settings edit that does not mention it.
        ...(row.channel === "whatsapp" && !body.settings.verifyToken
          ? { verifyToken: previous.verifyToken ?? newSecret() }
          : {}),
      };
    }
    const updated = await updateLeadSource(db, workspaceId, id, changes);
    if (!updated) throw missing();
    return c.json({ ...toLeadSource(updated, publicOrigin(c)), secret: rotated }, 200);
  })
  .openapi(remove, async (c) => {
    const deleted = await deleteLeadSource(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    if (!deleted) throw missing();
    return c.body(null, 204);
  });
