import { createRoute, z } from "@hono/zod-openapi";
import { CreateJourneyBody, Journey, JourneySummary, UpdateJourneyBody } from "@voronka/contract";
import { createJourney, duplicateJourney, listJourneys, updateDraft } from "@voronka/db";
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
import { JourneyParams, loadJourney, toJourney, toSummary } from "./dto.ts";

const base = { tags: ["Journeys"], middleware: [requireAuth], security: secured };

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/journeys",
  summary: "List journeys",
  responses: {
    200: json(
      z.object({ data: z.array(JourneySummary) }),
      "The workspace's journeys, newest first.",
    ),
    ...authErrors,
  },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/api/journeys",
  summary: "Create a journey (as a draft)",
  description:
    "The draft may be unfinished: it is saved as sent and its `violations` are returned. Publishing refuses a draft with violations.",
  request: {
    body: { ...json(CreateJourneyBody, "Name and optional draft graph."), required: true },
  },
  responses: { 201: json(Journey, "The new journey."), ...badRequest, ...authErrors },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/journeys/{id}",
  summary: "A journey with its draft, the draft's violations and its published versions",
  request: { params: JourneyParams },
  responses: {
    200: json(Journey, "The journey."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/journeys/{id}",
  summary: "Rename a journey or save its draft",
  description:
    "Saves the draft even when it has violations (the editor saves as the marketer draws); they are listed per node in `violations`. Live versions are not affected until the next publish.",
  request: {
    params: JourneyParams,
    body: { ...json(UpdateJourneyBody, "Fields to change."), required: true },
  },
  responses: {
    200: json(Journey, "The journey."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

const duplicate = createRoute({
  ...base,
  method: "post",
  path: "/api/journeys/{id}/duplicate",
  summary: "Copy a journey's draft into a new draft journey",
  request: { params: JourneyParams },
  responses: { 201: json(Journey, "The copy."), ...badRequest, ...authErrors, ...notFoundResponse },
});

export const journeyRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listJourneys(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toSummary) }, 200);
  })
  .openapi(create, async (c) => {
    const { db } = c.get("deps");
    const body = c.req.valid("json");
    const row = await createJourney(db, c.get("auth").workspaceId, body);
    return c.json(await toJourney(db, row), 201);
  })
  .openapi(get, async (c) => {
    const { db } = c.get("deps");
    const row = await loadJourney(db, c.get("auth").workspaceId, c.req.valid("param").id);
    return c.json(await toJourney(db, row), 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadJourney(db, workspaceId, id);
    const row = await updateDraft(db, workspaceId, id, c.req.valid("json"));
    return c.json(await toJourney(db, row), 200);
  })
  .openapi(duplicate, async (c) => {
    const { db } = c.get("deps");
    const row = await duplicateJourney(db, c.get("auth").workspaceId, c.req.valid("param").id);
    return c.json(await toJourney(db, row), 201);
  });
