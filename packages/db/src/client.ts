import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index.ts";
import { withDefaultUser } from "./url.ts";

export type Db = NodePgDatabase<typeof schema>;

/** One `pg` pool shared by drizzle and graphile-worker, so one transaction can hold both. */
export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

export function connect(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: withDefaultUser(url), max: options.max ?? 10 });
  // An idle client losing its connection (Postgres restarted) must not crash the process;
  // the pool drops it and the next query reconnects.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}
