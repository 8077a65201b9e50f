import { type Json, type NodeOf, nextDateTriggerAt } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { enqueueAdvance } from "./enqueue.ts";
import { type EnrollCandidate, enrollContacts } from "./enroll.ts";
import { type LoadedVersion, loadVersions, versionKey } from "./graphs.ts";

/** The graphile-worker task that enrolls contacts whose date trigger comes round (cron). */
export const DATE_TRIGGERS_TASK = "date-triggers";

/**
 * How far ahead firings are enrolled. An enrollment starts at its firing time (its `wake_at`),
 * so the timer job starts it on time; the cron only has to run more often than this.
 */
export const DATE_LOOKAHEAD_MS = 15 * 60_000;
/** After downtime, firings up to this late still enroll; older ones are skipped. */
export const DATE_CATCH_UP_MS = 86_400_000;

/** Profile columns a date trigger may name (the rest are traits). */
const COLUMNS: Record<string, string> = { birthday: "birthday" };

type DateRow = { id: string; time_zone: string | null; value: Json };

type VersionRow = {
  workspace_id: string;
  journey_id: string;
  version: number;
  published_at: string;
};

/**
 * Enrolls, for every date trigger of every live journey's current version, the contacts whose
 * date (birthday, a date attribute ± offset, at a local time in their zone) falls in the window
 * from where the last run stopped to `now` + {@link DATE_LOOKAHEAD_MS}, honouring re-entry. One
 * transaction per trigger: the contacts that have the attribute are walked in id-ordered
 * batches, and the window's end is saved with the enrollments, so a firing is enrolled once
 * even when runs overlap or crash. Returns the number of enrollments created.
 */
export async function enrollDateTriggers(
  db: Db,
  now: number = Date.now(),
  options: { batchSize?: number } = {},
): Promise<number> {
  const versions = await db.execute<VersionRow>(sql`
    select v.workspace_id, v.journey_id, v.version, v.published_at::text as published_at
    from journeys j
    join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.current_version
    where j.status = 'live' and 'date' = any(v.trigger_keys)`);
  let enrolled = 0;
  for (const row of versions.rows) {
    const loaded = await loadVersions(db, [
      { workspaceId: row.workspace_id, journeyId: row.journey_id, version: row.version },
    ]);
    const lv = loaded.get(versionKey(row.workspace_id, row.journey_id, row.version));
    if (!lv) continue;
    for (const node of lv.graph.nodes) {
      if (node.type !== "trigger-date") continue;
      enrolled += await db.transaction((tx) =>
        enrollOneTrigger(
          tx,
          lv,
          node,
          Date.parse(row.published_at),
          now,
          options.batchSize ?? 5000,
        ),
      );
    }
  }
  return enrolled;
}

async function enrollOneTrigger(
  tx: Tx,
  lv: LoadedVersion,
  trigger: NodeOf<"trigger-date">,
  publishedAt: number,
  now: number,
  batchSize: number,
): Promise<number> {
  const { workspaceId, journeyId, version } = lv;
  // The mark row is created at publish time's window start, then locked: one run per trigger.
  await tx.execute(sql`
    insert into journey_date_marks (workspace_id, journey_id, version, node_id, scanned_until)
    values (${workspaceId}, ${journeyId}, ${version}, ${trigger.id}, ${new Date(publishedAt).toISOString()})
    on conflict do nothing`);
  const mark = await tx.execute<{ scanned_until: string }>(sql`
    select scanned_until::text as scanned_until from journey_date_marks
    where workspace_id = ${workspaceId} and journey_id = ${journeyId} and version = ${version} and node_id = ${trigger.id}
    for update`);
  const scanned = Date.parse(mark.rows[0]?.scanned_until ?? "");
  const from = Math.max(Number.isNaN(scanned) ? publishedAt : scanned, now - DATE_CATCH_UP_MS);
  const to = now + DATE_LOOKAHEAD_MS;
  if (to <= from) return 0;

  const attribute = trigger.data.attribute;
  const column = COLUMNS[attribute];
  // A fixed column name from the map above, never user input.
  const value = column
    ? sql`to_jsonb(c.${sql.raw(column)}::text)`
    : sql`coalesce(c.traits -> ${attribute}, c.traits #> ${pgArray(attribute.split("."))}::text[])`;
  let after: string | null = null;
  let enrolled = 0;
  let due = false;
  for (;;) {
    const page: { rows: DateRow[] } = await tx.execute<DateRow>(sql`
      select c.id, c.time_zone, ${value} as value from contacts c
      where c.workspace_id = ${workspaceId} and c.merged_into is null
        ${after === null ? sql`` : sql`and c.id > ${after}::uuid`}
        and ${value} is not null
      order by c.id limit ${batchSize}`);
    const candidates: EnrollCandidate[] = [];
    for (const c of page.rows) {
      const at = nextDateTriggerAt(
        trigger,
        {
          id: c.id,
          timeZone: c.time_zone ?? "UTC",
          attributes: { [attribute]: c.value },
          tags: [],
          consent: {},
          stages: {},
          segments: [],
          eventCounts: {},
          recentSends: [],
        },
        from,
      );
      if (at === null || at > to) continue;
      due ||= at <= now;
      candidates.push({
        journeyId,
        version,
        reentry: lv.graph.settings.reentry,
        contactId: c.id,
        trigger: trigger.id,
        at,
      });
    }
    enrolled += await enrollContacts(tx, workspaceId, candidates);
    if (page.rows.length < batchSize) break;
    after = page.rows.at(-1)?.id ?? null;
  }
  await tx.execute(sql`
    update journey_date_marks set scanned_until = ${new Date(to).toISOString()}
    where workspace_id = ${workspaceId} and journey_id = ${journeyId} and version = ${version} and node_id = ${trigger.id}`);
  if (due) await enqueueAdvance(tx);
  return enrolled;
}
