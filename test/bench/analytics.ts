/**
 * `pnpm bench analytics [--size N]`: N contacts (default 1,000,000) and 10 × N events generated
 * set-based (generate_series), then every analytics report timed on that workspace.
 * Reports look at the last 90 days (the UI's default range) of two years of history; RFM is
 * over all purchases (its refresh is timed separately from reading the grid).
 *
 * `BENCH_KEEP=1` (with `DATABASE_URL`): seed once into `voronka_bench_analytics_keep_<N>` and
 * keep it; later runs migrate it (new migrations run on the seeded data) and time the reports
 * again without the ten-minute seeding. The data ages between runs (the 90-day window slides).
 */
import {
  abResults,
  channelReport,
  connect,
  ensureDatabase,
  funnelContacts,
  funnelReport,
  journeyReport,
  migrate,
  provisionWorkspace,
  refreshRfm,
  rfmContacts,
  rfmReport,
  withDefaultUser,
} from "@voronka/db";
import type pg from "pg";
import { type AnalyticsSeed, seedAnalytics } from "../support/analytics-seed.ts";
import { databaseUrl } from "../support/urls.ts";
import { type BenchDatabase, benchDatabase, progress } from "./support/database.ts";

const DAY = 86_400_000;

async function timed<T>(label: string, run: () => Promise<T>, repeats = 3): Promise<number> {
  await run(); // warm: plans cached, pages in memory, as for a marketer clicking around
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  progress(`${label}: ${median.toFixed(0)} ms (runs ${times.map((x) => x.toFixed(0)).join(", ")})`);
  return Math.round(median);
}

/** A kept database (created and migrated if needed), never dropped. */
async function keptDatabase(n: number): Promise<BenchDatabase> {
  if (!process.env.DATABASE_URL) throw new Error("BENCH_KEEP=1 needs DATABASE_URL");
  const admin = withDefaultUser(process.env.DATABASE_URL);
  const name = `voronka_bench_analytics_keep_${n}`;
  await ensureDatabase(admin, name);
  const url = databaseUrl(admin, name);
  await migrate(url);
  return { url, where: `DATABASE_URL server, kept database ${name}`, close: async () => {} };
}

/** The seed of an earlier kept run, or null when there is none (or it did not finish). */
async function earlierSeed(pool: pg.Pool): Promise<(AnalyticsSeed & { ws: string }) | null> {
  const w = await pool.query<{ id: string; funnel_id: string; journey_id: string }>(
    `select w.id, f.id as funnel_id, j.id as journey_id from workspaces w
     join funnels f on f.workspace_id = w.id join journeys j on j.workspace_id = w.id
     where w.name = 'Bench' and exists (select 1 from events e where e.workspace_id = w.id)
     limit 1`,
  );
  const row = w.rows[0];
  if (!row) return null;
  const open = await pool.query<{ id: string }>(
    "select id from funnel_stages where workspace_id = $1 and funnel_id = $2 and kind = 'open' order by position",
    [row.id, row.funnel_id],
  );
  const events = await pool.query<{ n: number }>(
    "select count(*)::int as n from events where workspace_id = $1",
    [row.id],
  );
  return {
    ws: row.id,
    funnelId: row.funnel_id,
    open: open.rows.map((r) => r.id),
    journeyId: row.journey_id,
    events: events.rows[0]?.n ?? 0,
    seconds: 0,
  };
}

export async function main({ size = 1_000_000 }: { size?: number }): Promise<void> {
  const n = size;
  const keep = process.env.BENCH_KEEP === "1";
  const bench = keep ? await keptDatabase(n) : await benchDatabase("analytics");
  const { db, pool, close } = connect(bench.url, { max: 4 });
  try {
    progress(
      `database: ${bench.where}; ${n.toLocaleString("en")} contacts, ${(10 * n).toLocaleString("en")} events`,
    );
    const kept = keep ? await earlierSeed(pool) : null;
    if (kept) progress("reusing the kept seed (generation not timed)");
    else if (keep) await pool.query("delete from workspaces where name = 'Bench'");
    const ws = kept?.ws ?? (await provisionWorkspace(db, "Bench")).workspace.id;
    const seed = kept ?? (await seedAnalytics(db, pool, ws, n, { progress }));
    const { journeyId, events } = seed;
    const funnel = { id: seed.funnelId };
    const open = seed.open;
    const generateSeconds = seed.seconds;
    const now = new Date();
    const range = { from: new Date(now.getTime() - 90 * DAY), to: now };
    const page = { limit: 50, offset: 0 };
    const secondStage = open[1] ?? "";
    const ms = {
      funnel: await timed("funnel report (90 days)", () =>
        funnelReport(db, ws, funnel.id, range, now),
      ),
      funnelDrill: await timed("funnel drill-down page", () =>
        funnelContacts(
          db,
          ws,
          funnel.id,
          range,
          { metric: "reached", stageId: secondStage },
          page,
          now,
        ),
      ),
      journey: await timed("journey report (90 days)", () =>
        journeyReport(db, ws, journeyId, range),
      ),
      ab: await timed("A/B results (90 days)", () => abResults(db, ws, journeyId, range)),
      channels: await timed("channel report (90 days)", () =>
        channelReport(db, ws, range, { margin: 0.3 }),
      ),
      rfmRefresh: await timed("RFM refresh (all purchases)", () => refreshRfm(db, ws, now), 1),
      rfm: await timed("RFM grid", () => rfmReport(db, ws)),
      rfmContacts: await timed("RFM segment page", () =>
        rfmContacts(db, ws, { segment: "champions" }, page),
      ),
    };
    const reports = [
      ms.funnel,
      ms.funnelDrill,
      ms.journey,
      ms.ab,
      ms.channels,
      ms.rfm,
      ms.rfmContacts,
    ];
    const result = {
      name: "analytics",
      contacts: n,
      events,
      generateSeconds: Math.round(generateSeconds),
      ms,
      slowestReportMs: Math.max(...reports),
      allUnderOneSecond: reports.every((x) => x <= 1000),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await close();
    await bench.close();
  }
}
