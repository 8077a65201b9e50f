import { createRoute, z } from "@hono/zod-openapi";
import { Journey, JourneyVersionCounts } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  branchCounts,
  changeJourneyStatus,
  listVersions,
  nodeCounts,
  publishJourney,
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
import { JourneyParams, loadJourney, toJourney } from "./dto.ts";

const base = { tags: ["Journeys"], middleware: [requireAuth], security: secured };
const errors = { ...badRequest, ...authErrors, ...notFoundResponse, ...conflictResponse };

const publish = createRoute({
  ...base,
  method: "post",
  path: "/api/journeys/{id}/publish",
  summary: "Publish the draft as a new immutable version",
  description:
    "New enrollments get the new version; contacts already in the journey stay on theirs. A draft with violations is refused with `validation_failed` (400), one `details` entry per violation, `path` = `nodes.<nodeId>` (or the violation's path), and nothing is published. A draft or stopped journey goes live; a paused one stays paused.",
  request: { params: JourneyParams },
  responses: { 200: json(Journey, "The journey with its new version."), ...errors },
});

function statusRoute(
  action: "pause" | "resume" | "stop" | "archive",
  summary: string,
  description: string,
) {
  return createRoute({
    ...base,
    method: "post",
    path: `/api/journeys/{id}/${action}`,
    summary,
    description,
    request: { params: JourneyParams },
    responses: { 200: json(Journey, "The journey."), ...errors },
  });
}

const pause = statusRoute(
  "pause",
  "Pause a live journey",
  "No step runs (so nothing is sent) and nobody new enters until resume; events for waiting contacts are kept.",
);
const resume = statusRoute(
  "resume",
  "Resume a paused journey",
  "Contacts continue where they were; sends that fell due while paused go out now.",
);
const stop = statusRoute(
  "stop",
  "Stop a journey",
  "Every contact still in the journey exits (`journey-stopped`). Publish again to restart.",
);
const archive = statusRoute(
  "archive",
  "Archive a draft or stopped journey",
  "Archived journeys cannot be edited or published.",
);

const counts = createRoute({
  ...base,
  method: "get",
  path: "/api/journeys/{id}/versions/{version}/counts",
  summary:
    "Per-node counts of a version (entered, waiting now, passed, converted, exited) and per A/B branch (entered, converted)",
  request: { params: JourneyParams.extend({ version: z.coerce.number().int().min(1) }) },
  responses: {
    200: json(JourneyVersionCounts, "Counts per node (nodes nobody reached are absent)."),
    ...errors,
  },
});

export const journeyLifecycleRoutes = router()
  .openapi(publish, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadJourney(db, workspaceId, id);
    const r = await publishJourney(db, workspaceId, id);
    if ("violations" in r) {
      throw new AppError(
        "validation_failed",
        "The journey has problems to fix before it can be published.",
        {
          details: r.violations.map((v) => ({
            path: v.nodeId ? `nodes.${v.nodeId}` : (v.path ?? v.edgeId ?? "graph"),
            message: `${v.code}: ${v.message}`,
          })),
        },
      );
    }
    return c.json(await toJourney(db, r.journey), 200);
  })
  .openapi(pause, async (c) => {
    const { db } = c.get("deps");
    const row = await changeJourneyStatus(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      "pause",
    );
    return c.json(await toJourney(db, row), 200);
  })
  .openapi(resume, async (c) => {
    const { db } = c.get("deps");
    const row = await changeJourneyStatus(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      "resume",
    );
    return c.json(await toJourney(db, row), 200);
  })
  .openapi(stop, async (c) => {
    const { db } = c.get("deps");
    const row = await changeJourneyStatus(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      "stop",
    );
    return c.json(await toJourney(db, row), 200);
  })
  .openapi(archive, async (c) => {
    const { db } = c.get("deps");
    const row = await changeJourneyStatus(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      "archive",
    );
    return c.json(await toJourney(db, row), 200);
  })
  .openapi(counts, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, version } = c.req.valid("param");
    await loadJourney(db, workspaceId, id);
    const versions = await listVersions(db, workspaceId, id);
    if (!versions.some((v) => v.version === version)) {
      throw new AppError("not_found", "This journey has no such version.");
    }
    return c.json(
      {
        journeyId: id,
        version,
        nodes: await nodeCounts(db, workspaceId, id, version),
        branches: await branchCounts(db, workspaceId, id, version),
      },
      200,
    );
  });
