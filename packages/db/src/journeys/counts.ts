import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";

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
    from journey_transitions
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
