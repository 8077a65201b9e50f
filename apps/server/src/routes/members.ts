import { createRoute, z } from "@hono/zod-openapi";
import { Member, MemberList, UpdateMemberBody } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { changeMemberRole, listMembers, type MemberRow, memberRole } from "@voronka/db";
import { requireAuth } from "../middleware/auth.ts";
import {
  authErrors,
  badRequest,
  conflictResponse,
  json,
  notFoundResponse,
  router,
  secured,
} from "../openapi.ts";

const toMember = (row: MemberRow): Member => ({
  userId: row.userId,
  name: row.name,
  email: row.email,
  role: row.role,
  joinedAt: row.joinedAt.toISOString(),
});

const list = createRoute({
  method: "get",
  path: "/api/workspace/members",
  tags: ["Workspace"],
  summary: "The workspace's members",
  description: "Everyone who can sign in to this workspace, with their role, earliest first.",
  middleware: [requireAuth] as const,
  security: secured,
  responses: { 200: json(MemberList, "The members."), ...authErrors },
});

const update = createRoute({
  method: "patch",
  path: "/api/workspace/members/{userId}",
  tags: ["Workspace"],
  summary: "Change a member's role",
  description:
    "Only an owner, signed in (API keys get 403: roles are about people), may change roles. The workspace always keeps an owner: demoting the last one is refused with 409 `conflict`. A user who is not a member of this workspace answers 404.",
  middleware: [requireAuth] as const,
  security: [{ session: [] }],
  request: {
    params: z.object({ userId: z.uuid() }),
    body: { ...json(UpdateMemberBody, "The new role."), required: true },
  },
  responses: {
    200: json(Member, "The member with the new role."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const memberRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listMembers(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toMember) }, 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const auth = c.get("auth");
    if (auth.via !== "session") {
      throw new AppError("forbidden", "Roles are changed by an owner signed in, not by API keys.");
    }
    if ((await memberRole(db, auth.workspaceId, auth.userId)) !== "owner") {
      throw new AppError("forbidden", "Only the workspace's owners can change roles.");
    }
    const row = await changeMemberRole(
      db,
      auth.workspaceId,
      c.req.valid("param").userId,
      c.req.valid("json").role,
    );
    return c.json(toMember(row), 200);
  });
