import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "./resolve.ts";
import type { NormalizedEvent } from "./store-events.ts";

/** Contacts whose last-seen time is behind, with their newest event time. */
type Behind = ReadonlyArray<{ id: string; ts: Date }>;

/**
 * `insert into events … select` from one jsonb parameter for the whole batch: no per-element
 * escaping, and Postgres parses each row once. No conflict clause.
 */
function valuesSql(
  workspaceId: string,
  events: readonly NormalizedEvent[],
  contactIds: readonly string[],
): SQL {
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
  return sql`
      insert into events (workspace_id, message_id, type, name, contact_id, user_id, anonymous_id, properties, context, timestamp)
      select ${workspaceId}, e.m, e.t, e.n, e.c, e.u, e.a, e.p, e.x, to_timestamp(e.ts / 1000)
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as e(m text, t text, n text, c uuid, u text, a text, p jsonb, x jsonb, ts float8)`;
}

const skipStored = sql`on conflict (workspace_id, message_id) do nothing`;

/** Moves the given contacts' last-seen time forward, if more than 5 minutes behind. */
function seenSql(workspaceId: string, behind: Behind): SQL {
  return sql`seen as (
      update contacts c set last_seen_at = s.ts, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(behind)}::jsonb) as s(id uuid, ts timestamptz)
      where c.workspace_id = ${workspaceId} and c.id = s.id and c.last_seen_at < s.ts - interval '5 minutes')`;
}

/**
 * Inserts events, skipping messageIds already stored, and in the same statement moves each
 * contact's last-seen time forward — only when it is more than 5 minutes behind, so a busy
 * contact does not rewrite its row on every event. Returns messageId → event id of the rows
 * inserted.
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
  behind?: Behind,
): Promise<Map<string, number>> {
  const seen =
    behind === undefined
      ? sql`, seen as (
      update contacts c set last_seen_at = s.ts, updated_at = now()
      from (select contact_id, max(ts) as ts from ins group by contact_id) s
      where c.workspace_id = ${workspaceId} and c.id = s.contact_id and c.last_seen_at < s.ts - interval '5 minutes')`
      : behind.length > 0
        ? sql`, ${seenSql(workspaceId, behind)}`
        : sql``;
  const inserted = await tx.execute<{ id: string; message_id: string }>(sql`
    with ins as (${valuesSql(workspaceId, events, contactIds)} ${skipStored}
      returning id, message_id, contact_id, "timestamp" as ts
    )${seen}
    select id, message_id from ins`);
  return new Map(inserted.rows.map((r) => [r.message_id, Number(r.id)]));
}

/**
 * `insertEvents` as a statement of its own (it commits by itself) for a caller that needs no
 * ids back, with the last-seen updates known beforehand. It is tried first without ON CONFLICT,
 * whose speculative insertion costs ≈ 10 % more Postgres CPU a row; a re-delivered messageId
 * makes that attempt fail as a whole, and the batch is then inserted again skipping the
 * messageIds already stored. Outside a transaction only: the failed attempt must not abort one.
 */
export async function insertEventsAlone(
  db: Db,
  workspaceId: string,
  events: readonly NormalizedEvent[],
  contactIds: readonly string[],
  behind: Behind,
): Promise<void> {
  const values = valuesSql(workspaceId, events, contactIds);
  const withSeen = (q: SQL) =>
    behind.length > 0 ? sql`with ${seenSql(workspaceId, behind)} ${q}` : q;
  try {
    await db.execute(withSeen(values));
  } catch (err) {
    if (!isDuplicateMessageId(err)) throw err;
    await db.execute(withSeen(sql`${values} ${skipStored}`));
  }
}

/** The insert failed on `events`' unique messageId (drizzle wraps the driver's error). */
function isDuplicateMessageId(err: unknown): boolean {
  const e = err as {
    cause?: { code?: string; constraint?: string };
    code?: string;
    constraint?: string;
  };
  const cause = e.cause ?? e;
  return cause.code === "23505" && cause.constraint === "events_message_id_key";
}
