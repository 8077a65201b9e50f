import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { funnelStages, funnels, lostReasons } from "../schema/funnels.ts";

export type FunnelRow = typeof funnels.$inferSelect;
export type StageRow = typeof funnelStages.$inferSelect;
export type LostReasonRow = typeof lostReasons.$inferSelect;

export interface FunnelWithStages extends FunnelRow {
  stages: StageRow[];
  lostReasons: LostReasonRow[];
}

/** Creates a funnel with its open stages in order, plus the `Won` and `Lost` outcomes. */
export async function createFunnel(
  db: Db | Tx,
  workspaceId: string,
  input: { name: string; stages: string[]; lostReasons?: string[]; stallDays?: number },
): Promise<FunnelWithStages> {
  const run = async (tx: Tx) => {
    const [funnel] = await tx
      .insert(funnels)
      .values({
        workspaceId,
        name: input.name,
        ...(input.stallDays ? { stallDays: input.stallDays } : {}),
      })
      .returning();
    if (!funnel) throw new Error("insert returned no row");
    const stageRows = [
      ...input.stages.map((name, i) => ({
        workspaceId,
        funnelId: funnel.id,
        name,
        kind: "open" as const,
        position: i,
      })),
      {
        workspaceId,
        funnelId: funnel.id,
        name: "Won",
        kind: "won" as const,
        position: input.stages.length,
      },
      {
        workspaceId,
        funnelId: funnel.id,
        name: "Lost",
        kind: "lost" as const,
        position: input.stages.length + 1,
      },
    ];
    const stages = await tx.insert(funnelStages).values(stageRows).returning();
    const reasons = input.lostReasons?.length
      ? await tx
          .insert(lostReasons)
          .values(
            input.lostReasons.map((label, i) => ({
              workspaceId,
              funnelId: funnel.id,
              label,
              position: i,
            })),
          )
          .returning()
      : [];
    return {
      ...funnel,
      stages: stages.sort((a, b) => a.position - b.position),
      lostReasons: reasons,
    };
  };
  return "transaction" in db ? (db as Db).transaction(run) : run(db);
}

/** A funnel of this workspace with its stages and live lost reasons, or undefined. */
export async function getFunnel(
  db: Db | Tx,
  workspaceId: string,
  funnelId: string,
): Promise<FunnelWithStages | undefined> {
  const [funnel] = await db
    .select()
    .from(funnels)
    .where(
      and(
        eq(funnels.workspaceId, workspaceId),
        eq(funnels.id, funnelId),
        isNull(funnels.archivedAt),
      ),
    );
  if (!funnel) return undefined;
  const stages = await db
    .select()
    .from(funnelStages)
    .where(and(eq(funnelStages.workspaceId, workspaceId), eq(funnelStages.funnelId, funnelId)))
    .orderBy(asc(funnelStages.position));
  const reasons = await db
    .select()
    .from(lostReasons)
    .where(
      and(
        eq(lostReasons.workspaceId, workspaceId),
        eq(lostReasons.funnelId, funnelId),
        eq(lostReasons.archived, false),
      ),
    )
    .orderBy(asc(lostReasons.position));
  return { ...funnel, stages, lostReasons: reasons };
}

export async function listFunnels(db: Db, workspaceId: string): Promise<FunnelRow[]> {
  return db
    .select()
    .from(funnels)
    .where(and(eq(funnels.workspaceId, workspaceId), isNull(funnels.archivedAt)))
    .orderBy(asc(funnels.createdAt));
}
