import { type SQL, sql } from "drizzle-orm";

/**
 * Binds a JS array as ONE Postgres array parameter (drizzle's `sql` would otherwise expand it
 * into a list). Use with a cast: `${pgArray(ids)}::uuid[]`, typically inside `unnest(…)`.
 */
export function pgArray(values: readonly unknown[]): SQL {
  return sql`${sql.param(values)}`;
}
