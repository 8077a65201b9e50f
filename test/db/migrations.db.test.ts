import { migrate } from "@voronka/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "../support/test-db.ts";

let empty: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  empty = await createEmptyDatabase();
});
afterAll(() => empty.drop());

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: empty.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("apply to an empty database, with graphile-worker's schema, twice without harm", async () => {
    await migrate(empty.url);
    await migrate(empty.url);
    const tables = await query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["api_keys", "memberships", "sessions", "users", "workspaces"]),
    );
    const worker = await query<{ n: number }>(
      "select count(*)::int as n from information_schema.schemata where schema_name = 'graphile_worker'",
    );
    expect(worker[0]?.n).toBe(1);
  });

  it("run concurrently from several processes without failing", async () => {
    const other = await createEmptyDatabase();
    try {
      await Promise.all([migrate(other.url), migrate(other.url), migrate(other.url)]);
    } finally {
      await other.drop();
    }
  });

  it("key every tenant table by workspace_id first", async () => {
    await migrate(empty.url);
    // users is the one global table (a person may belong to many workspaces); workspaces is the tenant.
    const rows = await query<{ table_name: string; first: string }>(`
      select c.relname as table_name, a.attname as first
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where i.indisprimary and c.relname not in ('users', 'workspaces')`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.first, row.table_name).toBe("workspace_id");
  });
});
