import {
  type EventCountQuery,
  eventCountQueries,
  eventsOfInterest,
  JourneyGraph,
  readsStages,
} from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";

/** A published version, parsed once per process (versions never change). */
export interface LoadedVersion {
  workspaceId: string;
  journeyId: string;
  version: number;
  graph: JourneyGraph;
  countQueries: EventCountQuery[];
  wakeEvents: string[];
  /** A condition of the graph reads funnel stages: contacts are loaded with theirs. */
  readsStages: boolean;
}

const cache = new Map<string, LoadedVersion>();
const CACHE_LIMIT = 2_000;

export const versionKey = (workspaceId: string, journeyId: string, version: number) =>
  `${workspaceId}:${journeyId}:${version}`;

/** Wraps a parsed graph with what the engine derives from it. */
export function loadedVersion(
  workspaceId: string,
  journeyId: string,
  version: number,
  graph: JourneyGraph,
): LoadedVersion {
  return {
    workspaceId,
    journeyId,
    version,
    graph,
    countQueries: eventCountQueries(graph),
    wakeEvents: eventsOfInterest(graph),
    readsStages: readsStages(graph),
  };
}

/**
 * The parsed graphs of the given versions, from the process cache or one query for the
 * missing ones. The same graph object is returned for a version every time, so the
 * interpreter's compiled index of it is reused.
 */
export async function loadVersions(
  tx: Tx,
  refs: readonly { workspaceId: string; journeyId: string; version: number }[],
): Promise<Map<string, LoadedVersion>> {
  const out = new Map<string, LoadedVersion>();
  const missing: (typeof refs)[number][] = [];
  for (const r of refs) {
    const key = versionKey(r.workspaceId, r.journeyId, r.version);
    const hit = cache.get(key);
    if (hit) out.set(key, hit);
    else if (!out.has(key)) missing.push(r);
  }
  if (missing.length === 0) return out;
  const rows = await tx.execute<{
    workspace_id: string;
    journey_id: string;
    version: number;
    graph: unknown;
  }>(sql`
    select v.workspace_id, v.journey_id, v.version, v.graph
    from journey_versions v
    join unnest(${pgArray(missing.map((m) => m.workspaceId))}::uuid[],
                ${pgArray(missing.map((m) => m.journeyId))}::uuid[],
                ${pgArray(missing.map((m) => m.version))}::int[]) as r(workspace_id, journey_id, version)
      on v.workspace_id = r.workspace_id and v.journey_id = r.journey_id and v.version = r.version`);
  if (cache.size + rows.rows.length > CACHE_LIMIT) cache.clear();
  for (const row of rows.rows) {
    // Published graphs passed validation; parsing again fills defaults and guards the column.
    const graph = JourneyGraph.parse(row.graph);
    const v = loadedVersion(row.workspace_id, row.journey_id, row.version, graph);
    const key = versionKey(row.workspace_id, row.journey_id, row.version);
    cache.set(key, v);
    out.set(key, v);
  }
  return out;
}
