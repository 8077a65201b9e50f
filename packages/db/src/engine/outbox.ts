import { assertNever, type Effect } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";

/** An effect with where it came from, ready for the outbox. */
export interface OutboxEffect {
  workspaceId: string;
  enrollmentId: string;
  journeyId: string;
  version: number;
  contactId: string;
  at: number;
  effect: Effect;
}

/**
 * The outbox channel of an effect, or null for bookkeeping effects that live in the
 * enrollment's own row (wake-ups, exit, conversion) and the transition history.
 */
export function channelOf(effect: Effect): string | null {
  switch (effect.type) {
    case "send-email":
      return "email";
    case "send-message":
      return effect.channel;
    case "audience":
      return "audience";
    case "webhook":
      return "webhook";
    case "issue-promo-code":
      return "promo";
    case "notify-manager":
      return "notify";
    case "move-stage":
    case "mark-lost":
    case "update-contact":
      return "internal";
    case "schedule-wake":
    case "exit":
    case "converted":
      return null;
    default:
      return assertNever(effect, "effect type");
  }
}

/**
 * Inserts effects under their idempotency keys and returns only those actually inserted: an
 * effect a crashed or repeated run already wrote is not returned, so nothing acts on it twice.
 */
export async function insertEffects(
  tx: Tx,
  list: readonly OutboxEffect[],
): Promise<OutboxEffect[]> {
  const rows = list.filter((e) => channelOf(e.effect) !== null);
  if (rows.length === 0) return [];
  const inserted = await tx.execute<{ workspace_id: string; key: string }>(sql`
    insert into journey_effects (workspace_id, key, enrollment_id, journey_id, version, contact_id,
                                 node_id, type, channel, payload, status, at)
    select u.workspace_id, u.key, u.enrollment_id, u.journey_id, u.version, u.contact_id, u.node_id,
           u.type, u.channel, u.payload::jsonb,
           case when u.channel = 'internal' then 'done' else 'pending' end, u.at
    from unnest(
      ${pgArray(rows.map((r) => r.workspaceId))}::uuid[], ${pgArray(rows.map((r) => r.effect.key))}::text[],
      ${pgArray(rows.map((r) => r.enrollmentId))}::uuid[], ${pgArray(rows.map((r) => r.journeyId))}::uuid[],
      ${pgArray(rows.map((r) => r.version))}::int[], ${pgArray(rows.map((r) => r.contactId))}::uuid[],
      ${pgArray(rows.map((r) => r.effect.nodeId))}::text[], ${pgArray(rows.map((r) => r.effect.type))}::text[],
      ${pgArray(rows.map((r) => channelOf(r.effect)))}::text[], ${pgArray(rows.map((r) => JSON.stringify(r.effect)))}::text[],
      ${pgArray(rows.map((r) => new Date(r.at).toISOString()))}::timestamptz[]
    ) as u(workspace_id, key, enrollment_id, journey_id, version, contact_id, node_id, type, channel, payload, at)
    on conflict (workspace_id, key) do nothing
    returning workspace_id, key`);
  const fresh = new Set(inserted.rows.map((r) => `${r.workspace_id}\u0000${r.key}`));
  return rows.filter((r) => fresh.has(`${r.workspaceId}\u0000${r.effect.key}`));
}

/** Records why internal effects could not be applied (e.g. a stage that no longer exists). */
export async function failEffects(
  tx: Tx,
  failed: readonly { workspaceId: string; key: string; error: string }[],
): Promise<void> {
  if (failed.length === 0) return;
  await tx.execute(sql`
    update journey_effects f set status = 'failed', last_error = u.error
    from unnest(${pgArray(failed.map((f) => f.workspaceId))}::uuid[],
                ${pgArray(failed.map((f) => f.key))}::text[],
                ${pgArray(failed.map((f) => f.error))}::text[]) as u(workspace_id, key, error)
    where f.workspace_id = u.workspace_id and f.key = u.key`);
}
