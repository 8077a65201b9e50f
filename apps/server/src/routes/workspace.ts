import { createRoute, z } from "@hono/zod-openapi";
import { Workspace } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { getWorkspace, renameWorkspace, type WorkspaceRow } from "@voronka/db";
import { requireAuth } from "../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../openapi.ts";

const toWorkspace = (row: WorkspaceRow): Workspace => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

const current = createRoute({
  method: "get",
  path: "/api/workspace",
  tags: ["Workspace"],
  summary: "The current workspace",
  description: "The workspace of the secret key or of the signed-in session.",
  middleware: [requireAuth] as const,
  security: secured,
  responses: { 200: json(Workspace, "The workspace."), ...authErrors },
});

const byId = createRoute({
  method: "get",
  path: "/api/workspaces/{id}",
  tags: ["Workspace"],
  summary: "A workspace by id",
  description: "Only the caller's own workspace is visible; any other id answers 404.",
  middleware: [requireAuth] as const,
  security: secured,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: json(Workspace, "The workspace."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const RenameBody = z
  .object({ name: z.string().trim().min(1).max(100) })
  .meta({ id: "RenameWorkspaceBody" });

const rename = createRoute({
  method: "patch",
  path: "/api/workspace",
  tags: ["Workspace"],
  summary: "Rename the current workspace",
  middleware: [requireAuth] as const,
  security: secured,
  request: { body: { ...json(RenameBody, "The new name."), required: true } },
  responses: { 200: json(Workspace, "The renamed workspace."), ...badRequest, ...authErrors },
});

export const workspaceRoutes = router()
  .openapi(current, async (c) => {
    const row = await getWorkspace(c.get("deps").db, c.get("auth").workspaceId);
    if (!row) throw new AppError("not_found", "This workspace no longer exists.");
    return c.json(toWorkspace(row), 200);
  })
  .openapi(byId, async (c) => {
    const { id } = c.req.valid("param");
    const { workspaceId } = c.get("auth");
    // Another tenant's workspace must be indistinguishable from one that does not exist.
    const row = id === workspaceId ? await getWorkspace(c.get("deps").db, id) : undefined;
    if (!row) throw new AppError("not_found", "No workspace with this id.");
    return c.json(toWorkspace(row), 200);
  })
  .openapi(rename, async (c) => {
    const row = await renameWorkspace(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("json").name,
    );
    if (!row) throw new AppError("not_found", "This workspace no longer exists.");
    return c.json(toWorkspace(row), 200);
  });
