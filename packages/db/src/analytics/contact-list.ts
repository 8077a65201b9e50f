import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";

/** A contact behind a number of a report. */
export interface ReportContact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface ReportContactPage {
  total: number;
  contacts: ReportContact[];
}

/** A page of the contacts whose ids the `ids` query (one column `contact_id`) returns. */
export async function contactPage(
  db: Db,
  workspaceId: string,
  ids: SQL,
  page: { limit: number; offset: number },
): Promise<ReportContactPage> {
  const rows = await db.execute<{
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    total: number;
  }>(sql`
    with ids as (${ids}),
    total as (select count(*)::int as n from ids)
    select c.id, coalesce(nullif(c.name, ''), nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '')) as name,
           c.email, c.phone, (select n from total) as total
    from (select contact_id from ids order by contact_id limit ${page.limit} offset ${page.offset}) p
    join contacts c on c.workspace_id = ${workspaceId} and c.id = p.contact_id
    order by c.id`);
  const total =
    rows.rows[0]?.total ??
    (await db.execute<{ n: number }>(sql`with ids as (${ids}) select count(*)::int as n from ids`))
      .rows[0]?.n ??
    0;
  return {
    total,
    contacts: rows.rows.map((r) => ({ id: r.id, name: r.name, email: r.email, phone: r.phone })),
  };
}
