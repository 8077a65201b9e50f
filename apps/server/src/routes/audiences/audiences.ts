import { createRoute, z } from "@hono/zod-openapi";
import {
  Audience,
  AudienceChange,
  AudienceMember,
  ChangeMembersBody,
  CreateAudienceBody,
  UpdateAudienceBody,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  archiveAudience,
  audienceHistory,
  changeMembership,
  createAudience,
  existingContactIds,
  listAudienceMembers,
  listAudiences,
  renameAudience,
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
import { loadAudience, toAudiences } from "./dto.ts";

const base = { tags: ["Audiences"], middleware: [requireAuth], security: secured };
const Params = z.object({ id: z.uuid() });

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/audiences",
  summary: "List audiences",
  description: "Live audiences, oldest first, with member counts and each platform's sync status.",
  responses: { 200: json(z.object({ data: z.array(Audience) }), "The audiences."), ...authErrors },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/api/audiences",
  summary: "Create an audience",
  description:
    "A hand-made audience (`manual`), or one that journeys fill through their ad-audience steps " +
    "(`journey`). Stage audiences are created by turning on per-stage audiences on a funnel.",
  request: { body: { ...json(CreateAudienceBody, "Name and kind."), required: true } },
  responses: { 201: json(Audience, "The audience."), ...badRequest, ...authErrors },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/audiences/{id}",
  summary: "An audience with its sync status",
  request: { params: Params },
  responses: {
    200: json(Audience, "The audience."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/audiences/{id}",
  summary: "Rename an audience",
  request: { params: Params, body: { ...json(UpdateAudienceBody, "New name."), required: true } },
  responses: {
    200: json(Audience, "The audience."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const remove = createRoute({
  ...base,
  method: "delete",
  path: "/api/audiences/{id}",
  summary: "Archive an audience",
  description:
    "Its members are removed (logged), so the next sync also empties the platforms' copies; the history stays.",
  request: { params: Params },
  responses: {
    204: { description: "Archived." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const members = createRoute({
  ...base,
  method: "get",
  path: "/api/audiences/{id}/members",
  summary: "Members of an audience",
  description: "Newest first, a page at a time.",
  request: {
    params: Params,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(AudienceMember), total: z.number().int() }), "Members."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const changeMembers = createRoute({
  ...base,
  method: "post",
  path: "/api/audiences/{id}/members",
  summary: "Add or remove contacts",
  description:
    "Recorded in the audience's history with the cause `user` (session) or `api` (secret key). " +
    "Stage audiences follow their funnel and cannot be changed by hand (409).",
  request: {
    params: Params,
    body: { ...json(ChangeMembersBody, "Contact ids to add and to remove."), required: true },
  },
  responses: {
    200: json(z.object({ added: z.number().int(), removed: z.number().int() }), "What changed."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

const history = createRoute({
  ...base,
  method: "get",
  path: "/api/audiences/{id}/changes",
  summary: "Membership history",
  description: "Every join and leave with its time and cause, newest first.",
  request: {
    params: Params,
    query: z.object({
      contactId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(AudienceChange) }), "The changes."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const audienceRoutes = router()
  .openapi(list, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    return c.json(
      { data: await toAudiences(db, workspaceId, await listAudiences(db, workspaceId)) },
      200,
    );
  })
  .openapi(create, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const row = await createAudience(db, workspaceId, c.req.valid("json"));
    const [out] = await toAudiences(db, workspaceId, [{ ...row, memberCount: 0 }]);
    if (!out) throw new Error("audience not created");
    return c.json(out, 201);
  })
  .openapi(get, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const audience = await loadAudience(db, workspaceId, c.req.valid("param").id);
    const [out] = await toAudiences(db, workspaceId, [audience]);
    if (!out) throw new Error("audience lost");
    return c.json(out, 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadAudience(db, workspaceId, id);
    await renameAudience(db, workspaceId, id, c.req.valid("json").name);
    const [out] = await toAudiences(db, workspaceId, [await loadAudience(db, workspaceId, id)]);
    if (!out) throw new Error("audience lost");
    return c.json(out, 200);
  })
  .openapi(remove, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    if (!(await archiveAudience(db, workspaceId, c.req.valid("param").id))) {
      throw new AppError("not_found", "No audience with this id in this workspace.");
    }
    return c.body(null, 204);
  })
  .openapi(members, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const audience = await loadAudience(db, workspaceId, id);
    const rows = await listAudienceMembers(db, workspaceId, id, c.req.valid("query"));
    return c.json(
      {
        data: rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() })),
        total: audience.memberCount,
      },
      200,
    );
  })
  .openapi(changeMembers, async (c) => {
    const { db } = c.get("deps");
    const auth = c.get("auth");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const audience = await loadAudience(db, auth.workspaceId, id);
    if (audience.kind === "stage") {
      throw new AppError(
        "conflict",
        "This audience follows its funnel stage: move the contact between stages instead.",
      );
    }
    const known = await existingContactIds(db, auth.workspaceId, [...body.add, ...body.remove]);
    const unknown = [...body.add, ...body.remove].filter((x) => !known.has(x));
    if (unknown.length > 0) {
      throw new AppError("validation_failed", "Some contacts are not in this workspace.", {
        details: unknown.slice(0, 20).map((x) => ({ path: "add", message: `No contact ${x}.` })),
      });
    }
    const cause = auth.via === "session" ? ("user" as const) : ("api" as const);
    const causeRef = auth.via === "session" ? auth.userId : auth.apiKeyId;
    const result = await db.transaction((tx) =>
      changeMembership(tx, auth.workspaceId, [
        ...body.remove.map((contactId) => ({
          audienceId: id,
          contactId,
          action: "remove" as const,
          cause,
          causeRef,
        })),
        ...body.add.map((contactId) => ({
          audienceId: id,
          contactId,
          action: "add" as const,
          cause,
          causeRef,
        })),
      ]),
    );
    return c.json(result, 200);
  })
  .openapi(history, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadAudience(db, workspaceId, id);
    const q = c.req.valid("query");
    const rows = await audienceHistory(db, workspaceId, id, q);
    return c.json(
      {
        data: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      },
      200,
    );
  });
