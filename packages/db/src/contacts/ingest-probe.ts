import { sql } from "drizzle-orm";
import { journeysListenSql } from "../engine/route-events.ts";
import { stageRulesListenSql } from "../funnels/rules.ts";
import { type Identity, identityKey } from "./identity.ts";
import { knownIdentities, knownIdentitiesSql, type Tx } from "./resolve.ts";

/** What storing a batch of events needs to know before it writes. */
export interface IngestProbe {
  /** Identity key → contact, for the batch's identities that are already known. */
  known: Map<string, string>;
  /** An enabled stage rule listens to one of the batch's track event names. */
  stageRules: boolean;
  /** A live or paused journey listens to one of them (trigger or wake-up). */
  journeys: boolean;
}

/**
 * Learns, in one statement, the contact of each known identity in the batch and whether any
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
  const rows = await tx.execute<{ known: unknown; stage_rules: boolean; journeys: boolean }>(
    sql`select ${knownIdentitiesSql(workspaceId, [...unique.values()])} as known, ${listening}`,
  );
  const row = rows.rows[0];
  return {
    known: knownIdentities(row?.known ?? []),
    stageRules: row?.stage_rules === true,
    journeys: row?.journeys === true,
  };
}
