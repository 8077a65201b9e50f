import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import type { AUDIENCE_CAUSES } from "../schema/audiences.ts";
import { pgArray } from "../sql-array.ts";

export type AudienceCause = (typeof AUDIENCE_CAUSES)[number];

/** One requested join or leave. */
export interface MembershipChange {
  audienceId: string;
  contactId: string;
  action: "add" | "remove";
  cause: AudienceCause;
  causeRef?: string | null;
}

/**
 * Adds contacts to and removes them from audiences, set-based, in the caller's transaction,
 * and logs each real change in `audience_changes` (joining an audience a contact is already
 * in, or leaving one it is not in, logs nothing). For several changes of one contact in one
 * audience, the last wins. All changes land in one statement, so no reader ever sees half of
 * them. Callers check that the audiences belong to the workspace. Returns how many changed.
 */
export async function changeMembership(
  tx: Tx,
  workspaceId: string,
  changes: readonly MembershipChange[],
): Promise<{ added: number; removed: number }> {
  if (changes.length === 0) return { added: 0, removed: 0 };
  const result = await tx.execute<{ action: string; n: string }>(sql`
    with input as (
      select distinct on (u.audience_id, u.contact_id) u.*
      from unnest(
        ${pgArray(changes.map((c) => c.audienceId))}::uuid[], ${pgArray(changes.map((c) => c.contactId))}::uuid[],
        ${pgArray(changes.map((c) => c.action))}::text[], ${pgArray(changes.map((c) => c.cause))}::text[],
        ${pgArray(changes.map((c) => c.causeRef ?? null))}::text[]
      ) with ordinality as u(audience_id, contact_id, action, cause, cause_ref, n)
      order by u.audience_id, u.contact_id, u.n desc
    ),
    added as (
      insert into audience_members (workspace_id, audience_id, contact_id)
      select ${workspaceId}, audience_id, contact_id from input where action = 'add'
      on conflict do nothing
      returning audience_id, contact_id
    ),
    removed as (
      delete from audience_members m using input i
      where m.workspace_id = ${workspaceId} and m.audience_id = i.audience_id
        and m.contact_id = i.contact_id and i.action = 'remove'
      returning m.audience_id, m.contact_id
    ),
    done as (
      select audience_id, contact_id from added
      union all
      select audience_id, contact_id from removed
    ),
    logged as (
      insert into audience_changes (workspace_id, audience_id, contact_id, action, cause, cause_ref)
      select ${workspaceId}, i.audience_id, i.contact_id, i.action, i.cause, i.cause_ref
      from input i join done d on d.audience_id = i.audience_id and d.contact_id = i.contact_id
      order by i.n
      returning action
    )
    select action, count(*)::text as n from logged group by action`);
  const count = (a: string) => Number(result.rows.find((r) => r.action === a)?.n ?? 0);
  return { added: count("add"), removed: count("remove") };
}
