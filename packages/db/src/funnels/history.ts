import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";

export interface StageMoveRow {
  id: number;
  contactId: string;
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string;
  toStageName: string;
  toStageKind: "open" | "won" | "lost";
  cause: "journey" | "api" | "user" | "rule" | "lead" | "import";
  causeRef: string | null;
  lostReasonId: string | null;
  lostReasonLabel: string | null;
  lostNote: string | null;
  movedAt: Date;
}

/**
 * The stage history of a funnel, oldest first, optionally for one contact; `beforeId`
 * pages backwards through long histories.
 */
export async function stageHistory(
  db: Db,
  workspaceId: string,
  funnelId: string,
  options: { contactId?: string | undefined; limit?: number } = {},
): Promise<StageMoveRow[]> {
  const rows = await db.execute<{
    id: string;
    contact_id: string;
    from_stage_id: string | null;
    from_name: string | null;
    to_stage_id: string;
    to_name: string;
    to_kind: "open" | "won" | "lost";
    cause: StageMoveRow["cause"];
    cause_ref: string | null;
    lost_reason_id: string | null;
    lost_label: string | null;
    lost_note: string | null;
    moved_at: Date;
  }>(sql`
    select m.id, m.contact_id, m.from_stage_id, f.name as from_name, m.to_stage_id, t.name as to_name,
           t.kind as to_kind, m.cause, m.cause_ref, m.lost_reason_id, r.label as lost_label, m.lost_note, m.moved_at
    from stage_moves m
    join funnel_stages t on t.workspace_id = m.workspace_id and t.id = m.to_stage_id
    left join funnel_stages f on f.workspace_id = m.workspace_id and f.id = m.from_stage_id
    left join lost_reasons r on r.workspace_id = m.workspace_id and r.id = m.lost_reason_id
    where m.workspace_id = ${workspaceId} and m.funnel_id = ${funnelId}
      ${options.contactId ? sql`and m.contact_id = ${options.contactId}` : sql``}
    order by m.moved_at, m.id
    limit ${options.limit ?? 500}`);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    contactId: r.contact_id,
    fromStageId: r.from_stage_id,
    fromStageName: r.from_name,
    toStageId: r.to_stage_id,
    toStageName: r.to_name,
    toStageKind: r.to_kind,
    cause: r.cause,
    causeRef: r.cause_ref,
    lostReasonId: r.lost_reason_id,
    lostReasonLabel: r.lost_label,
    lostNote: r.lost_note,
    movedAt: new Date(r.moved_at),
  }));
}

/** Whether a live contact with this id exists in the workspace. */
export async function contactExists(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from contacts where workspace_id = ${workspaceId} and id = ${contactId} and merged_into is null`);
  return rows.rows.length > 0;
}
