import { AppError } from "@voronka/core";
import { type Db, findStage, getFunnel } from "@voronka/db";

/**
 * Checks that a lead target (funnel and/or stage) belongs to this workspace: an unknown funnel
 * or stage is a 404 that says nothing about other workspaces; a stage of another funnel, or an
 * outcome (won/lost) stage, is a 400. A stage alone implies its funnel.
 */
export async function checkLeadTarget(
  db: Db,
  workspaceId: string,
  target: { funnelId: string | null; stageId: string | null },
): Promise<{ funnelId: string | null; stageId: string | null }> {
  const { funnelId, stageId } = target;
  if (funnelId && !(await getFunnel(db, workspaceId, funnelId))) {
    throw new AppError("not_found", "No funnel with this id in this workspace.");
  }
  if (!stageId) return { funnelId, stageId: null };
  const stage = await findStage(db, workspaceId, stageId);
  if (!stage) throw new AppError("not_found", "No stage with this id in this workspace.");
  if (funnelId && stage.funnelId !== funnelId) {
    throw new AppError("validation_failed", "The stage belongs to another funnel.", {
      details: [{ path: "stageId", message: "Not a stage of funnelId" }],
    });
  }
  if (stage.kind !== "open") {
    throw new AppError("validation_failed", "New leads can only enter an open stage.", {
      details: [{ path: "stageId", message: `This is the ${stage.kind} outcome` }],
    });
  }
  if (!funnelId && !(await getFunnel(db, workspaceId, stage.funnelId))) {
    throw new AppError("not_found", "No stage with this id in this workspace.");
  }
  return { funnelId: stage.funnelId, stageId };
}
