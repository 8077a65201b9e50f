import { type Json, readPath } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { routeSignals } from "./route-signals.ts";
import { type ContactWorld, loadContactWorlds } from "./snapshots.ts";

/**
 * The attributes live journeys of the workspace start on (`trigger-attribute`), with the
 * versions that watch them. One small query; empty for most workspaces.
 */
async function watchedAttributes(tx: Tx, workspaceId: string): Promise<Set<string>> {
  const rows = await tx.execute<{ key: string }>(sql`
    select distinct k.key
    from journeys j
    join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.current_version
    cross join lateral unnest(v.trigger_keys) as k(key)
    where j.workspace_id = ${workspaceId} and j.status = 'live' and k.key like 'attribute:%'`);
  return new Set(rows.rows.map((r) => r.key.slice("attribute:".length)));
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs `change` (a write to the given contacts' profiles) in the caller's transaction and
 * enrolls the contacts whose watched attributes it changed in the journeys that start on them
 * ("attribute changed", optionally filtered on the new profile). When no live journey has an
 * attribute trigger this costs one small query; otherwise the contacts are read before and
 * after the change, set-based, and compared attribute by attribute.
 */
export async function withAttributeTriggers<T>(
  tx: Tx,
  workspaceId: string,
  contactIds: readonly string[],
  change: () => Promise<T>,
  at: number = Date.now(),
): Promise<T> {
  if (contactIds.length === 0) return change();
  const watched = await watchedAttributes(tx, workspaceId);
  if (watched.size === 0) return change();
  const load = () =>
    loadContactWorlds(tx, workspaceId, contactIds, [], at, { sends: false, stages: true });
  const before = await load();
  const result = await change();
  const after = await load();
  const signals = changedAttributes(before, after, watched).map(({ contactId, attribute }) => ({
    contactId,
    signal: { type: "attribute" as const, attribute },
    at,
  }));
  await routeSignals(tx, workspaceId, signals, { worlds: after });
  return result;
}

function changedAttributes(
  before: Map<string, ContactWorld>,
  after: Map<string, ContactWorld>,
  watched: Set<string>,
): { contactId: string; attribute: string }[] {
  const out: { contactId: string; attribute: string }[] = [];
  for (const [contactId, now] of after) {
    const was = before.get(contactId);
    for (const attribute of watched) {
      const old = was ? readPath(was.base.attributes, attribute) : undefined;
      const value = readPath(now.base.attributes, attribute);
      if (!same(old, value)) out.push({ contactId, attribute });
    }
  }
  return out;
}
