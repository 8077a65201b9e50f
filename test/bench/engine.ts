import {
  advanceBatch,
  connect,
  createFunnel,
  createJourney,
  enrollContacts,
  provisionWorkspace,
  publishJourney,
} from "@voronka/db";
import { Logger, run } from "graphile-worker";
import pg from "pg";
import { benchDatabase, progress } from "./support/database.ts";

/** Concurrent engine loops (each one transaction at a time) and enrollments per transaction. */
const LOOPS = Number(process.env.BENCH_LOOPS ?? 2);
/** The worker's batch (`BATCH_SIZE` in apps/worker/src/tasks/advance-enrollments.ts). */
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const NODES_PER_CONTACT = 5;
/** Whole measurements (database, ceiling, engine) per run; medians count (`BENCH_PASSES`). */
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
/** Runs of the no-op ceiling; the best counts (`BENCH_CEILING_RUNS`). */
const CEILING_RUNS = Number(process.env.BENCH_CEILING_RUNS ?? 3);
/**
 * How often the stand-in for autovacuum looks for tables to analyze (`BENCH_ANALYZE_MS`):
 * every minute, autovacuum's own naptime. The batch statements' plans do not depend on
 * statistics (a table the engine just filled has none), so the run must not need more; the
 * analyzing it does is timed (`analyzeSeconds`) and competes with the run. Until migration
 * 0012 the rollup trigger's plan did depend on them and the bench checked every second
 * (`BENCH_ANALYZE_MS=1000`), which cost 12–40 s of the two cores per 200k run.
 */
const ANALYZE_EVERY_MS = Number(process.env.BENCH_ANALYZE_MS ?? 60_000);

/** event trigger → condition → send email → move stage → exit. */
export function fiveNodes(funnelId: string, stageId: string) {
  const node = (id: string, type: string, data: object, x: number) => ({
    id,
    type,
    position: { x, y: 0 },
    data,
  });
  return {
    schemaVersion: 1,
    nodes: [
      node("signed-up", "trigger-event", { event: "signed_up" }, 0),
      node(
        "is-pro",
        "condition",
        { condition: { kind: "attribute", attribute: "plan", op: "eq", value: "pro" } },
        1,
      ),
      node("welcome", "send-email", { templateId: "welcome" }, 2),
      node("stage", "move-stage", { funnel: funnelId, stage: stageId }, 3),
      node("done", "exit", {}, 4),
    ],
    edges: [
      { id: "e1", source: "signed-up", target: "is-pro" },
      { id: "e2", source: "is-pro", sourceHandle: "yes", target: "welcome" },
      { id: "e3", source: "is-pro", sourceHandle: "no", target: "done" },
      { id: "e4", source: "welcome", target: "stage" },
      { id: "e5", source: "stage", target: "done" },
    ],
  };
}

/**
 * `BENCH_PROFILE=1`: wall time per SQL statement (keyed by its first words), summed over the
 * advance loops — finer than the engine's phases. Wraps node-postgres' `Client#query`.
 */
function profileQueries(): { report(): string; on: boolean } {
  const spent = new Map<string, { ms: number; n: number }>();
  const state = { on: false };
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    const first = args[0];
    const text = typeof first === "string" ? first : (first as { text?: string })?.text;
    if (!state.on || typeof text !== "string" || !(result instanceof Promise)) return result;
    const key = text.replace(/\s+/g, " ").trim().slice(0, 70);
    const started = performance.now();
    const done = () => {
      const s = spent.get(key) ?? { ms: 0, n: 0 };
      s.ms += performance.now() - started;
      s.n++;
      spent.set(key, s);
    };
    result.then(done, done);
    return result;
  };
  return {
    get on() {
      return state.on;
    },
    set on(v: boolean) {
      state.on = v;
    },
    report: () =>
      [...spent.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, v]) => `  ${(v.ms / 1000).toFixed(2)} s  ${v.n}×  ${k}`)
        .join("\n"),
  };
}

/**
 * What autovacuum's analyze would do on a production server (the shared bench server runs with
 * `autovacuum = off`): every {@link ANALYZE_EVERY_MS}, `ANALYZE` the tables whose rows changed by
 * more than 10 % + 50 since their last analyze (autovacuum's default threshold). Returns a stop
 * function and the time spent.
 */
function autoAnalyze(pool: pg.Pool): { stop(): Promise<number> } {
  let running = true;
  let spent = 0;
  let wake = () => {};
  const loop = (async () => {
    while (running) {
      await new Promise<void>((r) => {
        const timer = setTimeout(r, ANALYZE_EVERY_MS);
        wake = () => {
          clearTimeout(timer);
          r();
        };
      });
      if (!running) break;
      const due = await pool.query<{ name: string }>(
        `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
         where n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup - n_mod_since_analyze, 0)`,
      );
      for (const t of due.rows) {
        if (!running) break;
        const started = performance.now();
        await pool.query(`analyze ${t.name}`);
        spent += performance.now() - started;
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      wake();
      await loop;
      return spent / 1000;
    },
  };
}

/** graphile-worker no-op jobs/s with its best settings: the ceiling of one-job-per-step. */
async function noopCeiling(pool: pg.Pool, jobs: number): Promise<number> {
  await pool.query(
    `select graphile_worker.add_jobs(array_agg(json_populate_record(null::graphile_worker.job_spec, '{"identifier":"noop","payload":{}}')))
     from generate_series(1, $1)`,
    [jobs],
  );
  let done = 0;
  const started = performance.now();
  const runner = await run({
    pgPool: pool,
    concurrency: 16,
    noHandleSignals: true,
    pollInterval: 100,
    logger: new Logger(() => () => {}),
    taskList: {
      noop: async () => {
        done++;
      },
    },
    preset: {
      worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 },
    },
  });
  while (done < jobs) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  return jobs / seconds;
}

type PassResult = Record<string, unknown> & {
  contactsPerSec: number;
  ceilingJobsPerSec: number;
  ratio: number;
};

/**
 * `pnpm bench engine [--size N]`: N contacts through a 5-node journey on the real engine
 * (enrolled at the trigger in transactions of 5,000, then advanced by 2 concurrent loops (one per core) of
 * 2,000-enrollment batches, the worker's; sends go to the outbox, stage moves are applied), and in the same
 * run graphile-worker's no-op job throughput with localQueue and zero batch delays.
 *
 * The whole measurement (a fresh database, the ceiling, the engine) is made {@link PASSES}
 * times and the figures are the passes' medians, each ratio taken within its own pass. On this
 * machine both throughputs drift by ±15 % within minutes, in step with each other only
 * roughly (the same code's single-pass ratio ranged 0.63–0.86 in one half hour), so one pass
 * decides little; every pass is printed and kept in the JSON.
 */
export async function main({ size = 200_000 }: { size?: number }): Promise<void> {
  const passes: PassResult[] = [];
  for (let i = 0; i < PASSES; i++) {
    if (PASSES > 1) progress(`pass ${i + 1} of ${PASSES}`);
    passes.push(await onePass(size));
  }
  const median = (pick: (p: PassResult) => number) => {
    const xs = passes.map(pick).sort((a, b) => a - b);
    const mid = Math.floor(xs.length / 2);
    return xs.length % 2 === 1 ? (xs[mid] ?? 0) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
  };
  const contactsPerSec = Math.round(median((p) => p.contactsPerSec));
  // What every pass shares (sizes, settings, the outbox checks) from the first; the figures are
  // the medians, and each pass's own are under `passes`.
  const { ceilingRuns: _runs, ...first } = passes[0] as PassResult;
  const result = {
    ...first,
    seconds: Number(median((p) => Number(p.seconds)).toFixed(2)),
    contactsPerSec,
    nodeStepsPerSec: contactsPerSec * NODES_PER_CONTACT,
    ceilingJobsPerSec: Math.round(median((p) => p.ceilingJobsPerSec)),
    ratio: Number(median((p) => p.ratio).toFixed(3)),
    passes: passes.map((p) => ({
      contactsPerSec: p.contactsPerSec,
      seconds: p.seconds,
      ceilingJobsPerSec: p.ceilingJobsPerSec,
      ceilingRuns: p.ceilingRuns,
      ratio: p.ratio,
    })),
  };
  if (PASSES > 1) {
    progress(
      `passes: ${passes.map((p) => `${p.contactsPerSec} contacts/s vs ${p.ceilingJobsPerSec} jobs/s = ${p.ratio}`).join("; ")}`,
    );
    progress(
      `median: ${result.contactsPerSec} contacts/s, ceiling ${result.ceilingJobsPerSec} jobs/s, ratio ${result.ratio}`,
    );
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function onePass(size: number): Promise<PassResult> {
  const contacts = size;
  progress(
    `engine: ${contacts} contacts × ${NODES_PER_CONTACT} nodes, ${LOOPS} loops × ${BATCH}-enrollment batches`,
  );
  const database = await benchDatabase("engine");
  const { db, pool, close } = connect(database.url, { max: LOOPS + 4 });
  try {
    // Every pass starts from a flushed server: without this the last pass's gigabyte of WAL and
    // dirty pages were still being written out during this pass's ceiling, which then measured
    // 10–15 % low and flattered the ratio.
    await pool.query("checkpoint");
    // The best of three runs: one run swung between 13.9k and 19.1k jobs/s on the same idle
    // machine within minutes, and the ratio is only as good as its ceiling; the best run is the
    // ceiling's most demanding reading.
    const ceilingJobs = Math.min(contacts, 100_000);
    const ceilingRuns: number[] = [];
    for (let i = 0; i < CEILING_RUNS; i++) {
      // What autovacuum would have done with the last run's 100k deleted jobs.
      if (i > 0) await pool.query("vacuum graphile_worker._private_jobs");
      ceilingRuns.push(await noopCeiling(pool, ceilingJobs));
    }
    const ceilingPerSec = Math.max(...ceilingRuns);
    progress(
      `ceiling: ${ceilingJobs} graphile-worker no-op jobs at ${ceilingRuns.map((r) => Math.round(r)).join(" / ")} jobs/s, best ${Math.round(ceilingPerSec)}`,
    );

    const { workspace } = await provisionWorkspace(db, "Bench");
    const ws = workspace.id;
    const funnel = await createFunnel(db, ws, { name: "Bench", stages: ["Welcomed"] });
    const stageId = funnel.stages[0]?.id ?? "";
    await pool.query(
      `insert into contacts (workspace_id, user_id, consent, traits)
       select $1, 'u' || g, '{"email":"subscribed"}', '{"plan":"pro"}' from generate_series(1, $2) g`,
      [ws, contacts],
    );
    const journey = await createJourney(db, ws, {
      name: "Bench",
      draft: fiveNodes(funnel.id, stageId),
    });
    const published = await publishJourney(db, ws, journey.id);
    if ("violations" in published) throw new Error(JSON.stringify(published.violations));
    const ids = (
      await pool.query<{ id: string }>("select id from contacts where workspace_id = $1", [ws])
    ).rows.map((r) => r.id);
    const now = Date.now();

    const analyzer = autoAnalyze(pool);
    const enrollStarted = performance.now();
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000).map((contactId) => ({
        journeyId: journey.id,
        version: 1,
        reentry: { mode: "after-exit" as const },
        contactId,
        trigger: "signed-up",
        at: now,
      }));
      await db.transaction((tx) => enrollContacts(tx, ws, chunk));
    }
    const enrollSeconds = (performance.now() - enrollStarted) / 1000;
    progress(
      `enrolled ${ids.length} in ${enrollSeconds.toFixed(1)} s (${Math.round(ids.length / enrollSeconds)}/s)`,
    );

    const timings: Record<string, number> = {};
    const profile = process.env.BENCH_PROFILE ? profileQueries() : null;
    if (profile) profile.on = true;
    let advanced = 0;
    let steps = 0;
    const started = performance.now();
    const ticker = setInterval(
      () => progress(`  ${advanced} / ${contacts} contacts advanced`),
      2000,
    );
    await Promise.all(
      Array.from({ length: LOOPS }, async () => {
        for (;;) {
          const r = await advanceBatch(db, { now, batchSize: BATCH, timings });
          if (r.enrollments === 0) return;
          advanced += r.enrollments;
          steps += r.steps;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(ticker);
    const analyzeSeconds = await analyzer.stop();
    if (profile) {
      profile.on = false;
      progress(`time per statement, summed over loops:\n${profile.report()}`);
    }
    progress(
      `time per phase, summed over loops (s): ${Object.entries(timings)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join(", ")}`,
    );
    const check = await pool.query<{ sends: number; moves: number; exited: number }>(
      `select (select count(*)::int from journey_effects where workspace_id = $1 and type = 'send-email') as sends,
              (select count(*)::int from stage_moves where workspace_id = $1) as moves,
              (select count(*)::int from enrollments where workspace_id = $1 and status = 'exited') as exited`,
      [ws],
    );
    const c = check.rows[0];
    const contactsPerSec = contacts / seconds;
    progress(
      `advanced ${contacts} contacts in ${seconds.toFixed(1)} s = ${Math.round(contactsPerSec)} contacts/s; outbox ${c?.sends} sends, ${c?.moves} stage moves, ${c?.exited} exited`,
    );
    const result = {
      name: "engine",
      contacts,
      nodesPerContact: NODES_PER_CONTACT,
      seconds: Number(seconds.toFixed(2)),
      contactsPerSec: Math.round(contactsPerSec),
      nodeStepsPerSec: Math.round(contactsPerSec * NODES_PER_CONTACT),
      enrollPerSec: Math.round(contacts / enrollSeconds),
      endToEndContactsPerSec: Math.round(contacts / (seconds + enrollSeconds)),
      ceilingJobsPerSec: Math.round(ceilingPerSec),
      ceilingRuns: ceilingRuns.map((r) => Math.round(r)),
      ratio: Number((contactsPerSec / ceilingPerSec).toFixed(3)),
      steps,
      analyzeSeconds: Number(analyzeSeconds.toFixed(2)),
      analyzeEveryMs: ANALYZE_EVERY_MS,
      sends: c?.sends,
      stageMoves: c?.moves,
      exited: c?.exited,
      loops: LOOPS,
      batch: BATCH,
      database: database.where,
    };
    return result;
  } finally {
    await close();
    await database.close();
  }
}
