import { sql } from "drizzle-orm";
import type { Tx } from "./resolve.ts";
import type { NormalizedEvent } from "./store-events.ts";

/**
 * Inserts events (one jsonb parameter for the whole batch: no per-element escaping, and
 * Postgres parses each row once), skipping messageIds already stored, and in the same statement
 * moves each contact's last-seen time forward — only when it is more than 5 minutes behind, so
 * a busy contact does not rewrite its row on every event. Returns messageId → event id of the
 * rows inserted.
 */
export async function insertEvents(
  tx: Tx,
  workspaceId: string,
  events: readonly NormalizedEvent[],
  contactIds: readonly string[],
  /**
   * The contacts whose last-seen time is known to be behind (from `probeBatch`), with their
   * newest event time; omitted, every inserted event's contact is checked.
   */
  behind?: ReadonlyArray<{ id: string; ts: Date }>,
  /** False: the caller needs no ids (nothing is sent back, an empty map is returned). */
  returning = true,
): Promise<Map<string, number>> {
  const rows = events.map((e, i) => ({
    m: e.messageId,
    t: e.type,
    n: e.name,
    c: contactIds[i],
    u: e.userId,
    a: e.anonymousId,
    p: e.properties,
    x: e.context,
    // Epoch milliseconds: JSON.stringify's Date#toJSON costs more than the whole rest of a row.
    ts: e.timestamp.getTime(),
  }));
  const insert = sql`
      insert into events (workspace_id, message_id, type, name, contact_id, user_id, anonymous_id, properties, context, timestamp)
      select ${workspaceId}, e.m, e.t, e.n, e.c, e.u, e.a, e.p, e.x, to_timestamp(e.ts / 1000)
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as e(m text, t text, n text, c uuid, u text, a text, p jsonb, x jsonb, ts float8)
      on conflict (workspace_id, message_id) do nothing`;
  const seenBehind =
    behind && behind.length > 0
      ? sql`seen as (
      update contacts c set last_seen_at = s.ts, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(behind)}::jsonb) as s(id uuid, ts timestamptz)
      where c.workspace_id = ${workspaceId} and c.id = s.id and c.last_seen_at < s.ts - interval '5 minutes')`
      : undefined;
  if (!returning && behind !== undefined) {
    // Nothing to send back and last-seen known: a bare insert, the cheapest statement.
    await tx.execute(seenBehind ? sql`with ${seenBehind} ${insert}` : insert);
    return new Map();
  }
  const inserted = await tx.execute<{ id: string; message_id: string }>(sql`
    with ins as (${insert}
      returning id, message_id, contact_id, "timestamp" as ts
    )${
      behind === undefined
        ? sql`, seen as (
      update contacts c set last_seen_at = s.ts, updated_at = now()
      from (select contact_id, max(ts) as ts from ins group by contact_id) s
      where c.workspace_id = ${workspaceId} and c.id = s.contact_id and c.last_seen_at < s.ts - interval '5 minutes')`
        : seenBehind
          ? sql`, ${seenBehind}`
          : sql``
    }
    select id, message_id from ins`);
  return new Map(inserted.rows.map((r) => [r.message_id, Number(r.id)]));
}
