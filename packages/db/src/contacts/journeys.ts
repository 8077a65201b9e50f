import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "./resolve.ts";

/** One enrollment of a contact, as `contactJourneys` reads it. */
export interface ContactJourneyRow {
  enrollmentId: string;
  journeyId: string;
  journeyName: string;
  journeyStatus: string;
  version: number;
  status: "active" | "waiting" | "exited" | "converted";
  nodeId: string | null;
  /** The node's type in the enrollment's own version (null when it has no node). */
  nodeType: string | null;
  waitingEvent: string | null;
  exitReason: string | null;
  startedAt: Date;
  wakeAt: Date | null;
  /** When the run entered its current node (open transition); null for ended runs. */
  nodeEnteredAt: Date | null;
  endedAt: Date | null;
}

/**
 * A contact's enrollments in every journey of the workspace, runs still going first, newest
 * first, at most `limit`. One statement: the node's type comes from the enrollment's published
 * version and the time it entered that node from its open transition (the partial unique index
 * on `(workspace_id, enrollment_id) where left_at is null`), so the cost does not grow with the
 * number of enrollments beyond the rows returned.
 */
export async function contactJourneys(
  db: Db | Tx,
  workspaceId: string,
  contactId: string,
  limit = 100,
): Promise<ContactJourneyRow[]> {
  const rows = await db.execute<{
    enrollment_id: string;
    journey_id: string;
    journey_name: string;
    journey_status: string;
    version: number;
    status: ContactJourneyRow["status"];
    node_id: string | null;
    node_type: string | null;
    waiting_event: string | null;
    exit_reason: string | null;
    started_at: string;
    wake_at: string | null;
    node_entered_at: string | null;
    ended_at: string | null;
  }>(sql`
    select e.id as enrollment_id, e.journey_id, j.name as journey_name,
           j.status as journey_status, e.version, e.status, e.node as node_id,
           (select n->>'type' from jsonb_array_elements(v.graph->'nodes') n
             where n->>'id' = e.node limit 1) as node_type,
           e.waiting_event, e.state->>'exitReason' as exit_reason,
           e.started_at, e.wake_at, t.entered_at as node_entered_at, e.ended_at
    from enrollments e
    join journeys j on j.workspace_id = e.workspace_id and j.id = e.journey_id
    left join journey_versions v
      on v.workspace_id = e.workspace_id and v.journey_id = e.journey_id and v.version = e.version
    left join journey_transitions t
      on t.workspace_id = e.workspace_id and t.enrollment_id = e.id and t.left_at is null
    where e.workspace_id = ${workspaceId} and e.contact_id = ${contactId}
    order by (e.ended_at is null) desc, e.started_at desc, e.id
    limit ${limit}`);
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return rows.rows.map((r) => ({
    enrollmentId: r.enrollment_id,
    journeyId: r.journey_id,
    journeyName: r.journey_name,
    journeyStatus: r.journey_status,
    version: Number(r.version),
    status: r.status,
    nodeId: r.node_id,
    nodeType: r.node_type,
    waitingEvent: r.waiting_event,
    exitReason: r.exit_reason,
    startedAt: new Date(r.started_at),
    wakeAt: date(r.wake_at),
    nodeEnteredAt: date(r.node_entered_at),
    endedAt: date(r.ended_at),
  }));
}
