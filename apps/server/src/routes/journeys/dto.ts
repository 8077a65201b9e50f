import { z } from "@hono/zod-openapi";
import type { Journey, JourneySummary } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { type Db, draftViolations, getJourney, type JourneyRow, listVersions } from "@voronka/db";

export const JourneyParams = z.object({ id: z.uuid() });

/** The journey of this workspace, or a 404 that says nothing about other workspaces. */
export async function loadJourney(db: Db, workspaceId: string, id: string): Promise<JourneyRow> {
  const row = await getJourney(db, workspaceId, id);
  if (!row) throw new AppError("not_found", "No journey with this id in this workspace.");
  return row;
}

export function toSummary(row: JourneyRow): JourneySummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    currentVersion: row.currentVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A draft column holds what the editor sent; an object is all the API ever stores. */
function draftObject(draft: unknown): Record<string, unknown> {
  const parsed = z.record(z.string(), z.unknown()).safeParse(draft);
  return parsed.success ? parsed.data : {};
}

export async function toJourney(db: Db, row: JourneyRow): Promise<Journey> {
  const versions = await listVersions(db, row.workspaceId, row.id);
  return {
    ...toSummary(row),
    draft: draftObject(row.draft),
    violations: draftViolations(row.draft),
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
    })),
  };
}
