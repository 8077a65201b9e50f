import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { findTriggerVersions, routeSignals } from "./route-signals.ts";

/** A recorded stage move, as the funnel code returns it. */
export interface MovedContact {
  funnelId: string;
  contactId: string;
  toStageId: string;
}

/**
 * The journey hook of stage moves, in the moving transaction: enrolls the moved contacts in
 * live journeys that start when a contact enters that stage or is marked lost in that funnel.
 * Costs one small query when no live journey has a stage trigger on these funnels.
 */
export async function routeStageMoves(
  tx: Tx,
  workspaceId: string,
  moves: readonly MovedContact[],
  at: number = Date.now(),
): Promise<number> {
  if (moves.length === 0) return 0;
  const versions = await findTriggerVersions(
    tx,
    workspaceId,
    moves.map((m) => `stage:${m.funnelId}`),
  );
  if (versions.length === 0) return 0;
  const stageIds = [...new Set(moves.map((m) => m.toStageId))];
  const kinds = await tx.execute<{ id: string; kind: string }>(sql`
    select id, kind from funnel_stages
    where workspace_id = ${workspaceId} and id = any(${pgArray(stageIds)}::uuid[])`);
  const lost = new Set(kinds.rows.filter((k) => k.kind === "lost").map((k) => k.id));
  return routeSignals(
    tx,
    workspaceId,
    moves.map((m) => ({
      contactId: m.contactId,
      signal: {
        type: "stage" as const,
        funnel: m.funnelId,
        stage: m.toStageId,
        lost: lost.has(m.toStageId),
      },
      at,
    })),
    { versions },
  );
}
