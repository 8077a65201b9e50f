import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import {
  contactStages,
  funnelStages,
  funnels,
  lostReasons,
  stageRules,
} from "../schema/funnels.ts";

/** Contacts now in each stage of a funnel. */
export async function stageCounts(
  db: Db,
  workspaceId: string,
  funnelId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ stageId: contactStages.stageId, n: sql<number>`count(*)::int` })
    .from(contactStages)
    .where(and(eq(contactStages.workspaceId, workspaceId), eq(contactStages.funnelId, funnelId)))
    .groupBy(contactStages.stageId);
  return new Map(rows.map((r) => [r.stageId, r.n]));
}

export async function updateFunnel(
  db: Db,
  workspaceId: string,
  funnelId: string,
  patch: { name?: string | undefined; stallDays?: number | undefined },
) {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return true;
  const rows = await db
    .update(funnels)
    .set(set)
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, funnelId)))
    .returning({ id: funnels.id });
  return rows.length > 0;
}

export async function archiveFunnel(
  db: Db,
  workspaceId: string,
  funnelId: string,
): Promise<boolean> {
  const rows = await db
    .update(funnels)
    .set({ archivedAt: sql`now()` })
    .where(and(eq(funnels.workspaceId, workspaceId), eq(funnels.id, funnelId)))
    .returning({ id: funnels.id });
  return rows.length > 0;
}

/**
 * Inserts an open stage at `position` (default: after the last open stage), shifting the
 * stages after it; the won/lost outcomes always stay last.
 */
export async function addStage(
  db: Db,
  workspaceId: string,
  funnelId: string,
  name: string,
  position?: number,
) {
  return db.transaction(async (tx) => {
    const stages = await tx
      .select()
      .from(funnelStages)
      .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.funnelId, funnelId)))
      .orderBy(asc(funnelStages.position))
      .for("update");
    const open = stages.filter((s) => s.kind === "open");
    const at = Math.min(position ?? open.length, open.length);
    await tx
      .update(funnelStages)
      .set({ position: sql`${funnelStages.position} + 1` })
      .where(
        and(
          eq(funnelStages.workspaceId, workspaceId),
          eq(funnelStages.funnelId, funnelId),
          sql`${funnelStages.position} >= ${at}`,
        ),
      );
    const [row] = await tx
      .insert(funnelStages)
      .values({ workspaceId, funnelId, name, kind: "open", position: at })
      .returning();
    return row!;
  });
}

/** Renames and/or moves an open stage to a new position among the open stages. */
export async function updateStage(
  db: Db,
  workspaceId: string,
  funnelId: string,
  stageId: string,
  patch: { name?: string | undefined; position?: number | undefined },
): Promise<"ok" | "not_found" | "outcome"> {
  return db.transaction(async (tx) => {
    const stages = await tx
      .select()
      .from(funnelStages)
      .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.funnelId, funnelId)))
      .orderBy(asc(funnelStages.position))
      .for("update");
    const stage = stages.find((s) => s.id === stageId);
    if (!stage) return "not_found";
    if (patch.position !== undefined && stage.kind !== "open") return "outcome";
    if (patch.name) {
      await tx
        .update(funnelStages)
        .set({ name: patch.name })
        .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.id, stageId)));
    }
    if (patch.position !== undefined) {
      const open = stages.filter((s) => s.kind === "open" && s.id !== stageId);
      open.splice(Math.min(patch.position, open.length), 0, stage);
      const outcomes = stages.filter((s) => s.kind !== "open");
      const ordered = [...open, ...outcomes];
      for (const [i, s] of ordered.entries()) {
        if (s.position !== i) {
          await tx
            .update(funnelStages)
            .set({ position: i })
            .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.id, s.id)));
        }
      }
    }
    return "ok";
  });
}

/** Deletes an open stage that no contact is in. */
export async function deleteStage(
  db: Db,
  workspaceId: string,
  funnelId: string,
  stageId: string,
): Promise<"ok" | "not_found" | "in_use" | "outcome"> {
  return db.transaction(async (tx) => {
    const [stage] = await tx
      .select()
      .from(funnelStages)
      .where(
        and(
          eq(funnelStages.workspaceId, workspaceId),
          eq(funnelStages.funnelId, funnelId),
          eq(funnelStages.id, stageId),
        ),
      )
      .for("update");
    if (!stage) return "not_found";
    if (stage.kind !== "open") return "outcome";
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(contactStages)
      .where(and(eq(contactStages.workspaceId, workspaceId), eq(contactStages.stageId, stageId)));
    if ((used?.n ?? 0) > 0) return "in_use";
    await tx
      .delete(stageRules)
      .where(and(eq(stageRules.workspaceId, workspaceId), eq(stageRules.toStageId, stageId)));
    await tx
      .delete(funnelStages)
      .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.id, stageId)));
    return "ok";
  });
}

export async function addLostReason(db: Db, workspaceId: string, funnelId: string, label: string) {
  const [row] = await db
    .insert(lostReasons)
    .values({
      workspaceId,
      funnelId,
      label,
      position: sql`(select coalesce(max(position) + 1, 0) from lost_reasons where workspace_id = ${workspaceId} and funnel_id = ${funnelId})`,
    })
    .returning();
  return row!;
}

/** Archives a lost reason: history keeps pointing at it, new moves can't pick it. */
export async function archiveLostReason(
  db: Db,
  workspaceId: string,
  funnelId: string,
  reasonId: string,
): Promise<boolean> {
  const rows = await db
    .update(lostReasons)
    .set({ archived: true })
    .where(
      and(
        eq(lostReasons.workspaceId, workspaceId),
        eq(lostReasons.funnelId, funnelId),
        eq(lostReasons.id, reasonId),
      ),
    )
    .returning({ id: lostReasons.id });
  return rows.length > 0;
}

export async function listStageRules(db: Db, workspaceId: string, funnelId: string) {
  return db
    .select()
    .from(stageRules)
    .where(and(eq(stageRules.workspaceId, workspaceId), eq(stageRules.funnelId, funnelId)))
    .orderBy(asc(stageRules.createdAt));
}

export async function addStageRule(
  db: Db,
  workspaceId: string,
  funnelId: string,
  input: { eventName: string; stageId: string; forwardOnly: boolean },
) {
  const [row] = await db
    .insert(stageRules)
    .values({
      workspaceId,
      funnelId,
      eventName: input.eventName,
      toStageId: input.stageId,
      forwardOnly: input.forwardOnly,
    })
    .returning();
  return row!;
}

export async function deleteStageRule(
  db: Db,
  workspaceId: string,
  funnelId: string,
  ruleId: string,
): Promise<boolean> {
  const rows = await db
    .delete(stageRules)
    .where(
      and(
        eq(stageRules.workspaceId, workspaceId),
        eq(stageRules.funnelId, funnelId),
        eq(stageRules.id, ruleId),
      ),
    )
    .returning({ id: stageRules.id });
  return rows.length > 0;
}
