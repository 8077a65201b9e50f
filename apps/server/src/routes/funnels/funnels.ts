import { createRoute, z } from "@hono/zod-openapi";
import { CreateFunnelBody, Funnel, FunnelSummary, UpdateFunnelBody } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { archiveFunnel, createFunnel, listFunnels, updateFunnel } from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { FunnelParams, loadFunnel, toFunnel } from "./dto.ts";

const base = { tags: ["Funnels"], middleware: [requireAuth], security: secured };

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/funnels",
  summary: "List funnels",
  responses: {
    200: json(z.object({ data: z.array(FunnelSummary) }), "The workspace's funnels."),
    ...authErrors,
  },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/api/funnels",
  summary: "Create a funnel",
  description: "Open stages in the given order; the outcomes Won and Lost are added after them.",
  request: { body: { ...json(CreateFunnelBody, "Name, stages, lost reasons."), required: true } },
  responses: { 201: json(Funnel, "The new funnel."), ...badRequest, ...authErrors },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/funnels/{id}",
  summary: "A funnel with its stages, contact counts and lost reasons",
  request: { params: FunnelParams },
  responses: {
    200: json(Funnel, "The funnel."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/funnels/{id}",
  summary: "Rename a funnel or change its stall threshold",
  request: {
    params: FunnelParams,
    body: { ...json(UpdateFunnelBody, "Fields to change."), required: true },
  },
  responses: {
    200: json(Funnel, "The funnel."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const archive = createRoute({
  ...base,
  method: "delete",
  path: "/api/funnels/{id}",
  summary: "Archive a funnel",
  description: "The funnel disappears from lists; its history is kept.",
  request: { params: FunnelParams },
  responses: {
    204: { description: "Archived." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const funnelRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listFunnels(c.get("deps").db, c.get("auth").workspaceId);
    return c.json(
      {
        data: rows.map((f) => ({
          id: f.id,
          name: f.name,
          stallDays: f.stallDays,
          createdAt: f.createdAt.toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(create, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const body = c.req.valid("json");
    if (new Set(body.stages.map((s) => s.toLowerCase())).size !== body.stages.length) {
      throw new AppError("validation_failed", "Stage names must be different.", {
        details: [{ path: "stages", message: "Two stages have the same name." }],
      });
    }
    const funnel = await createFunnel(db, workspaceId, body);
    return c.json(await toFunnel(db, workspaceId, funnel), 201);
  })
  .openapi(get, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const funnel = await loadFunnel(db, workspaceId, c.req.valid("param").id);
    return c.json(await toFunnel(db, workspaceId, funnel), 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    await updateFunnel(db, workspaceId, id, c.req.valid("json"));
    return c.json(await toFunnel(db, workspaceId, await loadFunnel(db, workspaceId, id)), 200);
  })
  .openapi(archive, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    await archiveFunnel(db, workspaceId, id);
    return c.body(null, 204);
  });
