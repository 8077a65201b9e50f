import type { ChildProcess } from "node:child_process";
import {
  connect,
  createFunnel,
  createJourney,
  enqueueAdvance,
  enrollContacts,
  provisionWorkspace,
  publishJourney,
} from "@voronka/db";
import { fiveNodes } from "./engine.ts";
import { benchDatabase, progress } from "./support/database.ts";
import { startWorkerProcess, stopProcess } from "./support/worker-process.ts";

/** Kills at least this many times at full size (a small smoke run: 2), at random moments. */
const KILLS = 5;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * `pnpm bench crash [--size N]` (issue 5, acceptance 2): N contacts (half on the `pro` plan)
 * enter the 5-node journey (condition → send email → move stage → exit), advanced by the real
 * worker process (`voronka worker`), which is killed with SIGKILL at random moments — at least
 * five times — and restarted each time. At the end every enrollment must have exited along
 * its path, and every effect must exist exactly once: one send and one applied stage move per
 * `pro` contact, none for the others, and exactly one history row per node visited.
 */
export async function main({ size = 50_000 }: { size?: number }): Promise<void> {
  const contacts = size;
  const killsWanted = contacts >= 10_000 ? KILLS : 2;
  progress(`crash: ${contacts} contacts, worker killed with SIGKILL ${killsWanted} times`);
  const database = await benchDatabase("crash");
  const { db, pool, close } = connect(database.url, { max: 4 });
  let worker: ChildProcess | null = null;
  try {
    const { workspace } = await provisionWorkspace(db, "Crash");
    const ws = workspace.id;
    const funnel = await createFunnel(db, ws, { name: "Crash", stages: ["Welcomed"] });
    const stageId = funnel.stages[0]?.id ?? "";
    await pool.query(
      `insert into contacts (workspace_id, user_id, consent, traits)
       select $1, 'u' || g, '{"email":"subscribed"}',
              case when g % 2 = 0 then '{"plan":"pro"}'::jsonb else '{"plan":"free"}'::jsonb end
       from generate_series(1, $2) g`,
      [ws, contacts],
    );
    const journey = await createJourney(db, ws, {
      name: "Crash",
      draft: fiveNodes(funnel.id, stageId),
    });
    const published = await publishJourney(db, ws, journey.id);
    if ("violations" in published) throw new Error(JSON.stringify(published.violations));
    const ids = (
      await pool.query<{ id: string }>("select id from contacts where workspace_id = $1", [ws])
    ).rows.map((r) => r.id);
    const now = Date.now();
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000).map((contactId) => ({
        journeyId: journey.id,
        version: 1,
        reentry: { mode: "once" as const },
        contactId,
        trigger: "signed-up",
        at: now,
      }));
      await db.transaction(async (tx) => {
        await enrollContacts(tx, ws, chunk);
        await enqueueAdvance(tx);
      });
    }
    progress(`enrolled ${ids.length}`);

    const remaining = async () =>
      (
        await pool.query<{ n: number }>(
          "select count(*)::int as n from enrollments where workspace_id = $1 and status in ('active', 'waiting')",
          [ws],
        )
      ).rows[0]?.n ?? 0;
    const sends = async () =>
      (
        await pool.query<{ n: number }>(
          "select count(*)::int as n from journey_effects where workspace_id = $1 and type = 'send-email'",
          [ws],
        )
      ).rows[0]?.n ?? 0;

    const started = performance.now();
    const kills: { afterMs: number; remaining: number; sends: number }[] = [];
    // Random moments: a lifetime of 0.15–1.35 s at full size, shorter for small runs (the
    // engine got fast enough that longer lives finished 50k runs after two kills). Only kills
    // that land while work remains count towards the wanted number.
    const maxLife = Math.min(1200, 300 + contacts / 40);
    const midWorkKills = () =>
      kills.filter((k) => k.remaining > 0 && k.remaining < contacts).length;
    for (;;) {
      worker = await startWorkerProcess(database.url, { WORKER_CONCURRENCY: "4" });
      const done = (kills.at(-1)?.remaining ?? 1) === 0;
      if (midWorkKills() >= killsWanted || done || kills.length >= killsWanted * 4) break;
      const life = 150 + Math.floor(Math.random() * maxLife);
      await sleep(life);
      await stopProcess(worker, "SIGKILL");
      worker = null;
      const k = { afterMs: life, remaining: await remaining(), sends: await sends() };
      kills.push(k);
      progress(
        `kill ${kills.length} after ${life} ms: ${k.remaining} enrollments left, ${k.sends} sends so far`,
      );
    }
    // The last worker runs to the end.
    const deadline = Date.now() + Math.max(120_000, contacts * 10);
    while ((await remaining()) > 0) {
      if (Date.now() > deadline) throw new Error("the restarted worker did not finish");
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;
    await stopProcess(worker, "SIGTERM");
    worker = null;

    const pro = Math.floor(contacts / 2);
    const check = (
      await pool.query<{
        exited: number;
        at_exit_node: number;
        sends: number;
        moves_effects: number;
        stage_moves: number;
        in_stage: number;
        duplicate_effects: number;
        transitions: number;
        wrong_paths: number;
      }>(
        `select
          (select count(*)::int from enrollments where workspace_id = $1 and status = 'exited') as exited,
          (select count(*)::int from enrollments where workspace_id = $1 and node = 'done') as at_exit_node,
          (select count(*)::int from journey_effects where workspace_id = $1 and type = 'send-email') as sends,
          (select count(*)::int from journey_transitions t cross join lateral json_array_elements(t.effects) x
             where t.workspace_id = $1 and x->>'type' = 'move-stage') as moves_effects,
          (select count(*)::int from stage_moves where workspace_id = $1) as stage_moves,
          (select count(*)::int from contact_stages where workspace_id = $1 and stage_id = $2) as in_stage,
          (select count(*)::int from (select 1 from journey_effects where workspace_id = $1
             group by enrollment_id, node_id having count(*) > 1
             union all
             select 1 from journey_transitions t cross join lateral json_array_elements(t.effects) x
             where t.workspace_id = $1 group by x->>'key' having count(*) > 1) d) as duplicate_effects,
          (select count(*)::int from journey_node_visits where workspace_id = $1) as transitions,
          (select count(*)::int from (
             select e.id from enrollments e
             join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
             left join journey_node_visits t on t.workspace_id = e.workspace_id and t.enrollment_id = e.id
             where e.workspace_id = $1
             group by e.id, c.traits
             having count(t.*) <> case when c.traits->>'plan' = 'pro' then 5 else 3 end) w) as wrong_paths`,
        [ws, stageId],
      )
    ).rows[0];
    if (!check) throw new Error("no check row");
    const expected = {
      exited: contacts,
      at_exit_node: contacts,
      sends: pro,
      moves_effects: pro,
      stage_moves: pro,
      in_stage: pro,
      duplicate_effects: 0,
      transitions: pro * 5 + (contacts - pro) * 3,
      wrong_paths: 0,
    };
    const wrong = Object.entries(expected).filter(([k, v]) => check[k as keyof typeof check] !== v);
    const midWork = kills.filter((k) => k.remaining > 0 && k.remaining < contacts).length;
    progress(
      `done in ${seconds.toFixed(1)} s with ${kills.length} kills (${midWork} while work remained): ${JSON.stringify(check)}`,
    );
    if (wrong.length > 0) {
      throw new Error(
        `crash run left a wrong state: ${wrong.map(([k, v]) => `${k} = ${check[k as keyof typeof check]}, expected ${v}`).join("; ")}`,
      );
    }
    const result = {
      name: "crash",
      contacts,
      kills: kills.length,
      killsWhileWorkRemained: midWork,
      seconds: Number(seconds.toFixed(2)),
      ok: true,
      ...check,
      database: database.where,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (worker) await stopProcess(worker, "SIGKILL");
    await close();
    await database.close();
  }
}
