import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { StageRow } from "../funnels/funnels.ts";
import { funnelStages } from "../schema/funnels.ts";

/** A stage of this workspace by id (any funnel), or undefined: to check a lead's target. */
export async function findStage(
  db: Db,
  workspaceId: string,
  stageId: string,
): Promise<StageRow | undefined> {
  const [row] = await db
    .select()
    .from(funnelStages)
    .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.id, stageId)));
  return row;
}
