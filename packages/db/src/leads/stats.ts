import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";

/** How many leads a source brought since a moment, and when the latest came. */
export interface LeadSourceStats {
  leads: number;
  lastLeadAt: Date | null;
}

/**
 * Leads per source of this workspace since `since`, keyed by source id (sources without leads
 * in the window are absent); only `sourceId`'s when given. Bounded by the window, so it reads the `(workspace, created_at)`
 * index range rather than every lead the workspace ever had.
 */
export async function leadSourceStats(
  db: Db,
  workspaceId: string,
  since: Date,
  sourceId?: string,
): Promise<Map<string, LeadSourceStats>> {
  const result = await db.execute<{ source_id: string; leads: number; last_lead_at: string }>(sql`
    select source_id, count(*)::int as leads, max(created_at) as last_lead_at
    from leads
    where workspace_id = ${workspaceId} and created_at >= ${since.toISOString()}::timestamptz
      and source_id is not null
      and (${sourceId ?? null}::uuid is null or source_id = ${sourceId ?? null}::uuid)
    group by source_id`);
  return new Map(
    result.rows.map((r) => [
      r.source_id,
      { leads: r.leads, lastLeadAt: r.last_lead_at ? new Date(r.last_lead_at) : null },
    ]),
  );
}
