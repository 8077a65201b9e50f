import { createRoute } from "@hono/zod-openapi";
import { EventNameList, EventNamesQuery } from "@voronka/contract";
import { listEventNames } from "@voronka/db";
import { requireAuth } from "../middleware/auth.ts";
import { authErrors, badRequest, json, router, secured } from "../openapi.ts";

const names = createRoute({
  tags: ["Events"],
  middleware: [requireAuth],
  security: secured,
  method: "get",
  path: "/api/events/names",
  summary: "Event names this workspace has received",
  description:
    "The distinct names of the events this workspace has received (track events and named " +
    "pages), A→Z — what the journey editor suggests in its event pickers.",
  request: { query: EventNamesQuery },
  responses: {
    200: json(EventNameList, "The names."),
    ...badRequest,
    ...authErrors,
  },
});

export const eventNameRoutes = router().openapi(names, async (c) => {
  const { limit } = c.req.valid("query");
  const rows = await listEventNames(c.get("deps").db, c.get("auth").workspaceId, limit);
  return c.json({ data: rows.map((name) => ({ name })) }, 200);
});
