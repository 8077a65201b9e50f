import { AppError } from "@voronka/core";
import { type JourneyNode, WaitingFor } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { loadVersions, versionKey } from "../engine/graphs.ts";
import { pgArray } from "../sql-array.ts";

export interface MigrateResult {
  /** The version the moved runs are on now. */
  version: number;
  moved: number;
  stayed: number;
}

/**
 * Can a run waiting at `node` of an old version wait at `next` (same id) of the new one? The
 * node must be of the same type, and what the run waits for must still be what it waits for
 * there: a timer, or the same awaited event. Runs awaiting an effect's result stay.
 */
function movable(next: JourneyNode | undefined, type: string, waiting: WaitingFor | null): boolean {
  if (!next || next.type !== type || waiting === null) return false;
  switch (waiting.type) {
    case "time":
      return true;
    case "event":
      return next.type === "wait-for-event" && next.data.event === waiting.event;
    case "effect":
      return false;
  }
}

/**
 * Moves the journey's runs waiting in older versions onto its current version, where the node
 * they wait at still exists (see {@link movable}); the others stay on their version. A run keeps
 * its state (timers, visits, sticky A/B branches), so effect keys stay the same and nothing is
 * sent twice; its open node visit moves to the new version's counts. Batches of `batchSize`
 * runs, each in its own transaction, locking the rows (a run the engine is stepping is waited
 * for, then looked at again). Returns how many moved and stayed.
 */
export async function migrateWaitingRuns(
  db: Db,
  workspaceId: string,
  journeyId: string,
  options: { batchSize?: number } = {},
): Promise<MigrateResult> {
  const batchSize = options.batchSize ?? 1000;
  const j = await db.execute<{ current_version: number | null }>(sql`
    select current_version from journeys where workspace_id = ${workspaceId} and id = ${journeyId}`);
  const row = j.rows[0];
  if (!row) throw new AppError("not_found", "No journey with this id in this workspace.");
  const current = row.current_version;
  if (current === null) throw new AppError("conflict", "The journey has not been published yet.");
  const loaded = await loadVersions(db, [{ workspaceId, journeyId, version: current }]);
  const graph = loaded.get(versionKey(workspaceId, journeyId, current))?.graph;
  if (!graph) throw new AppError("internal", "The journey's current version is missing.");
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const oldGraphs = new Map<number, Map<string, JourneyNode>>();

  let moved = 0;
  let stayed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx.execute<{
        id: string;
        version: number;
        node: string | null;
        waiting: unknown;
      }>(sql`
        select id, version, node, state->'waitingFor' as waiting from enrollments
        where workspace_id = ${workspaceId} and journey_id = ${journeyId} and version < ${current}
          and status = 'waiting' and id > ${after}::uuid
        order by id limit ${batchSize}
        for update`);
      const versions = [...new Set(rows.rows.map((r) => r.version))].filter(
        (v) => !oldGraphs.has(v),
      );
      const old = await loadVersions(
        tx,
        versions.map((version) => ({ workspaceId, journeyId, version })),
      );
      for (const v of versions) {
        const g = old.get(versionKey(workspaceId, journeyId, v))?.graph;
        oldGraphs.set(v, new Map((g?.nodes ?? []).map((n) => [n.id, n])));
      }
      const ids = rows.rows
        .filter((r) => {
          const type = r.node === null ? undefined : oldGraphs.get(r.version)?.get(r.node)?.type;
          const waiting = WaitingFor.nullable().safeParse(r.waiting);
          return (
            r.node !== null &&
            type !== undefined &&
            waiting.success &&
            movable(nodes.get(r.node), type, waiting.data)
          );
        })
        .map((r) => r.id);
      if (ids.length > 0) {
        await tx.execute(sql`
          update enrollments set version = ${current}, updated_at = now()
          where workspace_id = ${workspaceId} and id = any(${pgArray(ids)}::uuid[])`);
        // The open history row moves with the run; the nodes its step passed through before
        // stopping there were visited in the old version and stay in it, as a row of their own.
        await tx.execute(sql`
          with open as (
            select id, journey_id, version, enrollment_id, passed_nodes as p, entered_at
            from journey_transitions
            where workspace_id = ${workspaceId} and enrollment_id = any(${pgArray(ids)}::uuid[]) and left_at is null
          ),
          passed as (
            insert into journey_transitions (workspace_id, journey_id, version, enrollment_id, node_id, passed_nodes, entered_at, left_at, outcome)
            select ${workspaceId}, journey_id, version, enrollment_id, p[cardinality(p)], p[1:cardinality(p) - 1], entered_at, entered_at, 'passed'
            from open where cardinality(p) > 0
          )
          update journey_transitions t set version = ${current}, passed_nodes = '{}'
          from open where t.workspace_id = ${workspaceId} and t.id = open.id`);
      }
      return { seen: rows.rows.length, moved: ids.length, last: rows.rows.at(-1)?.id };
    });
    moved += batch.moved;
    stayed += batch.seen - batch.moved;
    if (batch.seen < batchSize || !batch.last) break;
    after = batch.last;
  }
  return { version: current, moved, stayed };
}
