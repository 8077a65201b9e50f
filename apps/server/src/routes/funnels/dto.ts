import { z } from "@hono/zod-openapi";
import type { Funnel, StageMove } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type Db,
  type FunnelWithStages,
  getFunnel,
  type StageMoveRow,
  stageCounts,
} from "@voronka/db";

export const FunnelParams = z.object({ id: z.uuid() });

/** The funnel of this workspace, or a 404 that says nothing about other workspaces. */
export async function loadFunnel(
  db: Db,
  workspaceId: string,
  funnelId: string,
): Promise<FunnelWithStages> {
  const funnel = await getFunnel(db, workspaceId, funnelId);
  if (!funnel) throw new AppError("not_found", "No funnel with this id in this workspace.");
  return funnel;
}

export async function toFunnel(
  db: Db,
  workspaceId: string,
  funnel: FunnelWithStages,
): Promise<Funnel> {
  const counts = await stageCounts(db, workspaceId, funnel.id);
  return {
    id: funnel.id,
    name: funnel.name,
    stallDays: funnel.stallDays,
    createdAt: funnel.createdAt.toISOString(),
    stages: funnel.stages.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      position: s.position,
      contacts: counts.get(s.id) ?? 0,
    })),
    lostReasons: funnel.lostReasons.map((r) => ({ id: r.id, label: r.label })),
  };
}

export function toStageMove(row: StageMoveRow): StageMove {
  return {
    id: row.id,
    contactId: row.contactId,
    fromStage: row.fromStageId ? { id: row.fromStageId, name: row.fromStageName ?? "" } : null,
    toStage: { id: row.toStageId, name: row.toStageName, kind: row.toStageKind },
    cause: row.cause,
    causeRef: row.causeRef,
    lostReason: row.lostReasonId
      ? { id: row.lostReasonId, label: row.lostReasonLabel ?? "" }
      : null,
    lostNote: row.lostNote,
    movedAt: row.movedAt.toISOString(),
  };
}
