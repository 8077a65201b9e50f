import { createRoute, z } from "@hono/zod-openapi";
import { JourneyVersion } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { listVersions } from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { JourneyParams, loadJourney } from "./dto.ts";

const version = createRoute({
  tags: ["Journeys"],
  middleware: [requireAuth],
  security: secured,
  method: "get",
  path: "/api/journeys/{id}/versions/{version}",
  summary: "A published version's graph, exactly as it was published",
  description:
    "Published versions never change; the editor opens them read-only and compares the draft with the live one before publishing.",
  request: { params: JourneyParams.extend({ version: z.coerce.number().int().min(1) }) },
  responses: {
    200: json(JourneyVersion, "The version."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const journeyVersionRoutes = router().openapi(version, async (c) => {
  const { db } = c.get("deps");
  const { workspaceId } = c.get("auth");
  const { id, version: number } = c.req.valid("param");
  await loadJourney(db, workspaceId, id);
  const row = (await listVersions(db, workspaceId, id)).find((v) => v.version === number);
  if (!row) throw new AppError("not_found", "This journey has no such version.");
  const graph = z.record(z.string(), z.unknown()).safeParse(row.graph);
  return c.json(
    {
      version: row.version,
      publishedAt: row.publishedAt.toISOString(),
      graph: graph.success ? graph.data : {},
    },
    200,
  );
});
