import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { loadVersions, versionKey } from "../engine/graphs.ts";
import { pgArray } from "../sql-array.ts";

/** How many contacts went through each node of a version. */
export interface NodeCounts {
  nodeId: string;
  /** Visits of the node. */
  entered: number;
  /** Enrollments there now (waiting). */
  waiting: number;
  /** Visits that went on to the next node. */
  passed: number;
  /** Runs that converted at this node. */
  converted: number;
  /** Runs that ended at this node otherwise. */
  exited: number;
}

/** Per-node counts of one journey version, from the transition history. */
export async function nodeCounts(
  db: Db,
  workspaceId: string,
  journeyId: string,
  version: number,
): Promise<NodeCounts[]> {
  const rows = await db.execute<{
    node_id: string;
    entered: number;
    waiting: number;
    passed: number;
    converted: number;
    exited: number;
  }>(sql`
    select node_id, count(*)::int as entered,
           count(*) filter (where left_at is null)::int as waiting,
           count(*) filter (where outcome = 'passed')::int as passed,
           count(*) filter (where outcome = 'converted')::int as converted,
           count(*) filter (where outcome = 'exited')::int as exited
    from journey_node_visits
    where workspace_id = ${workspaceId} and journey_id = ${journeyId} and version = ${version}
    group by node_id order by node_id`);
  return rows.rows.map((r) => ({
    nodeId: r.node_id,
    entered: r.entered,
    waiting: r.waiting,
    passed: r.passed,
    converted: r.converted,
    exited: r.exited,
  }));
}

/** One arm of an A/B split node. */
export interface BranchCounts {
  /** The split node. */
  nodeId: string;
  /** Branch id, or `holdout`. */
  branch: string;
  name: string;
  /** Enrollments assigned to this arm. */
  entered: number;
  /** Of those, enrollments that ended converted (anywhere after the split). */
  converted: number;
}

/**
 * Per-arm counts of every split node of a version: the enrollments that passed the split (from
 * the transition history) grouped by the arm they were assigned (the enrollment's sticky
 * branch), and how many of them converted. Every arm is listed, with zeros when nobody got it.
 */
export async function branchCounts(
  db: Db,
  workspaceId: string,
  journeyId: string,
  version: number,
): Promise<BranchCounts[]> {
  const loaded = await loadVersions(db, [{ workspaceId, journeyId, version }]);
  const graph = loaded.get(versionKey(workspaceId, journeyId, version))?.graph;
  const splits = (graph?.nodes ?? []).filter((n) => n.type === "split");
  if (splits.length === 0) return [];
  const rows = await db.execute<{
    node_id: string;
    branch: string | null;
    entered: number;
    converted: number;
  }>(sql`
    select t.node_id, e.state->'branches'->>t.node_id as branch,
           count(distinct t.enrollment_id)::int as entered,
           count(distinct t.enrollment_id) filter (where e.status = 'converted')::int as converted
    from journey_node_visits t
    join enrollments e on e.workspace_id = t.workspace_id and e.id = t.enrollment_id
    where t.workspace_id = ${workspaceId} and t.journey_id = ${journeyId} and t.version = ${version}
      and t.node_id = any(${pgArray(splits.map((s) => s.id))}::text[])
    group by 1, 2`);
  const found = new Map(rows.rows.map((r) => [`${r.node_id}\u0000${r.branch}`, r]));
  return splits.flatMap((s) => {
    const arms = s.data.branches.map((b) => ({ id: b.id, name: b.name }));
    if (s.data.holdout) arms.push({ id: "holdout", name: "Holdout" });
    return arms.map((arm) => {
      const r = found.get(`${s.id}\u0000${arm.id}`);
      return {
        nodeId: s.id,
        branch: arm.id,
        name: arm.name,
        entered: r?.entered ?? 0,
        converted: r?.converted ?? 0,
      };
    });
  });
}
