import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { contactPage, type ReportContactPage } from "./contact-list.ts";
import { num } from "./range.ts";

/** Named RFM segments on the recency × frequency grid. */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cannot_lose",
  "hibernating",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The segment of a cell (recency score r, frequency score f, each 1–5; 5 is best). */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4) return "champions";
  if ((r === 3 && f >= 3) || (r >= 4 && f === 3)) return "loyal";
  if (r >= 4 && f === 2) return "potential_loyalists";
  if (r === 5 && f === 1) return "new_customers";
  if (r === 4 && f === 1) return "promising";
  if (r === 3) return "need_attention";
  if (f === 5) return "cannot_lose";
  if (f >= 3) return "at_risk";
  if (r === 2) return "about_to_sleep";
  return "hibernating";
}

/** The (r, f) cells of a segment. */
export function segmentCells(segment: RfmSegment): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++) if (rfmSegment(r, f) === segment) cells.push([r, f]);
  return cells;
}

export interface RfmCell {
  recency: number;
  frequency: number;
  segment: RfmSegment;
  contacts: number;
  /** Average monetary score (1–5) and average revenue of the cell's contacts. */
  monetary: number;
  revenue: number;
}

export interface RfmReport {
  /** When the scores were computed; null when never (no purchases yet, or not refreshed). */
  computedAt: string | null;
  customers: number;
  cells: RfmCell[];
  segments: Array<{ segment: RfmSegment; contacts: number; revenue: number }>;
}

/**
 * Recomputes every customer's RFM scores from purchase events (the `purchase_facts` rollup),
 * set-based, in one transaction:
 * recency = last purchase time, frequency = number of purchases, monetary = their revenue. Each
 * score is the quintile of the value among the workspace's customers,
 * `1 + floor(5 × (rank − 1) / n)` with `rank()` in ascending order — ties share a score, 5 is
 * the most recent / most frequent / highest spending fifth. Returns the number of customers.
 */
export async function refreshRfm(db: Db, workspaceId: string, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from rfm_scores where workspace_id = ${workspaceId}`);
    const r = await tx.execute(sql`
      with per_contact as (
        select p.contact_id, max(p.timestamp) as last_at, count(*)::int as orders, sum(p.revenue) as revenue
        from purchase_facts p
        where p.workspace_id = ${workspaceId} and p.timestamp <= ${now.toISOString()}
        group by p.contact_id),
      ranked as (
        select *, count(*) over () as n,
               rank() over (order by last_at) as r_rank,
               rank() over (order by orders) as f_rank,
               rank() over (order by revenue) as m_rank
        from per_contact)
      insert into rfm_scores (workspace_id, contact_id, recency, frequency, monetary, last_purchase_at, orders, revenue, computed_at)
      select ${workspaceId}, contact_id,
             1 + floor(5.0 * (r_rank - 1) / n), 1 + floor(5.0 * (f_rank - 1) / n), 1 + floor(5.0 * (m_rank - 1) / n),
             last_at, orders, revenue, ${now.toISOString()}
      from ranked`);
    return r.rowCount ?? 0;
  });
}

/** The 5 × 5 recency × frequency grid from the stored scores. */
export async function rfmReport(db: Db, workspaceId: string): Promise<RfmReport> {
  const rows = await db.execute<{
    recency: number;
    frequency: number;
    n: number;
    monetary: number;
    revenue: string;
    computed_at: string | null;
  }>(sql`
    select recency, frequency, count(*)::int as n, avg(monetary)::float8 as monetary,
           avg(revenue)::text as revenue, max(computed_at)::text as computed_at
    from rfm_scores where workspace_id = ${workspaceId}
    group by recency, frequency`);
  const at = new Map(rows.rows.map((r) => [`${r.recency}:${r.frequency}`, r]));
  const cells: RfmCell[] = [];
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      const row = at.get(`${r}:${f}`);
      cells.push({
        recency: r,
        frequency: f,
        segment: rfmSegment(r, f),
        contacts: row?.n ?? 0,
        monetary: row?.monetary ?? 0,
        revenue: num(row?.revenue),
      });
    }
  }
  const segments = RFM_SEGMENTS.map((segment) => {
    const inSeg = cells.filter((c) => c.segment === segment);
    const contacts = inSeg.reduce((s, c) => s + c.contacts, 0);
    const revenue = inSeg.reduce((s, c) => s + c.revenue * c.contacts, 0);
    return { segment, contacts, revenue: contacts > 0 ? revenue / contacts : 0 };
  });
  const computed = rows.rows.map((r) => r.computed_at).filter((x): x is string => !!x);
  return {
    computedAt:
      computed.length > 0 ? new Date(computed.sort().at(-1) as string).toISOString() : null,
    customers: cells.reduce((s, c) => s + c.contacts, 0),
    cells,
    segments,
  };
}

/** Which contacts of the grid: a named segment, or one cell. */
export type RfmSelection = { segment: RfmSegment } | { recency: number; frequency: number };

function selectionIds(workspaceId: string, sel: RfmSelection): SQL {
  const cells: Array<[number, number]> =
    "segment" in sel ? segmentCells(sel.segment) : [[sel.recency, sel.frequency]];
  return sql`select contact_id from rfm_scores
    where workspace_id = ${workspaceId}
      and (recency * 10 + frequency) = any(${sql.param(cells.map(([r, f]) => r * 10 + f))}::int[])`;
}

/** The contacts of a segment or cell, a page at a time. */
export function rfmContacts(
  db: Db,
  workspaceId: string,
  sel: RfmSelection,
  page: { limit: number; offset: number },
): Promise<ReportContactPage> {
  return contactPage(db, workspaceId, selectionIds(workspaceId, sel), page);
}

/** All contact ids of a segment or cell (for enrolling them into a journey). */
export async function rfmContactIds(
  db: Db,
  workspaceId: string,
  sel: RfmSelection,
): Promise<string[]> {
  const r = await db.execute<{ contact_id: string }>(selectionIds(workspaceId, sel));
  return r.rows.map((x) => x.contact_id);
}
