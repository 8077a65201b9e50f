import { sql } from "drizzle-orm";
import type { Tx } from "./resolve.ts";

/**
 * The distinct event names (track events, and named pages) a workspace has received, A→Z, at most `limit` of them — for
 * the editor's event pickers. A loose index scan on `events_name_time_idx`: each step jumps to
 * the next name after the last one, so the cost is one index probe per name, not one row per
 * event (a workspace with millions of `page_viewed` events answers as fast as an empty one).
 */
export async function listEventNames(tx: Tx, workspaceId: string, limit: number) {
  const r = await tx.execute<{ name: string }>(sql`
    with recursive names(name) as (
      (select e.name from events e
        where e.workspace_id = ${workspaceId} and e.name is not null
        order by e.name limit 1)
      union all
      select (select e.name from events e
               where e.workspace_id = ${workspaceId} and e.name > n.name
               order by e.name limit 1)
      from names n
      where n.name is not null
    )
    select name from names where name is not null limit ${limit}`);
  return r.rows.map((row) => row.name);
}
