import {
  connect,
  createBulkEnrollment,
  createJourney,
  provisionWorkspace,
  publishJourney,
  runBulkEnrollment,
} from "@voronka/db";
import { benchDatabase, progress } from "./support/database.ts";

/** Manual trigger → wait 3 days: enrolled runs stay put (nothing else runs during the bench). */
const graph = {
  schemaVersion: 1,
  nodes: [
    { id: "start", type: "trigger-manual", position: { x: 0, y: 0 }, data: {} },
    {
      id: "w",
      type: "wait",
      position: { x: 1, y: 0 },
      data: { mode: "duration", duration: { amount: 3, unit: "days" } },
    },
  ],
  edges: [{ id: "e", source: "start", target: "w" }],
};

/**
 * `pnpm bench bulk-enroll [--size N]`: N contacts, half of them tagged `vip`; a bulk enrollment
 * by tag through `runBulkEnrollment` (what the worker task runs: batches of 1,000 with re-entry
 * checks and progress). Baseline in the same run: one bare `insert … select` of the same number
 * of enrollment rows — the least any enrollment can cost. Reports contacts enrolled per second
 * and the ratio to the baseline.
 */
export async function main({ size = 200_000 }: { size?: number }): Promise<void> {
  const database = await benchDatabase("bulk_enroll");
  const { db, pool, close } = connect(database.url, { max: 4 });
  try {
    progress(`database: ${database.where}`);
    const { workspace } = await provisionWorkspace(db, "Bulk");
    const ws = workspace.id;
    await pool.query(
      `insert into contacts (workspace_id, email, tags)
       select $1, 'c' || i || '@example.com', case when i % 2 = 0 then array['vip'] else '{}' end
       from generate_series(1, $2::int) as i`,
      [ws, size],
    );
    await pool.query("analyze contacts");
    const matching = Math.floor(size / 2);
    progress(`${size} contacts, ${matching} tagged vip`);

    const baselineStart = performance.now();
    await pool.query(
      `insert into enrollments (workspace_id, journey_id, version, contact_id, status, state, started_at)
       select workspace_id, gen_random_uuid(), 1, id, 'waiting', '{}'::jsonb, now()
       from contacts where workspace_id = $1 and tags @> array['vip']`,
      [ws],
    );
    const baselineSecs = (performance.now() - baselineStart) / 1000;
    await pool.query("delete from enrollments");
    progress(`baseline bare insert: ${baselineSecs.toFixed(2)} s`);

    const journey = await createJourney(db, ws, { name: "Win-back", draft: graph });
    const published = await publishJourney(db, ws, journey.id);
    if ("violations" in published) throw new Error("journey did not publish");
    const bulk = await createBulkEnrollment(db, ws, journey.id, { tag: "vip" });
    const start = performance.now();
    const done = await runBulkEnrollment(db, ws, bulk.id);
    const secs = (performance.now() - start) / 1000;
    if (done?.status !== "done" || done.enrolled !== matching) {
      throw new Error(`bulk enrollment ended ${done?.status} with ${done?.enrolled} enrolled`);
    }
    progress(`bulk enrollment: ${done.enrolled} enrolled in ${secs.toFixed(2)} s`);
    const perSec = Math.round(done.enrolled / secs);
    const basePerSec = Math.round(matching / baselineSecs);
    console.log(
      JSON.stringify({
        name: "bulk-enroll",
        contacts: size,
        enrolled: done.enrolled,
        seconds: Number(secs.toFixed(2)),
        enrolledPerSec: perSec,
        bareInsertPerSec: basePerSec,
        ratio: Number((perSec / basePerSec).toFixed(2)),
      }),
    );
  } finally {
    await close();
    await database.close();
  }
}
