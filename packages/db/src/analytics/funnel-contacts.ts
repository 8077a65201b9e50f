import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { contactPage, type ReportContactPage } from "./contact-list.ts";
import { cohortCte, reportStages } from "./funnel-report.ts";
import type { DateRange } from "./range.ts";

/** Which number of the funnel report to list the contacts of. */
export interface FunnelDrill {
  metric: "entered" | "reached" | "won" | "lost" | "now" | "stalled";
  /** `reached`, `now`, `stalled`: the stage; `lost`: the stage the contact was lost from. */
  stageId?: string | undefined;
  /** `lost`: the reason. */
  reasonId?: string | undefined;
  /** Narrow to the cohort of one entry week (`YYYY-MM-DD`, a Monday). */
  week?: string | undefined;
}

/**
 * The contacts behind one number of `funnelReport`, a page at a time. Null when the funnel or
 * the stage is not in the workspace.
 */
export async function funnelContacts(
  db: Db,
  workspaceId: string,
  funnelId: string,
  range: DateRange,
  drill: FunnelDrill,
  page: { limit: number; offset: number },
  now: Date = new Date(),
): Promise<ReportContactPage | null> {
  const head = await reportStages(db, workspaceId, funnelId);
  if (!head) return null;
  const stage = drill.stageId ? head.stages.find((s) => s.id === drill.stageId) : undefined;
  if (drill.stageId && !stage) return null;
  const weekFilter = drill.week
    ? sql`and date_trunc('week', entered_at at time zone 'UTC')::date = ${drill.week}::date`
    : sql``;
  const cte = cohortCte(workspaceId, funnelId, range);
  let ids: SQL;
  switch (drill.metric) {
    case "entered":
      ids = sql`with ${cte} select contact_id from cohort where true ${weekFilter}`;
      break;
    case "won":
      ids = sql`with ${cte} select contact_id from cohort where won ${weekFilter}`;
      break;
    case "reached":
      if (!stage) return null;
      ids =
        stage.kind === "lost"
          ? sql`with ${cte} select contact_id from cohort where lost ${weekFilter}`
          : sql`with ${cte} select contact_id from cohort where max_pos >= ${stage.position} ${weekFilter}`;
      break;
    case "lost":
      ids = sql`with ${cte}
        select distinct m.contact_id from cohort_moves m join cohort c using (contact_id)
        where m.kind = 'lost'
          ${stage ? sql`and m.from_stage_id = ${stage.id}` : sql``}
          ${drill.reasonId ? sql`and m.lost_reason_id = ${drill.reasonId}` : sql``}
          ${drill.week ? sql`and date_trunc('week', c.entered_at at time zone 'UTC')::date = ${drill.week}::date` : sql``}`;
      break;
    case "now":
    case "stalled": {
      if (!stage) return null;
      const stalled =
        drill.metric === "stalled"
          ? sql`and entered_at < ${now.toISOString()}::timestamptz - make_interval(days => ${head.funnel.stallDays})`
          : sql``;
      ids = sql`select contact_id from contact_stages
        where workspace_id = ${workspaceId} and funnel_id = ${funnelId} and stage_id = ${stage.id} ${stalled}`;
      break;
    }
  }
  return contactPage(db, workspaceId, ids, page);
}
