import { sql } from "drizzle-orm";
import { journeysListenSql } from "../engine/route-events.ts";
import { stageRulesListenSql } from "../funnels/rules.ts";
import { type Identity, identityKey } from "./identity.ts";
import { knownIdentities, knownIdentitiesSql, type Tx } from "./resolve.ts";

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
  const rows = await tx.execute<{
    known: unknown;
    last_seen: Record<string, string> | null;
    stage_rules: boolean;
    journeys: boolean;
  }>(sql`
    with k as materialized (select ${knownIdentitiesSql(workspaceId, [...unique.values()])} as known)
    select k.known,
      (select json_object_agg(c.id, c.last_seen_at) from contacts c
       where c.workspace_id = ${workspaceId}
         and c.id in (select (j ->> 2)::uuid from json_array_elements(k.known) as j)) as last_seen,
      ${listening}
    from k`);
  const row = rows.rows[0];
  const lastSeen = new Map<string, number>();
  for (const [id, at] of Object.entries(row?.last_seen ?? {})) lastSeen.set(id, Date.parse(at));
  return {
    known: knownIdentities(row?.known ?? []),
    lastSeen,
    stageRules: row?.stage_rules === true,
    journeys: row?.journeys === true,
  };
}
