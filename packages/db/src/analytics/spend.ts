import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { num } from "./range.ts";

/** Marketing spend of one channel in one month (`month` is `YYYY-MM`). */
export interface SpendRow {
  channel: string;
  month: string;
  amount: number;
}

/** A CSV line that could not be read, 1-based with the header as line 1. */
export interface SpendProblem {
  line: number;
  message: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/;

/** `YYYY-MM` or `YYYY-MM-01` → `YYYY-MM`, or null. */
export function parseMonth(value: string): string | null {
  const m = MONTH.exec(value.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Inserts or replaces spend rows (one per channel and month) in one statement. */
export async function upsertSpend(
  db: Db,
  workspaceId: string,
  rows: readonly SpendRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  // The last row for a (channel, month) wins, as when a person edits a spreadsheet twice.
  const unique = new Map(rows.map((r) => [`${r.channel}\u0000${r.month}`, r]));
  const list = [...unique.values()];
  await db.execute(sql`
    insert into marketing_spend (workspace_id, channel, month, amount, updated_at)
    select ${workspaceId}, u.channel, (u.month || '-01')::date, u.amount, now()
    from unnest(${sql.param(list.map((r) => r.channel))}::text[], ${sql.param(list.map((r) => r.month))}::text[],
                ${sql.param(list.map((r) => r.amount))}::numeric[]) as u(channel, month, amount)
    on conflict (workspace_id, channel, month) do update set amount = excluded.amount, updated_at = now()`);
  return list.length;
}

/** Spend rows, newest month first. */
export async function listSpend(db: Db, workspaceId: string): Promise<SpendRow[]> {
  const rows = await db.execute<{ channel: string; month: string; amount: string }>(sql`
    select channel, to_char(month, 'YYYY-MM') as month, amount::text from marketing_spend
    where workspace_id = ${workspaceId} order by month desc, channel`);
  return rows.rows.map((r) => ({ channel: r.channel, month: r.month, amount: num(r.amount) }));
}

export async function deleteSpend(
  db: Db,
  workspaceId: string,
  channel: string,
  month: string,
): Promise<boolean> {
  const r = await db.execute(sql`
    delete from marketing_spend
    where workspace_id = ${workspaceId} and channel = ${channel} and month = (${month} || '-01')::date`);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Reads a spend CSV with the header `channel,month,amount` (any column order; `;` also
 * separates). Every bad line is reported; nothing is returned as rows when any line is bad,
 * so an import is all or nothing.
 */
export function parseSpendCsv(text: string): { rows: SpendRow[]; problems: SpendProblem[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (err) {
    return { rows: [], problems: [{ line: 1, message: (err as Error).message }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const at = { channel: header.indexOf("channel"), month: header.indexOf("month") };
  const amountAt = header.indexOf("amount");
  if (at.channel < 0 || at.month < 0 || amountAt < 0) {
    return {
      rows: [],
      problems: [
        { line: 1, message: "The first line must name the columns channel, month, amount." },
      ],
    };
  }
  const rows: SpendRow[] = [];
  const problems: SpendProblem[] = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const channel = (r[at.channel] ?? "").trim();
    const month = parseMonth(r[at.month] ?? "");
    const raw = (r[amountAt] ?? "").replace(/\s/g, "").replace(",", ".");
    const amount = Number(raw);
    if (!channel) problems.push({ line, message: "The channel is empty." });
    else if (channel.length > 100)
      problems.push({ line, message: "The channel name is too long." });
    else if (!month) problems.push({ line, message: "The month must look like 2026-03." });
    else if (raw === "" || !Number.isFinite(amount) || amount < 0 || amount >= 1e12) {
      problems.push({ line, message: "The amount must be a number of at least 0." });
    } else rows.push({ channel, month, amount: Math.round(amount * 100) / 100 });
  });
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}
