import { AppError } from "@voronka/core";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client.ts";
import type { Tx } from "./resolve.ts";

/** One entry of a contact's timeline, newest first. */
export type TimelineEntry =
  | {
      kind: "event";
      id: string;
      at: Date;
      type: string;
      name: string | null;
      properties: Record<string, unknown>;
    }
  | {
      kind: "stage_move";
      id: string;
      at: Date;
      funnelId: string;
      fromStage: string | null;
      toStage: string;
      cause: string;
      lostReason: string | null;
      lostNote: string | null;
    }
  | { kind: "lead"; id: string; at: Date; channel: string; utm: Record<string, string> };

export interface TimelinePage {
  entries: TimelineEntry[];
  nextCursor: string | null;
}

/**
 * Order of the timeline: time (as Postgres text, to the microsecond), then kind, then id
 * within the kind. The cursor is the last entry's triple.
 */
const RANK = { event: 1, stage_move: 2, lead: 3 } as const;
type Kind = keyof typeof RANK;
const Cursor = z.tuple([z.string().max(40), z.enum(["event", "stage_move", "lead"]), z.string()]);
type Cursor = z.infer<typeof Cursor>;

function decode(cursor: string): Cursor {
  try {
    const value = Cursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    // The id is compared as a bigint or a uuid below: check its shape now, not as a 500 later.
    const idOk =
      value[1] === "lead" ? z.uuid().safeParse(value[2]).success : /^\d{1,19}$/.test(value[2]);
    if (!idOk) throw new Error("bad id");
    return value;
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this API returned.", {
      details: [{ path: "cursor", message: "Pass nextCursor of the previous page unchanged." }],
    });
  }
}

const TS = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** Rows of one kind strictly after the cursor in timeline order. */
function after(kind: Kind, at: string, id: string, cursor: Cursor | undefined): SQL {
  if (!cursor) return sql`true`;
  const [cts, ckind, cid] = cursor;
  const atCol = sql.raw(at);
  const idCol = sql.raw(id);
  if (RANK[kind] < RANK[ckind]) return sql`${atCol} <= ${cts}::timestamptz`;
  if (RANK[kind] > RANK[ckind]) return sql`${atCol} < ${cts}::timestamptz`;
  const cast = kind === "lead" ? sql`::uuid` : sql`::bigint`;
  return sql`(${atCol}, ${idCol}) < (${cts}::timestamptz, ${cid}${cast})`;
}

type Keyed = { entry: TimelineEntry; ts: string };

/**
 * A page of a contact's unified timeline — events, stage moves (with stage names and the lost
 * reason) and leads — newest first. Each source is read by its own index-backed keyset query
 * of at most `limit + 1` rows; the three are merged here.
 */
export async function contactTimeline(
  db: Db | Tx,
  workspaceId: string,
  contactId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<TimelinePage> {
  const cursor = page.cursor ? decode(page.cursor) : undefined;
  const n = page.limit + 1;
  const [events, moves, leads] = await Promise.all([
    db.execute<{
      id: string;
      ts: string;
      type: string;
      name: string | null;
      properties: Record<string, unknown>;
    }>(sql`
      select e.id::text as id, ${TS("e.timestamp")} as ts, e.type, e.name, e.properties
      from events e
      where e.workspace_id = ${workspaceId} and e.contact_id = ${contactId}
        and ${after("event", "e.timestamp", "e.id", cursor)}
      order by e.timestamp desc, e.id desc limit ${n}`),
    db.execute<{
      id: string;
      ts: string;
      funnel_id: string;
      from_name: string | null;
      to_name: string;
      cause: string;
      lost_reason: string | null;
      lost_note: string | null;
    }>(sql`
      select m.id::text as id, ${TS("m.moved_at")} as ts, m.funnel_id, f.name as from_name, t.name as to_name,
             m.cause, r.label as lost_reason, m.lost_note
      from stage_moves m
      join funnel_stages t on t.workspace_id = m.workspace_id and t.id = m.to_stage_id
      left join funnel_stages f on f.workspace_id = m.workspace_id and f.id = m.from_stage_id
      left join lost_reasons r on r.workspace_id = m.workspace_id and r.id = m.lost_reason_id
      where m.workspace_id = ${workspaceId} and m.contact_id = ${contactId}
        and ${after("stage_move", "m.moved_at", "m.id", cursor)}
      order by m.moved_at desc, m.id desc limit ${n}`),
    db.execute<{ id: string; ts: string; channel: string; utm: Record<string, string> }>(sql`
      select l.id::text as id, ${TS("l.created_at")} as ts, l.channel, l.utm
      from leads l
      where l.workspace_id = ${workspaceId} and l.contact_id = ${contactId}
        and ${after("lead", "l.created_at", "l.id", cursor)}
      order by l.created_at desc, l.id desc limit ${n}`),
  ]);
  const all: Keyed[] = [
    ...events.rows.map((r) => ({
      ts: r.ts,
      entry: {
        kind: "event" as const,
        id: r.id,
        at: new Date(r.ts),
        type: r.type,
        name: r.name,
        properties: r.properties,
      },
    })),
    ...moves.rows.map((r) => ({
      ts: r.ts,
      entry: {
        kind: "stage_move" as const,
        id: r.id,
        at: new Date(r.ts),
        funnelId: r.funnel_id,
        fromStage: r.from_name,
        toStage: r.to_name,
        cause: r.cause,
        lostReason: r.lost_reason,
        lostNote: r.lost_note,
      },
    })),
    ...leads.rows.map((r) => ({
      ts: r.ts,
      entry: {
        kind: "lead" as const,
        id: r.id,
        at: new Date(r.ts),
        channel: r.channel,
        utm: r.utm,
      },
    })),
  ];
  all.sort(newestFirst);
  const more = all.length > page.limit;
  const entries = all.slice(0, page.limit);
  const last = entries.at(-1);
  return {
    entries: entries.map((k) => k.entry),
    nextCursor:
      more && last
        ? Buffer.from(JSON.stringify([last.ts, last.entry.kind, last.entry.id])).toString(
            "base64url",
          )
        : null,
  };
}

function compareIds(kind: Kind, a: string, b: string): number {
  if (kind === "lead") return a < b ? -1 : a > b ? 1 : 0;
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function newestFirst(a: Keyed, b: Keyed): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? 1 : -1;
  const rank = RANK[b.entry.kind] - RANK[a.entry.kind];
  if (rank !== 0) return rank;
  return -compareIds(a.entry.kind, a.entry.id, b.entry.id);
}
