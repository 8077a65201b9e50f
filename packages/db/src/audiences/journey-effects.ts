import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { changeMembership, type MembershipChange } from "./membership.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fields of an outbox row this module needs (the engine's `OutboxEffect` fits). */
export interface AudienceEffectRow {
  workspaceId: string;
  journeyId: string;
  contactId: string;
  effect: { type: string; key: string; audienceId?: string; action?: string };
}

/**
 * Carries out journeys' "ad audience" steps in the engine's batch transaction, set-based per
 * workspace: joins or leaves the audience (cause `journey`), then marks each effect `done`, or
 * `failed` when the audience is not one of the workspace's live audiences.
 */
export async function applyAudienceEffects(
  tx: Tx,
  inserted: readonly AudienceEffectRow[],
): Promise<void> {
  const byWorkspace = new Map<string, AudienceEffectRow[]>();
  for (const e of inserted) {
    if (e.effect.type !== "audience") continue;
    const list = byWorkspace.get(e.workspaceId);
    if (list) list.push(e);
    else byWorkspace.set(e.workspaceId, [e]);
  }
  for (const [workspaceId, list] of byWorkspace) {
    const ids = [
      ...new Set(list.map((e) => e.effect.audienceId ?? "").filter((id) => UUID.test(id))),
    ];
    const live =
      ids.length === 0
        ? new Set<string>()
        : new Set(
            (
              await tx.execute<{ id: string }>(sql`
                select id from audiences
                where workspace_id = ${workspaceId} and id = any(${pgArray(ids)}::uuid[])
                  and archived_at is null`)
            ).rows.map((r) => r.id),
          );
    const changes: MembershipChange[] = [];
    const done: string[] = [];
    const failed: string[] = [];
    for (const e of list) {
      const { audienceId, action } = e.effect;
      if (!audienceId || !live.has(audienceId) || (action !== "add" && action !== "remove")) {
        failed.push(e.effect.key);
        continue;
      }
      done.push(e.effect.key);
      changes.push({
        audienceId,
        contactId: e.contactId,
        action,
        cause: "journey",
        causeRef: e.journeyId,
      });
    }
    await changeMembership(tx, workspaceId, changes);
    await tx.execute(sql`
      update journey_effects f
      set status = case when f.key = any(${pgArray(done)}::text[]) then 'done' else 'failed' end,
          last_error = case when f.key = any(${pgArray(done)}::text[]) then null
                            else 'No such audience in this workspace.' end
      where f.workspace_id = ${workspaceId}
        and f.key = any(${pgArray([...done, ...failed])}::text[])`);
  }
}
