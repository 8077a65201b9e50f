import { sql } from "drizzle-orm";
import { journeysListenSql } from "../engine/route-events.ts";
import { stageRulesListenSql } from "../funnels/rules.ts";
import { type Identity, identityKey } from "./identity.ts";
import type { Tx } from "./resolve.ts";

/** What storing a batch of events needs to know before it writes. */
export interface IngestProbe {
  /** Identity key → contact, for the batch's identities that are already known. */
  known: Map<string, string>;
  /** Contact → last-seen time (epoch ms), for the contacts of the known identities. */
  lastSeen: Map<string, number>;
  /** An enabled stage rule listens to one of the batch's track event names. */
  stageRules: boolean;
  /** A live or paused journey listens to one of them (trigger or wake-up). */
  journeys: boolean;
}

/**
 * Learns, in one statement, the contact (and its last-seen time) of each known identity in
 * the batch and whether any
 * stage rule or journey listens to its track event names — for most batches, none does, and
 * asking costs nothing more than the identity lookup.
 */
export async function probeBatch(
  tx: Tx,
  workspaceId: string,
  events: ReadonlyArray<{ type: string; name: string | null; identities: Identity[] }>,
): Promise<IngestProbe> {
  const unique = new Map<string, Identity>();
  for (const e of events) for (const id of e.identities) unique.set(identityKey(id), id);
  const names = [...new Set(events.flatMap((e) => (e.type === "track" && e.name ? [e.name] : [])))];
  const listening =
    names.length > 0
      ? sql`${stageRulesListenSql(workspaceId, names)} as stage_rules, ${journeysListenSql(workspaceId, names)} as journeys`
      : sql`false as stage_rules, false as journeys`;
  // One primary-key probe per identity (`limit 1` keeps the lateral subquery from being
  // flattened into a join that hashes the whole workspace's identities and contacts).
  const rows = await tx.execute<{
    known: Array<[Identity["kind"], string, string, number | null]> | null;
    stage_rules: boolean;
    journeys: boolean;
  }>(sql`
    select (
      select json_agg(json_build_array(k.kind, k.value, x.contact_id, x.seen))
      from jsonb_to_recordset(${JSON.stringify([...unique.values()])}::jsonb) as k(kind text, value text)
      cross join lateral (
        select i.contact_id, (extract(epoch from c.last_seen_at) * 1000)::float8 as seen
        from contact_identities i
        left join contacts c on c.workspace_id = i.workspace_id and c.id = i.contact_id
        where i.workspace_id = ${workspaceId} and i.kind = k.kind and i.value = k.value
        limit 1) x) as known,
      ${listening}`);
  const row = rows.rows[0];
  const known = new Map<string, string>();
  const lastSeen = new Map<string, number>();
  for (const [kind, value, contactId, seen] of row?.known ?? []) {
    known.set(identityKey({ kind, value }), contactId);
    if (seen !== null) lastSeen.set(contactId, seen);
  }
  return {
    known,
    lastSeen,
    stageRules: row?.stage_rules === true,
    journeys: row?.journeys === true,
  };
}
