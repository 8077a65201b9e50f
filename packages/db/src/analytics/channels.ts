import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { LEAD_CHANNELS } from "../schema/leads.ts";
import { type DateRange, num } from "./range.ts";
import { reportQuery } from "./report-session.ts";
import { decomposeProduct } from "./stats.ts";

/** One row of the channel tables: a lead channel, or a UTM source. */
export interface ChannelRow {
  key: string;
  /** Contacts whose first lead in the range came this way. */
  leads: number;
  /** Of those, contacts who bought after the lead and before the range ended. */
  customers: number;
  orders: number;
  revenue: number;
  /** Spend entered for this key in the months the range touches. */
  spend: number;
  conversion: number | null;
  /** Cost per acquired customer: spend / customers. */
  cac: number | null;
  /** Cost per lead: spend / leads. */
  cpl: number | null;
  /** Return on marketing investment: (revenue × margin − spend) / spend. */
  romi: number | null;
}

export interface CohortRow {
  /** Month of the contacts' first lead in the range, `YYYY-MM`. */
  month: string;
  leads: number;
  customers: number;
  revenue: number;
  spend: number;
  cac: number | null;
  /** Historic LTV: revenue of the cohort to date per customer (gross, before margin). */
  ltv: number | null;
  /** Revenue per customer accumulated by the end of each month since the cohort month (0, 1, …). */
  ltvByMonth: number[];
}

export interface PeriodFactors {
  from: string;
  to: string;
  leads: number;
  /** Buyers / leads of the period. */
  conversion: number;
  averageCheck: number;
  /** Orders per buyer. */
  transactions: number;
  margin: number;
  /** Leads × Conversion × Average check × Transactions × Margin = revenue × margin. */
  value: number;
  buyers: number;
  orders: number;
  revenue: number;
}

export interface SalesFormula {
  before: PeriodFactors;
  after: PeriodFactors;
  /** How much of the change of V each factor explains (they add up to the change). */
  contributions: {
    leads: number;
    conversion: number;
    averageCheck: number;
    transactions: number;
    margin: number;
  };
}

export interface ChannelReport {
  margin: number;
  totals: Omit<ChannelRow, "key">;
  byChannel: ChannelRow[];
  bySource: ChannelRow[];
  cohorts: CohortRow[];
  formula: SalesFormula;
}

const per = (a: number, b: number) => (b > 0 ? a / b : null);

function finish(
  key: string,
  figures: { leads: number; customers: number; orders: number; revenue: number; spend: number },
  margin: number,
): ChannelRow {
  const { leads, customers, revenue, spend } = figures;
  return {
    key,
    ...figures,
    conversion: per(customers, leads),
    cac: spend > 0 ? per(spend, customers) : null,
    cpl: spend > 0 ? per(spend, leads) : null,
    romi: spend > 0 ? (revenue * margin - spend) / spend : null,
  };
}

/**
 * Leads, customers and revenue by lead channel and by UTM source for contacts whose first lead
 * in `range` came that way; spend, CAC and ROMI; LTV per monthly cohort; and the sales formula
 * for `range` against `compare` (by default the equally long period just before).
 */
export async function channelReport(
  db: Db,
  workspaceId: string,
  range: DateRange,
  options: { margin?: number; compare?: DateRange; now?: Date } = {},
): Promise<ChannelReport> {
  const margin = options.margin ?? 1;
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const length = range.to.getTime() - range.from.getTime();
  const compare = options.compare ?? {
    from: new Date(range.from.getTime() - length),
    to: range.from,
  };
  // One statement: each contact's first lead in the range and the purchases since the range's
  // start (from the `purchase_facts` rollup, an index-only range scan) are read once; their
  // join — only buyers' orders after their lead, a small set — feeds the channel table, the
  // monthly cohorts and the LTV curve.
  const [[figures], spendRows, before, after] = await Promise.all([
    reportQuery<{
      groups: Array<{
        channel: string;
        source: string;
        leads: number;
        customers: number;
        orders: number;
        revenue: string | number;
      }> | null;
      cohorts: Array<{
        month: string;
        leads: number;
        customers: number;
        revenue: string | number;
      }> | null;
      offsets: Array<{ month: string; offset: number; revenue: string | number }> | null;
    }>(
      db,
      sql`
      with first_leads as materialized (
        select distinct on (contact_id) contact_id, channel,
               coalesce(nullif(utm->>'utm_source', ''), '(none)') as source, created_at,
               to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month
        from leads where workspace_id = ${workspaceId} and created_at >= ${from} and created_at < ${to}
        order by contact_id, created_at, id),
      bought as materialized (
        select f.contact_id, f.channel, f.source, f.month, f.created_at, p.timestamp, p.revenue
        from first_leads f
        join purchase_facts p on p.contact_id = f.contact_id and p.timestamp >= f.created_at
        where p.workspace_id = ${workspaceId} and p.timestamp >= ${from})
      select
        (select json_agg(g) from (
           select l.channel, l.source, l.leads, coalesce(b.customers, 0) as customers,
                  coalesce(b.orders, 0) as orders, coalesce(b.revenue, 0)::text as revenue
           from (select channel, source, count(*)::int as leads from first_leads group by 1, 2) l
           left join (select channel, source, count(distinct contact_id)::int as customers,
                             count(*)::int as orders, sum(revenue) as revenue
                      from bought where timestamp < ${to} group by 1, 2) b using (channel, source)) g) as groups,
        (select json_agg(c order by c.month) from (
           select l.month, l.leads, coalesce(b.customers, 0) as customers, coalesce(b.revenue, 0)::text as revenue
           from (select month, count(*)::int as leads from first_leads group by 1) l
           left join (select month, count(distinct contact_id)::int as customers, sum(revenue) as revenue
                      from bought group by 1) b using (month)) c) as cohorts,
        (select json_agg(o) from (
           select month,
                  ((extract(year from timestamp at time zone 'UTC') - extract(year from created_at at time zone 'UTC')) * 12
                    + extract(month from timestamp at time zone 'UTC') - extract(month from created_at at time zone 'UTC'))::int as "offset",
                  sum(revenue)::text as revenue
           from bought group by 1, 2) o) as offsets`,
    ),
    db.execute<{ channel: string; month: string; amount: string }>(sql`
      select channel, to_char(month, 'YYYY-MM') as month, amount::text from marketing_spend
      where workspace_id = ${workspaceId}
        and month >= date_trunc('month', ${from}::timestamptz at time zone 'UTC')::date
        and month < ${to}::timestamptz at time zone 'UTC'`),
    periodFactors(db, workspaceId, compare, margin),
    periodFactors(db, workspaceId, range, margin),
  ]);
  const groups = { rows: figures?.groups ?? [] };
  const cohortRows = { rows: figures?.cohorts ?? [] };
  const offsetRows = { rows: figures?.offsets ?? [] };

  const spendBy = new Map<string, number>();
  const spendByMonth = new Map<string, number>();
  for (const s of spendRows.rows) {
    spendBy.set(s.channel, (spendBy.get(s.channel) ?? 0) + num(s.amount));
    spendByMonth.set(s.month, (spendByMonth.get(s.month) ?? 0) + num(s.amount));
  }
  type Acc = { leads: number; customers: number; orders: number; revenue: number; spend: number };
  const empty = (): Acc => ({ leads: 0, customers: 0, orders: 0, revenue: 0, spend: 0 });
  const byChannel = new Map<string, Acc>();
  const bySource = new Map<string, Acc>();
  const totals = empty();
  for (const g of groups.rows) {
    for (const [map, key] of [
      [byChannel, g.channel],
      [bySource, g.source],
    ] as const) {
      const acc = map.get(key) ?? empty();
      acc.leads += g.leads;
      acc.customers += g.customers;
      acc.orders += g.orders;
      acc.revenue += num(g.revenue);
      map.set(key, acc);
    }
    totals.leads += g.leads;
    totals.customers += g.customers;
    totals.orders += g.orders;
    totals.revenue += num(g.revenue);
  }
  const isChannel = new Set<string>(LEAD_CHANNELS);
  for (const [key, amount] of spendBy) {
    const map = isChannel.has(key) ? byChannel : bySource;
    const acc = map.get(key) ?? empty();
    acc.spend += amount;
    map.set(key, acc);
    totals.spend += amount;
  }
  const rows = (map: Map<string, Acc>) =>
    [...map.entries()]
      .map(([key, acc]) => finish(key, acc, margin))
      .sort((a, b) => b.leads - a.leads || b.spend - a.spend || a.key.localeCompare(b.key));

  const offsets = new Map<string, Map<number, number>>();
  for (const o of offsetRows.rows) {
    const m = offsets.get(o.month) ?? new Map<number, number>();
    m.set(o.offset, num(o.revenue));
    offsets.set(o.month, m);
  }
  const nowMonth = monthIndex((options.now ?? new Date()).toISOString().slice(0, 7));
  const cohorts: CohortRow[] = cohortRows.rows.map((c) => {
    const revenue = num(c.revenue);
    const spend = spendByMonth.get(c.month) ?? 0;
    const span = Math.max(0, nowMonth - monthIndex(c.month));
    const byOffset = offsets.get(c.month) ?? new Map<number, number>();
    let running = 0;
    const ltvByMonth = Array.from({ length: span + 1 }, (_, i) => {
      running += byOffset.get(i) ?? 0;
      return c.customers > 0 ? running / c.customers : 0;
    });
    return {
      month: c.month,
      leads: c.leads,
      customers: c.customers,
      revenue,
      spend,
      cac: spend > 0 ? per(spend, c.customers) : null,
      ltv: per(revenue, c.customers),
      ltvByMonth,
    };
  });

  const f = (p: PeriodFactors) => [p.leads, p.conversion, p.averageCheck, p.transactions, p.margin];
  const [leads, conversion, averageCheck, transactions, marginShare] = decomposeProduct(
    f(before),
    f(after),
  );
  return {
    margin,
    totals: finish("total", totals, margin),
    byChannel: rows(byChannel),
    bySource: rows(bySource),
    cohorts,
    formula: {
      before,
      after,
      contributions: {
        leads: leads ?? 0,
        conversion: conversion ?? 0,
        averageCheck: averageCheck ?? 0,
        transactions: transactions ?? 0,
        margin: marginShare ?? 0,
      },
    },
  };
}

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return (y ?? 0) * 12 + (m ?? 1) - 1;
}

/** The factors of V = Leads × Conversion × Average check × Transactions × Margin for a period. */
export async function periodFactors(
  db: Db,
  workspaceId: string,
  range: DateRange,
  margin: number,
): Promise<PeriodFactors> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const r = await db.execute<{
    leads: number;
    buyers: number;
    orders: number;
    revenue: string;
  }>(sql`
    select (select count(distinct contact_id)::int from leads
            where workspace_id = ${workspaceId} and created_at >= ${from} and created_at < ${to}) as leads,
           count(distinct p.contact_id)::int as buyers, count(*)::int as orders,
           coalesce(sum(p.revenue), 0)::text as revenue
    from purchase_facts p
    where p.workspace_id = ${workspaceId} and p.timestamp >= ${from} and p.timestamp < ${to}`);
  const row = r.rows[0] ?? { leads: 0, buyers: 0, orders: 0, revenue: "0" };
  const revenue = num(row.revenue);
  return {
    from,
    to,
    leads: row.leads,
    conversion: row.leads > 0 ? row.buyers / row.leads : 0,
    averageCheck: row.orders > 0 ? revenue / row.orders : 0,
    transactions: row.buyers > 0 ? row.orders / row.buyers : 0,
    margin,
    value:
      row.leads > 0 && row.orders > 0 && row.buyers > 0
        ? row.leads *
          (row.buyers / row.leads) *
          (revenue / row.orders) *
          (row.orders / row.buyers) *
          margin
        : 0,
    buyers: row.buyers,
    orders: row.orders,
    revenue,
  };
}
