import { AppError } from "@voronka/core";
import { type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../client.ts";
import { CONTACT_SEARCH_TEXT, contacts } from "../schema/contacts.ts";
import type { Tx } from "./resolve.ts";

export type ContactRow = typeof contacts.$inferSelect;

/** Filters of the contacts list and the CSV export (already validated by the caller). */
export interface ContactListFilters {
  q?: string | undefined;
  funnel?: string | undefined;
  stage?: string | undefined;
  tag?: string | undefined;
  source?: string | undefined;
  /** `channel=subscribed` */
  consent?: string | undefined;
  lastSeenAfter?: string | undefined;
  lastSeenBefore?: string | undefined;
}

/** A list row: the contact and, with the `stage` filter, when it entered that stage (ISO). */
export interface ContactListRow extends ContactRow {
  stageEnteredAt: string | null;
}

export interface ContactPage {
  rows: ContactListRow[];
  nextCursor: string | null;
}

/**
 * The opaque cursor: the last row's `last_seen_at` as Postgres text (microseconds, which a JS
 * Date would lose and so repeat or skip rows) and its id.
 */
const CursorValue = z.tuple([z.string().max(40), z.uuid()]);

function encodeCursor(ts: string, id: string): string {
  return Buffer.from(JSON.stringify([ts, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    return CursorValue.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this API returned.", {
      details: [{ path: "cursor", message: "Pass nextCursor of the previous page unchanged." }],
    });
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `q` as typed: a phone number is searched by its digits, anything else as a substring. */
function searchFilter(q: string): SQL {
  const digits = q.replace(/\D/g, "");
  const looksLikePhone = /^[\d\s()+.-]+$/.test(q) && digits.length >= 3;
  const needle = looksLikePhone ? digits : q;
  return sql`(${CONTACT_SEARCH_TEXT}) ilike ${`%${escapeLike(needle)}%`}`;
}

/** The WHERE clause of a filtered contacts query: live (unmerged) contacts of one workspace. */
export function contactFilterSql(workspaceId: string, f: ContactListFilters): SQL {
  const parts: SQL[] = [sql`c.workspace_id = ${workspaceId}`, sql`c.merged_into is null`];
  if (f.q) parts.push(searchFilter(f.q));
  if (f.tag) parts.push(sql`c.tags @> array[${f.tag}]::text[]`);
  if (f.source) parts.push(sql`c.source = ${f.source}`);
  if (f.consent) {
    const [channel, state] = f.consent.split("=");
    parts.push(sql`c.consent @> ${JSON.stringify({ [channel ?? ""]: state })}::jsonb`);
  }
  if (f.lastSeenAfter) parts.push(sql`c.last_seen_at >= ${f.lastSeenAfter}::timestamptz`);
  if (f.lastSeenBefore) parts.push(sql`c.last_seen_at < ${f.lastSeenBefore}::timestamptz`);
  if (f.stage) {
    parts.push(sql`exists (select 1 from contact_stages s where s.workspace_id = c.workspace_id
      and s.contact_id = c.id and s.stage_id = ${f.stage})`);
  }
  if (f.funnel) {
    parts.push(sql`exists (select 1 from contact_stages s where s.workspace_id = c.workspace_id
      and s.funnel_id = ${f.funnel} and s.contact_id = c.id)`);
  }
  return sql.join(parts, sql` and `);
}

const c = alias(contacts, "c");

/**
 * One page of live contacts, most recently seen first, by keyset on (last_seen_at, id) — no
 * OFFSET and no total count, so page 1000 costs what page 1 does. A contact seen again while
 * someone pages moves to the top: it may then be missed by that walk (never repeated).
 */
export async function listContacts(
  db: Db | Tx,
  workspaceId: string,
  filters: ContactListFilters,
  page: { limit: number; cursor?: string | undefined },
): Promise<ContactPage> {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const where = after
    ? sql`${contactFilterSql(workspaceId, filters)}
        and (c.last_seen_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : contactFilterSql(workspaceId, filters);
  const stageEnteredAt = filters.stage
    ? sql<
        string | null
      >`(select to_char(s.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        from contact_stages s where s.workspace_id = c.workspace_id and s.contact_id = c.id
        and s.stage_id = ${filters.stage} limit 1)`
    : sql<null>`null`;
  const rows = await db
    .select({
      contact: c,
      stageEnteredAt,
      cursorTs: sql<string>`to_char(c.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(c)
    .where(where)
    .orderBy(sql`c.last_seen_at desc, c.id desc`)
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const last = pageRows.at(-1);
  return {
    rows: pageRows.map((r) => ({ ...r.contact, stageEnteredAt: r.stageEnteredAt })),
    nextCursor: more && last ? encodeCursor(last.cursorTs, last.contact.id) : null,
  };
}
