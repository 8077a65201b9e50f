import { Channel, type ContactSnapshot, type EventCountQuery, type Json } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { uuidArray } from "./uuid-array.ts";

/**
 * What the engine knows about one contact during a batch: the snapshot without time-dependent
 * parts, plus the raw times those parts are computed from at each step's own logical time.
 */
export interface ContactWorld {
  base: ContactSnapshot;
  /** Event name → times (ms), ascending. */
  eventTimes: Map<string, number[]>;
  /** Times (ms) of emails/messages sent by journeys. */
  sendTimes: number[];
}

/** How far back sends are loaded for frequency caps. */
const SEND_HISTORY_MS = 31 * 86_400_000;

/** Profile columns conditions read as attributes (traits of the same name win). */
const FIRST_CLASS = [
  ["email", "email"],
  ["phone", "phone"],
  ["first_name", "firstName"],
  ["last_name", "lastName"],
  ["name", "name"],
  ["city", "city"],
  ["country", "country"],
  ["birthday", "birthday"],
] as const;

type ContactRow = {
  id: string;
  time_zone: string | null;
  traits: Record<string, Json> | null;
  tags: string[];
  consent: Record<string, string> | null;
  stages: Record<string, { stage: string; lost: boolean }> | null;
} & { [K in (typeof FIRST_CLASS)[number][0]]: string | null };

/**
 * Loads the contacts of a batch set-based: one query for profiles and funnel stages, one for
 * the event times the graphs' conditions count, one for recent journey sends.
 */
export async function loadContactWorlds(
  tx: Tx,
  workspaceId: string,
  contactIds: readonly string[],
  queries: readonly EventCountQuery[],
  now: number,
  /**
   * What else to load: journey send times (only frequency caps read them) and funnel stages
   * (only stage conditions read them; without, every contact is in no stage).
   */
  load: { sends: boolean; stages: boolean } = { sends: true, stages: true },
): Promise<Map<string, ContactWorld>> {
  const out = new Map<string, ContactWorld>();
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return out;
  const stages = load.stages
    ? sql`(select jsonb_object_agg(cs.funnel_id, jsonb_build_object('stage', cs.stage_id, 'lost', s.kind = 'lost'))
              from contact_stages cs
              join funnel_stages s on s.workspace_id = cs.workspace_id and s.id = cs.stage_id
             where cs.workspace_id = c.workspace_id and cs.contact_id = c.id)`
    : sql`null::jsonb`;
  const rows = await tx.execute<ContactRow>(sql`
    select c.id, c.time_zone, c.traits, c.tags, c.consent, c.email, c.phone, c.first_name,
           c.last_name, c.name, c.city, c.country, c.birthday::text as birthday, ${stages} as stages
    from unnest(${uuidArray(ids)}::uuid[]) as i(id)
    -- One primary-key probe per id, whatever the statistics of a freshly filled table say.
    cross join lateral (select * from contacts c0
                        where c0.workspace_id = ${workspaceId} and c0.id = i.id offset 0) c`);
  for (const r of rows.rows) {
    out.set(r.id, { base: toSnapshot(r), eventTimes: new Map(), sendTimes: [] });
  }

  const names = [...new Set(queries.map((q) => q.event))];
  if (names.length > 0) {
    // The widest window per name bounds what is loaded; `ever` loads all.
    const widest = new Map<string, number | null>();
    for (const q of queries) {
      const prev = widest.get(q.event);
      const w = q.withinSeconds;
      widest.set(q.event, prev === null || w === null ? null : Math.max(prev ?? 0, w));
    }
    const events = await tx.execute<{ contact_id: string; name: string; times: string[] }>(sql`
      select e.contact_id, e.name, array_agg(e.timestamp order by e.timestamp)::text[] as times
      from events e
      join unnest(${pgArray([...widest.keys()])}::text[], ${pgArray([...widest.values()])}::int[]) as q(name, secs)
        on e.name = q.name
      where e.workspace_id = ${workspaceId} and e.contact_id = any(${pgArray(ids)}::uuid[])
        and e.type = 'track'
        and (q.secs is null or e.timestamp > ${new Date(now).toISOString()}::timestamptz - make_interval(secs => q.secs) - interval '31 days')
      group by e.contact_id, e.name`);
    for (const r of events.rows) {
      out.get(r.contact_id)?.eventTimes.set(
        r.name,
        r.times.map((t) => Date.parse(t)),
      );
    }
  }

  if (!load.sends) return out;
  const sends = await tx.execute<{ contact_id: string; times: string[] }>(sql`
    select contact_id, array_agg(at order by at)::text[] as times
    from journey_effects
    where workspace_id = ${workspaceId} and contact_id = any(${pgArray(ids)}::uuid[])
      and type in ('send-email', 'send-message')
      and at > ${new Date(now - SEND_HISTORY_MS).toISOString()}::timestamptz
    group by contact_id`);
  for (const r of sends.rows) {
    const w = out.get(r.contact_id);
    if (w) w.sendTimes = r.times.map((t) => Date.parse(t));
  }
  return out;
}

function toSnapshot(r: ContactRow): ContactSnapshot {
  const attributes: Record<string, Json> = { ...(r.traits ?? {}) };
  for (const [column, attr] of FIRST_CLASS) {
    const v = r[column];
    if (v !== null && !(attr in attributes)) attributes[attr] = v;
  }
  const consent: ContactSnapshot["consent"] = {};
  for (const [channel, state] of Object.entries(r.consent ?? {})) {
    const c = Channel.safeParse(channel);
    if (c.success) consent[c.data] = state === "subscribed";
  }
  return {
    id: r.id,
    timeZone: r.time_zone ?? "UTC",
    attributes,
    tags: r.tags,
    consent,
    stages: r.stages ?? {},
    segments: [],
    eventCounts: {},
    recentSends: [],
  };
}

/** The snapshot as of `now`: event counts and sends up to and including that instant. */
export function snapshotAt(
  world: ContactWorld,
  queries: readonly EventCountQuery[],
  now: number,
): ContactSnapshot {
  const eventCounts: Record<string, number> = {};
  for (const q of queries) {
    const since = q.withinSeconds === null ? -Infinity : now - q.withinSeconds * 1000;
    const times = world.eventTimes.get(q.event) ?? [];
    let n = 0;
    for (const t of times) if (t > since && t <= now) n++;
    eventCounts[q.key] = n;
  }
  const recentSends = world.sendTimes.filter((t) => t <= now).map((t) => new Date(t).toISOString());
  return { ...world.base, eventCounts, recentSends };
}
