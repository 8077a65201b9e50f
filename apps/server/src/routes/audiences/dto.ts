import type { Audience, AudienceDestination } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type AudienceWithCount,
  type Db,
  type DestinationRow,
  getAudience,
  listAdAccounts,
  listDestinations,
} from "@voronka/db";

/** The live audience of this workspace, or a 404 that says nothing about other workspaces. */
export async function loadAudience(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<AudienceWithCount> {
  const audience = await getAudience(db, workspaceId, id);
  if (!audience) throw new AppError("not_found", "No audience with this id in this workspace.");
  return audience;
}

export function toDestination(d: DestinationRow, configured: Set<string>): AudienceDestination {
  return {
    platform: d.platform,
    externalId: d.externalId,
    status: d.status,
    lastSyncAt: d.lastSyncAt ? d.lastSyncAt.toISOString() : null,
    lastAdded: d.lastAdded,
    lastRemoved: d.lastRemoved,
    progress: { done: d.progressDone, total: d.progressTotal },
    lastError: d.lastError,
    accountConfigured: configured.has(d.platform),
  };
}

/** Audiences as the API shows them, with their destinations' sync status. */
export async function toAudiences(
  db: Db,
  workspaceId: string,
  list: readonly AudienceWithCount[],
): Promise<Audience[]> {
  const [destinations, accounts] = await Promise.all([
    listDestinations(db, workspaceId),
    listAdAccounts(db, workspaceId),
  ]);
  const configured = new Set(accounts.map((a) => a.platform));
  return list.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    funnelId: a.funnelId,
    stageId: a.stageId,
    members: a.memberCount,
    createdAt: a.createdAt.toISOString(),
    destinations: destinations
      .filter((d) => d.audienceId === a.id)
      .map((d) => toDestination(d, configured)),
  }));
}
