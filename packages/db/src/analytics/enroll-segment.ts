import { JourneyGraph } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { enqueueAdvance } from "../engine/enqueue.ts";
import { enrollContacts } from "../engine/enroll.ts";
import { type RfmSelection, rfmContactIds } from "./rfm.ts";

export type EnrollSegmentResult =
  | { ok: true; enrolled: number; contacts: number }
  | { ok: false; reason: "journey_not_found" | "journey_not_live" | "no_manual_trigger" };

/**
 * Enrolls the contacts of an RFM segment (or cell) into a live journey through its
 * "manual / API enrollment" trigger, with the journey's own re-entry rule, and wakes the
 * engine. Contacts the re-entry rule turns away are counted in `contacts` but not `enrolled`.
 */
export async function enrollRfmSegment(
  db: Db,
  workspaceId: string,
  sel: RfmSelection,
  journeyId: string,
  now: Date = new Date(),
): Promise<EnrollSegmentResult> {
  const j = await db.execute<{ status: string; version: number | null; graph: unknown }>(sql`
    select j.status, j.current_version as version, v.graph
    from journeys j
    left join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.current_version
    where j.workspace_id = ${workspaceId} and j.id = ${journeyId}`);
  const row = j.rows[0];
  if (!row) return { ok: false, reason: "journey_not_found" };
  if (row.status !== "live" || row.version === null)
    return { ok: false, reason: "journey_not_live" };
  // A published graph passed validation when it was published.
  const graph = JourneyGraph.parse(row.graph);
  const trigger = graph.nodes.find((n) => n.type === "trigger-manual");
  if (!trigger) return { ok: false, reason: "no_manual_trigger" };
  const version = row.version;
  const ids = await rfmContactIds(db, workspaceId, sel);
  let enrolled = 0;
  for (let i = 0; i < ids.length; i += 5_000) {
    const chunk = ids.slice(i, i + 5_000);
    enrolled += await db.transaction(async (tx) => {
      const n = await enrollContacts(
        tx,
        workspaceId,
        chunk.map((contactId) => ({
          journeyId,
          version,
          reentry: graph.settings.reentry,
          contactId,
          trigger: trigger.id,
          at: now.getTime(),
        })),
      );
      if (n > 0) await enqueueAdvance(tx);
      return n;
    });
  }
  return { ok: true, enrolled, contacts: ids.length };
}
