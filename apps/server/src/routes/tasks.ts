import { createRoute, z } from "@hono/zod-openapi";
import { ListTasksQuery, ManagerTask } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  completeManagerTask,
  getManagerTask,
  listManagerTasks,
  type ManagerTask as TaskRow,
} from "@voronka/db";
import { requireAuth } from "../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../openapi.ts";

const base = { tags: ["Tasks"], middleware: [requireAuth], security: secured };

function toTask(t: TaskRow): ManagerTask {
  return {
    id: t.id,
    contact: { id: t.contactId, name: t.contactName },
    journey: t.journeyId ? { id: t.journeyId, name: t.journeyName } : null,
    message: t.message,
    assignee: t.assigneeId ? { id: t.assigneeId, name: t.assigneeName } : null,
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
  };
}

const notFound = () => new AppError("not_found", "No task with this id in this workspace.");
const IdParam = z.object({ id: z.uuid() });

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/tasks",
  summary: "Tasks for the sales team (from journeys' notify-manager steps)",
  description: "Open tasks first, soonest due first.",
  request: { query: ListTasksQuery },
  responses: {
    200: json(z.object({ data: z.array(ManagerTask) }), "The tasks."),
    ...badRequest,
    ...authErrors,
  },
});

const one = createRoute({
  ...base,
  method: "get",
  path: "/api/tasks/{id}",
  summary: "One task",
  request: { params: IdParam },
  responses: {
    200: json(ManagerTask, "The task."),
    ...badRequest,
    ...notFoundResponse,
    ...authErrors,
  },
});

const complete = createRoute({
  ...base,
  method: "post",
  path: "/api/tasks/{id}/complete",
  summary: "Mark a task done",
  description: "Completing a task that is already done changes nothing.",
  request: { params: IdParam },
  responses: {
    200: json(ManagerTask, "The task, done."),
    ...badRequest,
    ...notFoundResponse,
    ...authErrors,
  },
});

export const taskRoutes = router()
  .openapi(list, async (c) => {
    const { status, assignee, limit } = c.req.valid("query");
    const rows = await listManagerTasks(c.get("deps").db, c.get("auth").workspaceId, {
      status,
      assigneeId: assignee,
      limit,
    });
    return c.json({ data: rows.map(toTask) }, 200);
  })
  .openapi(one, async (c) => {
    const t = await getManagerTask(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    if (!t) throw notFound();
    return c.json(toTask(t), 200);
  })
  .openapi(complete, async (c) => {
    const auth = c.get("auth");
    const userId = auth.via === "session" ? auth.userId : null;
    const t = await completeManagerTask(
      c.get("deps").db,
      auth.workspaceId,
      c.req.valid("param").id,
      userId,
    );
    if (!t) throw notFound();
    return c.json(toTask(t), 200);
  });
