import { ContactSnapshot, isTrigger, JourneyEvent, triggerMatches } from "@voronka/journey";
import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { enqueueAdvance } from "./enqueue.ts";
import { type EnrollCandidate, enrollContacts } from "./enroll.ts";
import { loadVersions, versionKey } from "./graphs.ts";
import { loadContactWorlds, snapshotAt } from "./snapshots.ts";

/** A stored track event, as journeys see it. */
export interface RoutedEvent {
  contactId: string;
  name: string;
  properties: Record<string, unknown>;
  timestamp: Date;
}

/** Journey versions that track events of these names can wake (any live or paused version) or start (the current version of a live journey). */
function listeningVersionsWhere(workspaceId: string, names: readonly string[]): SQL {
  return sql`j.workspace_id = ${workspaceId} and j.status in ('live', 'paused')
      and (v.wake_events && ${pgArray(names)}::text[] or (v.version = j.current_version and v.trigger_events && ${pgArray(names)}::text[]))`;
}

/** A boolean SQL expression: does any journey listen to track events of these names? */
export function journeysListenSql(workspaceId: string, names: readonly string[]): SQL {
  return sql`exists (
    select 1 from journeys j
    join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id
    where ${listeningVersionsWhere(workspaceId, names)})`;
}

/**
 * The journey hook of event ingestion, run in the ingesting transaction: (a) queues the events
 * for enrollments (of live or paused journeys, any version) that an event can move — awaited,
 * goal and exit events — and (b) enrolls contacts in live journeys whose event trigger matches,
 * honouring re-entry. Then queues an advance job in the same transaction. Costs one small query
 * when no journey cares about these event names.
 */
export async function routeEventsToJourneys(
  tx: Tx,
  workspaceId: string,
  events: readonly RoutedEvent[],
): Promise<{ woken: number; enrolled: number }> {
  const names = [...new Set(events.map((e) => e.name))];
  if (names.length === 0) return { woken: 0, enrolled: 0 };
  const versions = await tx.execute<{
    journey_id: string;
    version: number;
    is_current: boolean;
    status: string;
    triggers: boolean;
  }>(sql`
    select v.journey_id, v.version, v.version = j.current_version as is_current, j.status,
           v.trigger_events && ${pgArray(names)}::text[] as triggers
    from journeys j
    join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id
    where ${listeningVersionsWhere(workspaceId, names)}`);
  if (versions.rows.length === 0) return { woken: 0, enrolled: 0 };
  const ordered = [...events];
  const woken = await tx.execute(sql`
    insert into enrollment_inbox (workspace_id, enrollment_id, input, at)
    select e.workspace_id, e.id,
           jsonb_build_object('type', 'event', 'event', jsonb_build_object('name', ev.name, 'properties', ev.props::jsonb)),
           ev.ts
    from unnest(${pgArray(ordered.map((e) => e.contactId))}::uuid[], ${pgArray(ordered.map((e) => e.name))}::text[],
                ${pgArray(ordered.map((e) => JSON.stringify(e.properties)))}::text[],
                ${pgArray(ordered.map((e) => e.timestamp.toISOString()))}::timestamptz[]) with ordinality as ev(contact_id, name, props, ts, n)
    join enrollments e on e.workspace_id = ${workspaceId} and e.contact_id = ev.contact_id and e.status in ('active', 'waiting')
    join journey_versions v on v.workspace_id = e.workspace_id and v.journey_id = e.journey_id and v.version = e.version
    where ev.name = any(v.wake_events)
    order by ev.n`);
  const enrolled = await enrollByTrigger(
    tx,
    workspaceId,
    versions.rows.filter((v) => v.is_current && v.status === "live" && v.triggers),
    ordered,
  );
  const wokenCount = woken.rowCount ?? 0;
  if (wokenCount + enrolled > 0) await enqueueAdvance(tx);
  return { woken: wokenCount, enrolled };
}

async function enrollByTrigger(
  tx: Tx,
  workspaceId: string,
  current: readonly { journey_id: string; version: number }[],
  events: readonly RoutedEvent[],
): Promise<number> {
  if (current.length === 0) return 0;
  const loaded = await loadVersions(
    tx,
    current.map((v) => ({ workspaceId, journeyId: v.journey_id, version: v.version })),
  );
  const journeys = current.flatMap((v) => {
    const lv = loaded.get(versionKey(workspaceId, v.journey_id, v.version));
    if (!lv) return [];
    const triggers = lv.graph.nodes.filter(isTrigger).filter((n) => n.type === "trigger-event");
    return [{ lv, triggers }];
  });
  // Profiles are only needed when a trigger filters on more than the event's name.
  const filtered = journeys.some(({ triggers }) =>
    triggers.some((t) => t.data.filter !== undefined),
  );
  const worlds = filtered
    ? await loadContactWorlds(
        tx,
        workspaceId,
        events.map((e) => e.contactId),
        [],
        Date.now(),
      )
    : null;
  const candidates: EnrollCandidate[] = [];
  for (const e of events) {
    const world = worlds?.get(e.contactId);
    const at = e.timestamp.getTime();
    // Properties came in as JSON and were stored as jsonb; the parse only narrows the type.
    const event = JourneyEvent.parse({ name: e.name, properties: e.properties });
    const contact = world ? snapshotAt(world, [], at) : ContactSnapshot.parse({ id: e.contactId });
    for (const { lv, triggers } of journeys) {
      const trigger = triggers.find((t) => triggerMatches(t, { type: "event", event }, contact));
      if (!trigger) continue;
      candidates.push({
        journeyId: lv.journeyId,
        version: lv.version,
        reentry: lv.graph.settings.reentry,
        contactId: e.contactId,
        trigger: trigger.id,
        event,
        at,
      });
    }
  }
  return enrollContacts(tx, workspaceId, candidates);
}
