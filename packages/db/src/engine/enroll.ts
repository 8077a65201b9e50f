import {
  type JourneyEvent,
  newEnrollment,
  type ReentryPolicy,
  reentryDecision,
  type StepInput,
} from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { uuidV7 } from "../uuid-v7.ts";
import { toStored } from "./stored-state.ts";

/** A contact about to enter a journey version at a trigger. */
export interface EnrollCandidate {
  journeyId: string;
  version: number;
  reentry: ReentryPolicy;
  contactId: string;
  trigger: string;
  event?: JourneyEvent;
  /** Logical start time (ms): the trigger event's time. */
  at: number;
}

type History = { totalRuns: number; activeRuns: number; lastStartedAt: number | null };

/**
 * Creates enrollments for the candidates the journeys' re-entry rules admit, with its `start`
 * input on the row (due at once), in the caller's transaction. Concurrent enrollers of the same
 * (journey, contact) are serialised by an advisory lock, so `once` means once. Returns the
 * number of enrollments created.
 */
export async function enrollContacts(
  tx: Tx,
  workspaceId: string,
  candidates: readonly EnrollCandidate[],
): Promise<number> {
  if (candidates.length === 0) return 0;
  const pairs = [...new Set(candidates.map((c) => `${c.journeyId}:${c.contactId}`))].sort();
  await tx.execute(sql`
    select pg_advisory_xact_lock(hashtextextended(${workspaceId} || ':enroll:' || k, 0))
    from unnest(${pgArray(pairs)}::text[]) with ordinality as t(k, n) order by n`);
  const rows = await tx.execute<{
    journey_id: string;
    contact_id: string;
    total: number;
    active: number;
    last: string | null;
  }>(sql`
    select e.journey_id, e.contact_id, count(*)::int as total,
           count(*) filter (where e.status in ('active', 'waiting'))::int as active, max(e.started_at)::text as last
    from enrollments e
    join unnest(${pgArray(candidates.map((c) => c.journeyId))}::uuid[], ${pgArray(candidates.map((c) => c.contactId))}::uuid[])
      as c(journey_id, contact_id) on e.journey_id = c.journey_id and e.contact_id = c.contact_id
    where e.workspace_id = ${workspaceId}
    group by e.journey_id, e.contact_id`);
  const history = new Map<string, History>();
  for (const r of rows.rows) {
    history.set(`${r.journey_id}:${r.contact_id}`, {
      totalRuns: r.total,
      activeRuns: r.active,
      lastStartedAt: r.last === null ? null : Date.parse(r.last),
    });
  }
  const admitted: (EnrollCandidate & { id: string })[] = [];
  for (const c of candidates) {
    const key = `${c.journeyId}:${c.contactId}`;
    const h = history.get(key) ?? { totalRuns: 0, activeRuns: 0, lastStartedAt: null };
    if (!reentryDecision(c.reentry, h, c.at).enter) continue;
    history.set(key, {
      totalRuns: h.totalRuns + 1,
      activeRuns: h.activeRuns + 1,
      lastStartedAt: c.at,
    });
    admitted.push({ ...c, id: uuidV7() });
  }
  if (admitted.length === 0) return 0;
  const iso = admitted.map((a) => new Date(a.at).toISOString());
  const starts: StepInput[] = admitted.map((a) => ({
    type: "start",
    trigger: a.trigger,
    ...(a.event ? { event: a.event } : {}),
  }));
  // A new run's stored state is the same for all (`{"node": null}`: the columns hold the rest,
  // see toStored), so the batch's first read of it has next to nothing to parse.
  const first = admitted[0] as (typeof admitted)[number];
  const state = JSON.stringify(toStored(newEnrollment(first.id, first.contactId, first.at)));
  // Due at once: the engine's sweep picks new runs up by `wake_at`, like timers.
  await tx.execute(sql`
    insert into enrollments (workspace_id, id, journey_id, version, contact_id, status, state, start, wake_at, started_at)
    select ${workspaceId}, u.id, u.journey_id, u.version, u.contact_id, 'active', ${state}::jsonb, u.start::jsonb, u.at, u.at
    from unnest(${pgArray(admitted.map((a) => a.id))}::uuid[], ${pgArray(admitted.map((a) => a.journeyId))}::uuid[],
                ${pgArray(admitted.map((a) => a.version))}::int[], ${pgArray(admitted.map((a) => a.contactId))}::uuid[],
                ${pgArray(starts.map((i) => JSON.stringify(i)))}::text[],
                ${pgArray(iso)}::timestamptz[]) as u(id, journey_id, version, contact_id, start, at)`);
  return admitted.length;
}
