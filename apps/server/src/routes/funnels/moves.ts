import { createRoute, z } from "@hono/zod-openapi";
import { CreateStageRuleBody, MoveBody, StageMove, StageRule } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  addStageRule,
  contactExists,
  deleteStageRule,
  listStageRules,
  moveContacts,
  stageHistory,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { loadFunnel, toStageMove } from "./dto.ts";

const base = { tags: ["Funnels"], middleware: [requireAuth], security: secured };
const Params = z.object({ id: z.uuid() });

const move = createRoute({
  ...base,
  method: "post",
  path: "/api/funnels/{id}/moves",
  summary: "Move a contact to a stage (or mark it lost)",
  description:
    "Recorded in the stage history with the cause `user` (signed-in session) or `api` (secret key). " +
    "Moving to the Lost outcome needs a `lostReasonId` from the funnel's list; `lostNote` adds free text. " +
    "Moving a contact to the stage it is already in records nothing and answers 200 with `moved: false`.",
  request: {
    params: Params,
    body: { ...json(MoveBody, "Contact, target stage, lost reason."), required: true },
  },
  responses: {
    200: json(z.object({ moved: z.boolean(), move: StageMove.nullable() }), "The recorded move."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const history = createRoute({
  ...base,
  method: "get",
  path: "/api/funnels/{id}/history",
  summary: "Stage history of a funnel",
  description: "Every move, oldest first; `contactId` narrows it to one contact.",
  request: { params: Params, query: z.object({ contactId: z.uuid().optional() }) },
  responses: {
    200: json(z.object({ data: z.array(StageMove) }), "The moves."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const listRules = createRoute({
  ...base,
  method: "get",
  path: "/api/funnels/{id}/rules",
  summary: "Rules that move contacts when they do something",
  request: { params: Params },
  responses: {
    200: json(z.object({ data: z.array(StageRule) }), "The rules."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const addRule = createRoute({
  ...base,
  method: "post",
  path: "/api/funnels/{id}/rules",
  summary: "Add a rule: event X moves the contact to stage Y",
  description: "With `forwardOnly` (default) a contact already past the stage stays where it is.",
  request: { params: Params, body: { ...json(CreateStageRuleBody, "The rule."), required: true } },
  responses: {
    201: json(StageRule, "The rule."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const deleteRule = createRoute({
  ...base,
  method: "delete",
  path: "/api/funnels/{id}/rules/{ruleId}",
  summary: "Delete a rule",
  request: { params: z.object({ id: z.uuid(), ruleId: z.uuid() }) },
  responses: {
    204: { description: "Deleted." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const moveRoutes = router()
  .openapi(move, async (c) => {
    const { db } = c.get("deps");
    const auth = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const funnel = await loadFunnel(db, auth.workspaceId, id);
    const stage = funnel.stages.find((s) => s.id === body.stageId);
    if (!stage) throw new AppError("not_found", "No such stage in this funnel.");
    if (!(await contactExists(db, auth.workspaceId, body.contactId))) {
      throw new AppError("not_found", "No contact with this id in this workspace.");
    }
    if (stage.kind === "lost" && !body.lostReasonId) {
      throw new AppError("validation_failed", "Say why the deal was lost.", {
        details: [
          {
            path: "lostReasonId",
            message: "Choose a reason from the funnel's list of lost reasons.",
          },
        ],
      });
    }
    if (body.lostReasonId && !funnel.lostReasons.some((r) => r.id === body.lostReasonId)) {
      throw new AppError("validation_failed", "That lost reason is not in this funnel's list.", {
        details: [{ path: "lostReasonId", message: "Unknown lost reason." }],
      });
    }
    if (stage.kind !== "lost" && (body.lostReasonId || body.lostNote)) {
      throw new AppError("validation_failed", "A lost reason only goes with a move to Lost.", {
        details: [{ path: "lostReasonId", message: "Only for the Lost outcome." }],
      });
    }
    const [recorded] = await db.transaction((tx) =>
      moveContacts(tx, auth.workspaceId, [
        {
          funnelId: id,
          contactId: body.contactId,
          toStageId: body.stageId,
          cause: auth.via === "session" ? "user" : "api",
          causeRef: auth.via === "session" ? auth.userId : auth.apiKeyId,
          lostReasonId: body.lostReasonId ?? null,
          lostNote: body.lostNote ?? null,
        },
      ]),
    );
    if (!recorded) return c.json({ moved: false, move: null }, 200);
    const rows = await stageHistory(db, auth.workspaceId, id, {
      contactId: body.contactId,
      limit: 10_000,
    });
    const row = rows.find((r) => r.id === recorded.id);
    return c.json({ moved: true, move: row ? toStageMove(row) : null }, 200);
  })
  .openapi(history, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    const rows = await stageHistory(db, workspaceId, id, {
      contactId: c.req.valid("query").contactId,
    });
    return c.json({ data: rows.map(toStageMove) }, 200);
  })
  .openapi(listRules, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    const rules = await listStageRules(db, workspaceId, id);
    return c.json(
      {
        data: rules.map((r) => ({
          id: r.id,
          eventName: r.eventName,
          stageId: r.toStageId,
          forwardOnly: r.forwardOnly,
          enabled: r.enabled,
        })),
      },
      200,
    );
  })
  .openapi(addRule, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const funnel = await loadFunnel(db, workspaceId, id);
    if (!funnel.stages.some((s) => s.id === body.stageId && s.kind !== "lost")) {
      throw new AppError(
        "validation_failed",
        "A rule moves contacts to an open stage or to Won of this funnel.",
        {
          details: [
            {
              path: "stageId",
              message: "Not a stage of this funnel (or it is Lost, which needs a reason).",
            },
          ],
        },
      );
    }
    const r = await addStageRule(db, workspaceId, id, body);
    return c.json(
      {
        id: r.id,
        eventName: r.eventName,
        stageId: r.toStageId,
        forwardOnly: r.forwardOnly,
        enabled: r.enabled,
      },
      201,
    );
  })
  .openapi(deleteRule, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, ruleId } = c.req.valid("param");
    await loadFunnel(db, workspaceId, id);
    if (!(await deleteStageRule(db, workspaceId, id, ruleId)))
      throw new AppError("not_found", "No such rule in this funnel.");
    return c.body(null, 204);
  });
