import {
  ContactSnapshot,
  isTrigger,
  type TriggerNode,
  type TriggerSignal,
  triggerMatches,
} from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { enqueueAdvance } from "./enqueue.ts";
import { type EnrollCandidate, enrollContacts } from "./enroll.ts";
import { type LoadedVersion, loadVersions, versionKey } from "./graphs.ts";
import { type ContactWorld, loadContactWorlds, snapshotAt } from "./snapshots.ts";
import { signalKey } from "./trigger-keys.ts";

/** Something that happened to a contact (other than a track event) at a logical time. */
export interface ContactSignal {
  contactId: string;
  signal: TriggerSignal;
  /** Epoch ms. */
  at: number;
}

/** A live journey's current version whose non-event triggers include one of the keys. */
export interface TriggerVersion {
  journeyId: string;
  version: number;
}

/**
 * The current versions of the workspace's live journeys with a trigger under any of the keys
 * (`trigger_keys` of journey_versions). One small indexed query; empty for most workspaces.
 */
export async function findTriggerVersions(
  tx: Tx,
  workspaceId: string,
  keys: readonly string[],
): Promise<TriggerVersion[]> {
  if (keys.length === 0) return [];
  const rows = await tx.execute<{ journey_id: string; version: number }>(sql`
    select v.journey_id, v.version
    from journeys j
    join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.current_version
    where j.workspace_id = ${workspaceId} and j.status = 'live' and v.trigger_keys && ${pgArray([...new Set(keys)])}::text[]`);
  return rows.rows.map((r) => ({ journeyId: r.journey_id, version: r.version }));
}

/**
 * Enrolls contacts in every live journey whose lead, stage, attribute or segment trigger the
 * signals fire, honouring each journey's re-entry rule, in the caller's transaction; queues an
 * advance job when anyone was enrolled. Set-based: one query to find journeys, one to load the
 * contacts when a trigger filters on them, one to check re-entry, one insert. Returns the
 * number of enrollments created.
 */
export async function routeSignals(
  tx: Tx,
  workspaceId: string,
  signals: readonly ContactSignal[],
  options: { versions?: TriggerVersion[]; worlds?: Map<string, ContactWorld> } = {},
): Promise<number> {
  if (signals.length === 0) return 0;
  const versions =
    options.versions ??
    (await findTriggerVersions(
      tx,
      workspaceId,
      signals.map((s) => signalKey(s.signal)),
    ));
  if (versions.length === 0) return 0;
  const loaded = await loadVersions(
    tx,
    versions.map((v) => ({ workspaceId, journeyId: v.journeyId, version: v.version })),
  );
  const journeys: { lv: LoadedVersion; triggers: TriggerNode[] }[] = [];
  for (const v of versions) {
    const lv = loaded.get(versionKey(workspaceId, v.journeyId, v.version));
    if (!lv) continue;
    const triggers = lv.graph.nodes
      .filter(isTrigger)
      .filter((n) => n.type !== "trigger-event" && n.type !== "trigger-date");
    journeys.push({ lv, triggers });
  }
  // Profiles are only needed when an attribute trigger filters on the contact.
  const filtered = journeys.some(({ triggers }) =>
    triggers.some((t) => t.type === "trigger-attribute" && t.data.filter !== undefined),
  );
  const worlds =
    options.worlds ??
    (filtered
      ? await loadContactWorlds(
          tx,
          workspaceId,
          signals.map((s) => s.contactId),
          [],
          Date.now(),
          { sends: false, stages: true },
        )
      : null);
  const candidates: EnrollCandidate[] = [];
  for (const s of signals) {
    const world = worlds?.get(s.contactId);
    const contact = world
      ? snapshotAt(world, [], s.at)
      : ContactSnapshot.parse({ id: s.contactId });
    for (const { lv, triggers } of journeys) {
      const trigger = triggers.find((t) => triggerMatches(t, s.signal, contact));
      if (!trigger) continue;
      candidates.push({
        journeyId: lv.journeyId,
        version: lv.version,
        reentry: lv.graph.settings.reentry,
        contactId: s.contactId,
        trigger: trigger.id,
        at: s.at,
      });
    }
  }
  const enrolled = await enrollContacts(tx, workspaceId, candidates);
  if (enrolled > 0) await enqueueAdvance(tx);
  return enrolled;
}
