import { type SQL, sql } from "drizzle-orm";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Binds uuids as ONE Postgres array literal built by a plain join: uuids need no quoting, so
 * this skips node-postgres' per-element escaping of `pgArray` (measurable at 1,000s per batch).
 * Use with a cast: `${uuidArray(ids)}::uuid[]`. Throws on anything that is not a uuid.
 */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`Not a uuid: ${id}`);
  return sql`${`{${ids.join(",")}}`}`;
}
