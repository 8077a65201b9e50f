import { type SQL, sql } from "drizzle-orm";
import type { QueryResultRow } from "pg";
import type { Db } from "../client.ts";

/**
 * Runs one report statement in its own short transaction with settings for a report rather
 * than for the OLTP traffic the server's defaults are tuned for: `work_mem` large enough that
 * the cohort's sorts and hashes (a few hundred thousand narrow rows at 1M contacts) stay in
 * memory instead of spilling to temp files, and no JIT — compiling the expressions of such a
 * statement costs 70–180 ms, more than it saves on a few hundred thousand rows. `set local`
 * ends with the transaction, so the pooled connection goes back unchanged.
 */
export async function reportQuery<T extends QueryResultRow>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`,
    );
    const result = await tx.execute<T>(query);
    // drizzle types rows as Assume<T, QueryResultRow>, which is T for a T that is a row.
    return result.rows as T[];
  });
}
