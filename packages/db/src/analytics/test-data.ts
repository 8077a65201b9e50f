import { randomUUID } from "node:crypto";
import type pg from "pg";

/** A small seeded PRNG (mulberry32): generated test data are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts bare contacts and returns their ids. */
export async function insertContacts(
  pool: pg.Pool,
  workspaceId: string,
  count: number,
  name = (i: number) => `Contact ${i}`,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await pool.query(
    `insert into contacts (workspace_id, id, name, email)
     select $1, u.id, u.name, lower(replace(u.name, ' ', '.')) || '@example.com'
     from unnest($2::uuid[], $3::text[]) as u(id, name)`,
    [workspaceId, ids, ids.map((_, i) => name(i))],
  );
  return ids;
}

/** Inserts purchase events `(contact, time, revenue)` with the given event name. */
export async function insertPurchases(
  pool: pg.Pool,
  workspaceId: string,
  list: ReadonlyArray<{ contactId: string; at: Date; revenue: number; name?: string }>,
): Promise<void> {
  if (list.length === 0) return;
  await pool.query(
    `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
     select $1, gen_random_uuid()::text, 'track', u.name, u.contact_id, jsonb_build_object('revenue', u.revenue), u.at
     from unnest($2::uuid[], $3::timestamptz[], $4::numeric[], $5::text[]) as u(contact_id, at, revenue, name)`,
    [
      workspaceId,
      list.map((p) => p.contactId),
      list.map((p) => p.at.toISOString()),
      list.map((p) => p.revenue),
      list.map((p) => p.name ?? "Order Completed"),
    ],
  );
}

/** Sorted copy, and the percentile with linear interpolation (as SQL's percentile_cont). */
export function percentile(values: readonly number[], q: number): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const frac = pos - lo;
  const a = s[lo] ?? 0;
  const b = s[Math.min(lo + 1, s.length - 1)] ?? 0;
  return a + (b - a) * frac;
}

export const DAY = 86_400_000;
