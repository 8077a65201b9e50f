import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { moveContacts, type RecordedMove } from "./move.ts";

/** A boolean SQL expression: does an enabled stage rule listen to any of these event names? */
export function stageRulesListenSql(workspaceId: string, names: readonly string[]): SQL {
  return sql`exists (
    select 1 from stage_rules
    where workspace_id = ${workspaceId} and enabled and event_name = any(${pgArray(names)}::text[]))`;
}

/**
 * Applies "event X moves to stage Y" rules to freshly stored events, set-based. A forward-only
 * rule moves a contact only if it is not yet in the funnel or sits in an earlier open stage.
 */
export async function applyStageRules(
  tx: Tx,
  workspaceId: string,
  events: Array<{ contactId: string; eventName: string; eventId: number }>,
  /** `stageRulesListenSql`'s answer for these names, when the caller already asked. */
  options: { listening?: boolean } = {},
): Promise<RecordedMove[]> {
  const names = [...new Set(events.map((e) => e.eventName))];
  if (options.listening === undefined) {
    const check = await tx.execute<{ listening: boolean }>(
      sql`select ${stageRulesListenSql(workspaceId, names)} as listening`,
    );
    if (!check.rows[0]?.listening) return [];
  } else if (!options.listening) return [];

  const candidates = await tx.execute<{
    funnel_id: string;
    contact_id: string;
    to_stage_id: string;
    rule_id: string;
  }>(sql`
    select distinct on (r.funnel_id, e.contact_id) r.funnel_id, e.contact_id, r.to_stage_id, r.id as rule_id
    from unnest(${pgArray(events.map((e) => e.contactId))}::uuid[], ${pgArray(events.map((e) => e.eventName))}::text[],
                ${pgArray(events.map((e) => e.eventId))}::bigint[]) as e(contact_id, event_name, event_id)
    join stage_rules r on r.workspace_id = ${workspaceId} and r.enabled and r.event_name = e.event_name
    join funnel_stages target on target.workspace_id = ${workspaceId} and target.id = r.to_stage_id
    left join contact_stages cs on cs.workspace_id = ${workspaceId} and cs.funnel_id = r.funnel_id and cs.contact_id = e.contact_id
    left join funnel_stages cur on cur.workspace_id = ${workspaceId} and cur.id = cs.stage_id
    where not r.forward_only or cs.stage_id is null
       or (cur.kind = 'open' and (target.kind <> 'open' or cur.position < target.position))
    order by r.funnel_id, e.contact_id, e.event_id desc`);
  return moveContacts(
    tx,
    workspaceId,
    candidates.rows.map((c) => ({
      funnelId: c.funnel_id,
      contactId: c.contact_id,
      toStageId: c.to_stage_id,
      cause: "rule" as const,
      causeRef: c.rule_id,
    })),
  );
}
