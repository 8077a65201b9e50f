/**
 * Helpers for the engine's DB tests: contacts, publishing, a time-travelling driver that plays
 * a timeline through the real engine (storing events, sweeping timers, answering effects the
 * way the pure harness's default world does), and reading the outbox back.
 */
import { defaultResponder, type Effect, JourneyEvent, type Json } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { storeEvents } from "../contacts/store-events.ts";
import { createJourney, publishJourney } from "../journeys/manage.ts";
import type { Consent } from "../schema/contacts.ts";
import { advanceBatch } from "./advance.ts";
import { recordEffectResults } from "./effect-results.ts";

const ALL_CHANNELS: Consent = {
  email: "subscribed",
  sms: "subscribed",
  telegram: "subscribed",
  whatsapp: "subscribed",
  viber: "subscribed",
};

/** A contact who consented to every channel, created through ingestion. */
export async function createContact(
  db: Db,
  workspaceId: string,
  userId: string,
  opts: { timeZone?: string; traits?: Record<string, unknown> } = {},
): Promise<string> {
  const { stored } = await storeEvents(db, workspaceId, [
    {
      messageId: `identify-${userId}`,
      type: "identify",
      name: null,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      patch: {
        consent: ALL_CHANNELS,
        traits: opts.traits ?? {},
        ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      },
      properties: {},
      context: {},
      timestamp: new Date("2020-01-01T00:00:00Z"),
    },
  ]);
  const id = stored[0]?.contactId;
  if (!id) throw new Error("contact not created");
  return id;
}

let messages = 0;

/** Stores one track event (the journey hook runs inside, as in production). */
export async function track(
  db: Db,
  workspaceId: string,
  userId: string,
  name: string,
  at: number,
  properties: Record<string, unknown> = {},
): Promise<void> {
  messages++;
  await storeEvents(db, workspaceId, [
    {
      messageId: `m-${messages}-${name}`,
      type: "track",
      name,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      properties,
      context: {},
      timestamp: new Date(at),
    },
  ]);
}

/** Creates and publishes a journey; returns its id. */
export async function publish(
  db: Db,
  workspaceId: string,
  graph: unknown,
  name = "Journey",
): Promise<string> {
  const j = await createJourney(db, workspaceId, { name, draft: graph });
  const r = await publishJourney(db, workspaceId, j.id);
  if ("violations" in r) throw new Error(`violations: ${JSON.stringify(r.violations)}`);
  return j.id;
}

/**
 * Runs the engine at `now` until nothing is due, answering pending promo codes and awaited
 * webhooks like the harness's default world (at the logical time of the effect).
 */
export async function settle(db: Db, workspaceId: string, now: number): Promise<void> {
  for (let round = 0; round < 100; round++) {
    let moved = false;
    for (;;) {
      const r = await advanceBatch(db, { now, batchSize: 50 });
      if (r.enrollments === 0) break;
      moved = true;
    }
    const pending = await db.execute<{ key: string; payload: Effect; at: string }>(sql`
      select key, payload, at::text as at from journey_effects
      where workspace_id = ${workspaceId} and status = 'pending'
        and (type = 'issue-promo-code' or (type = 'webhook' and (payload->>'awaitResponse')::boolean))`);
    if (pending.rows.length > 0) {
      await db.transaction((tx) =>
        recordEffectResults(
          tx,
          workspaceId,
          pending.rows.map((p) => ({
            key: p.key,
            ...defaultResponder(p.payload),
            at: Date.parse(p.at),
          })),
        ),
      );
      moved = true;
    }
    if (!moved) return;
  }
  throw new Error("engine did not settle");
}

/** The earliest wake time of waiting enrollments, or Infinity. */
export async function nextWake(db: Db, workspaceId: string): Promise<number> {
  const r = await db.execute<{ at: string | null }>(sql`
    select min(wake_at)::text as at from enrollments where workspace_id = ${workspaceId} and status = 'waiting'`);
  const at = r.rows[0]?.at;
  return at ? Date.parse(at) : Infinity;
}

export interface TimelineEvent {
  at: string;
  name: string;
  properties?: Record<string, Json>;
}

/**
 * Plays a timeline like the harness: the next event or wake-up, whichever comes first, until
 * `until`. The sweep runs `lagMs` after each wake-up (a late sweeper must change nothing).
 */
export async function play(
  db: Db,
  workspaceId: string,
  userId: string,
  events: readonly TimelineEvent[],
  until: number,
  lagMs = 0,
): Promise<void> {
  const queue = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (let i = 0; i < 500; i++) {
    const wake = await nextWake(db, workspaceId);
    const ev = queue[0];
    if (ev && Date.parse(ev.at) <= wake && Date.parse(ev.at) <= until) {
      queue.shift();
      const e = JourneyEvent.parse({ name: ev.name, properties: ev.properties ?? {} });
      await track(db, workspaceId, userId, e.name, Date.parse(ev.at), e.properties);
      await settle(db, workspaceId, Date.parse(ev.at));
    } else if (wake <= until) {
      await settle(db, workspaceId, wake + lagMs);
    } else return;
  }
  throw new Error("timeline did not end");
}

/**
 * Every effect the engine produced in a workspace as `{ key, type, nodeId, at, payload }`,
 * sorted by key: the outbox rows, and the internal effects the steps' transition rows record
 * (a failed internal effect has both; it counts once).
 */
export async function outbox(db: Db, workspaceId: string) {
  const r = await db.execute<{
    key: string;
    type: string;
    node_id: string;
    at: string;
    payload: Effect;
  }>(sql`
    select key, type, node_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, payload
    from journey_effects where workspace_id = ${workspaceId} and channel <> 'internal'
    union all
    select x->>'key', x->>'type', x->>'nodeId',
           to_char(t.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), x::jsonb
    from journey_transitions t cross join lateral json_array_elements(t.effects) as x
    where t.workspace_id = ${workspaceId} and t.effects is not null
    order by key`);
  return r.rows.map((x) => ({
    key: x.key,
    type: x.type,
    nodeId: x.node_id,
    at: x.at,
    payload: x.payload,
  }));
}
