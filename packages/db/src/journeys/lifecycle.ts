import { AppError } from "@voronka/core";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { enqueueAdvance } from "../engine/enqueue.ts";
import type { JourneyStatus } from "../schema/journeys.ts";
import { getJourney, type JourneyRow } from "./manage.ts";

export type LifecycleAction = "pause" | "resume" | "stop" | "archive";

const ALLOWED: Record<LifecycleAction, { from: readonly JourneyStatus[]; to: JourneyStatus }> = {
  pause: { from: ["live"], to: "paused" },
  resume: { from: ["paused"], to: "live" },
  stop: { from: ["live", "paused"], to: "stopped" },
  archive: { from: ["draft", "stopped"], to: "archived" },
};

/**
 * Moves a journey through its lifecycle. Pause waits for engine batches in flight on this
 * journey (they hold a share lock on its row), so once it returns no step of it runs until
 * resume. Stop ends every run still in the journey (exit reason `journey-stopped`).
 */
export async function changeJourneyStatus(
  db: Db,
  workspaceId: string,
  id: string,
  action: LifecycleAction,
  now: Date = new Date(),
): Promise<JourneyRow> {
  const rule = ALLOWED[action];
  return db.transaction(async (tx) => {
    const current = await tx.execute<{ status: JourneyStatus }>(sql`
      select status from journeys where workspace_id = ${workspaceId} and id = ${id} for update`);
    const status = current.rows[0]?.status;
    if (status === undefined)
      throw new AppError("not_found", "No journey with this id in this workspace.");
    if (!rule.from.includes(status)) {
      throw new AppError(
        "conflict",
        `A ${status} journey cannot ${action}; it must be ${rule.from.join(" or ")}.`,
      );
    }
    if (action === "stop") await endRuns(tx, workspaceId, id, now);
    // Timers that fell due while paused run now, not at the next minute's sweep.
    if (action === "resume") await enqueueAdvance(tx);
    const updated = await tx.execute<{ id: string }>(sql`
      update journeys set status = ${rule.to}, updated_at = ${now},
        resumed_at = case when ${action} = 'resume' then ${now}::timestamptz else resumed_at end
      where workspace_id = ${workspaceId} and id = ${id} returning id`);
    if (updated.rows.length === 0) throw new AppError("internal", "The journey vanished.");
    const row = await getJourney(tx, workspaceId, id);
    if (!row) throw new AppError("internal", "The journey vanished.");
    return row;
  });
}

async function endRuns(tx: Tx, workspaceId: string, journeyId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute(sql`
    with ended as (
      update enrollments set status = 'exited', wake_at = null, start = null, waiting_event = null, ended_at = ${at}, updated_at = now(),
        state = state || jsonb_build_object('status', 'exited', 'wakeAt', null, 'waitingFor', null,
                                            'endedAt', ${now.getTime()}::bigint, 'exitReason', 'journey-stopped')
      where workspace_id = ${workspaceId} and journey_id = ${journeyId} and status in ('active', 'waiting')
      returning id
    ), closed as (
      update journey_transitions t set left_at = ${at}, outcome = 'exited'
      from ended where t.workspace_id = ${workspaceId} and t.enrollment_id = ended.id and t.left_at is null
    )
    delete from enrollment_inbox i using ended where i.workspace_id = ${workspaceId} and i.enrollment_id = ended.id`);
}
