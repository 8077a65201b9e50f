import { AppError } from "@voronka/core";
import { type EntryDecision, reentryDecision } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { enqueueAdvance } from "../engine/enqueue.ts";
import { enrollContacts } from "../engine/enroll.ts";
import { type LoadedVersion, loadVersions, versionKey } from "../engine/graphs.ts";

/** A live journey's current version and its manual trigger, ready to enroll into. */
export interface ManualTarget {
  version: LoadedVersion;
  triggerId: string;
}

/**
 * The journey's current version and "Manual enrollment" trigger, share-locking the journey row
 * so a pause or stop waits for this transaction. A journey that is not live, or has no manual
 * trigger, is a 409 that says what to do.
 */
export async function manualTarget(
  tx: Tx,
  workspaceId: string,
  journeyId: string,
): Promise<ManualTarget> {
  const rows = await tx.execute<{ status: string; current_version: number | null }>(sql`
    select status, current_version from journeys where workspace_id = ${workspaceId} and id = ${journeyId}
    for share`);
  const j = rows.rows[0];
  if (!j) throw new AppError("not_found", "No journey with this id in this workspace.");
  if (j.status !== "live" || j.current_version === null) {
    throw new AppError(
      "conflict",
      `Contacts can only be enrolled in a live journey; this one is ${j.status}.`,
    );
  }
  const loaded = await loadVersions(tx, [{ workspaceId, journeyId, version: j.current_version }]);
  const version = loaded.get(versionKey(workspaceId, journeyId, j.current_version));
  if (!version) throw new AppError("internal", "The journey's version is missing.");
  const trigger = version.graph.nodes.find((n) => n.type === "trigger-manual");
  if (!trigger) {
    throw new AppError(
      "conflict",
      'This journey has no "Manual enrollment" trigger. Add one and publish to enroll contacts by hand.',
    );
  }
  return { version, triggerId: trigger.id };
}

export type ManualEnrollOutcome =
  | { enrolled: true }
  | { enrolled: false; reason: Extract<EntryDecision, { enter: false }>["reason"] };

/**
 * Enrolls one live contact of the workspace in a live journey at its manual trigger, if the
 * journey's re-entry rule admits it, and queues the engine.
 */
export async function enrollContactManually(
  db: Db,
  workspaceId: string,
  journeyId: string,
  contactId: string,
  now: number = Date.now(),
): Promise<ManualEnrollOutcome> {
  return db.transaction(async (tx) => {
    const target = await manualTarget(tx, workspaceId, journeyId);
    const contact = await tx.execute(sql`
      select 1 from contacts where workspace_id = ${workspaceId} and id = ${contactId} and merged_into is null`);
    if (contact.rows.length === 0) {
      throw new AppError("not_found", "No contact with this id in this workspace.");
    }
    const n = await enrollContacts(tx, workspaceId, [
      {
        journeyId,
        version: target.version.version,
        reentry: target.version.graph.settings.reentry,
        contactId,
        trigger: target.triggerId,
        at: now,
      },
    ]);
    if (n > 0) {
      await enqueueAdvance(tx);
      return { enrolled: true };
    }
    return {
      enrolled: false,
      reason: await refusal(tx, workspaceId, journeyId, contactId, target, now),
    };
  });
}

/** Why re-entry kept the contact out (recomputed from its runs, for the caller to show). */
async function refusal(
  tx: Tx,
  workspaceId: string,
  journeyId: string,
  contactId: string,
  target: ManualTarget,
  now: number,
): Promise<Extract<EntryDecision, { enter: false }>["reason"]> {
  const r = await tx.execute<{ total: number; active: number; last: string | null }>(sql`
    select count(*)::int as total, count(*) filter (where status in ('active', 'waiting'))::int as active,
           max(started_at)::text as last
    from enrollments where workspace_id = ${workspaceId} and journey_id = ${journeyId} and contact_id = ${contactId}`);
  const h = r.rows[0];
  const decision = reentryDecision(
    target.version.graph.settings.reentry,
    {
      totalRuns: h?.total ?? 0,
      activeRuns: h?.active ?? 0,
      lastStartedAt: h?.last ? Date.parse(h.last) : null,
    },
    now,
  );
  return decision.enter ? "still-active" : decision.reason;
}
