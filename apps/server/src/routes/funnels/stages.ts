import { createRoute, z } from "@hono/zod-openapi";
import { CreateLostReasonBody, CreateStageBody, Funnel, UpdateStageBody } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { addLostReason, addStage, archiveLostReason, deleteStage, updateStage } from "@voronka/db";
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
import { loadFunnel, toFunnel } from "./dto.ts";

const base = { tags: ["Funnels"], middleware: [requireAuth], security: secured };
const StageParams = z.object({ id: z.uuid(), stageId: z.uuid() });
const ReasonParams = z.object({ id: z.uuid(), reasonId: z.uuid() });

const addStageRoute = createRoute({
  ...base,
  method: "post",
  path: "/api/funnels/{id}/stages",
  summary: "Add a stage",
  description: "Inserted at `position` among the open stages (default: last open stage).",
  request: {
    params: z.object({ id: z.uuid() }),
    body: { ...json(CreateStageBody, "The stage."), required: true },
  },
  responses: {
    201: json(Funnel, "The funnel with the new stage."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const updateStageRoute = createRoute({
  ...base,
  method: "patch",
  path: "/api/funnels/{id}/stages/{stageId}",
  summary: "Rename or reorder a stage",
  request: {
    params: StageParams,
    body: { ...json(UpdateStageBody, "Fields to change."), required: true },
  },
  responses: {
    200: json(Funnel, "The funnel."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const deleteStageRoute = createRoute({
  ...base,
  method: "delete",
  path: "/api/funnels/{id}/stages/{stageId}",
  summary: "Delete an empty stage",
  description:
    "Refused with 409 while contacts are in it; the Won and Lost outcomes cannot be deleted.",
  request: { params: StageParams },
  responses: {
    204: { description: "Deleted." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

const addReasonRoute = createRoute({
  ...base,
  method: "post",
  path: "/api/funnels/{id}/lost-reasons",
  summary: "Add a lost reason",
  request: {
    params: z.object({ id: z.uuid() }),
    body: { ...json(CreateLostReasonBody, "The reason."), required: true },
  },
  responses: {
    201: json(Funnel, "The funnel."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const archiveReasonRoute = createRoute({
  ...base,
  method: "delete",
  path: "/api/funnels/{id}/lost-reasons/{reasonId}",
  summary: "Remove a lost reason from the list",
  description: "Past moves keep their reason; new moves cannot choose it.",
  request: { params: ReasonParams },
  responses: {
    204: { description: "Removed." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const stageRoutes = router()
  .openapi(addStageRoute, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    await loadFunnel(db, workspaceId, id);
    await addStage(db, workspaceId, id, body.name, body.position);
    return c.json(await toFunnel(db, workspaceId, await loadFunnel(db, workspaceId, id)), 201);
  })
  .openapi(updateStageRoute, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, stageId } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    const result = await updateStage(db, workspaceId, id, stageId, c.req.valid("json"));
    if (result === "not_found") throw new AppError("not_found", "No such stage in this funnel.");
    if (result === "outcome")
      throw new AppError("bad_request", "Won and Lost always come last; they cannot be moved.");
    return c.json(await toFunnel(db, workspaceId, await loadFunnel(db, workspaceId, id)), 200);
  })
  .openapi(deleteStageRoute, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, stageId } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    const result = await deleteStage(db, workspaceId, id, stageId);
    if (result === "not_found") throw new AppError("not_found", "No such stage in this funnel.");
    if (result === "outcome")
      throw new AppError(
        "conflict",
        "Won and Lost are part of every funnel and cannot be deleted.",
      );
    if (result === "in_use")
      throw new AppError(
        "conflict",
        "Contacts are in this stage. Move them to another stage first.",
      );
    return c.body(null, 204);
  })
  .openapi(addReasonRoute, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    await addLostReason(db, workspaceId, id, c.req.valid("json").label);
    return c.json(await toFunnel(db, workspaceId, await loadFunnel(db, workspaceId, id)), 201);
  })
  .openapi(archiveReasonRoute, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, reasonId } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    if (!(await archiveLostReason(db, workspaceId, id, reasonId))) {
      throw new AppError("not_found", "No such lost reason in this funnel.");
    }
    return c.body(null, 204);
  });
