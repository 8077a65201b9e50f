/**
 * `pnpm bench analytics [--size N]`: N contacts (default 1,000,000) and 10 × N events generated
 * set-based (generate_series), then every analytics report timed on that workspace.
 * Reports look at the last 90 days (the UI's default range) of two years of history; RFM is
 * over all purchases (its refresh is timed separately from reading the grid).
 */
import {
  abResults,
  channelReport,
  connect,
  funnelContacts,
  funnelReport,
  journeyReport,
  provisionWorkspace,
  refreshRfm,
  rfmContacts,
  rfmReport,
} from "@voronka/db";
import { seedAnalytics } from "../support/analytics-seed.ts";
import { benchDatabase, progress } from "./support/database.ts";

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

export async function main({ size = 1_000_000 }: { size?: number }): Promise<void> {
  const n = size;
  const bench = await benchDatabase("analytics");
  const { db, pool, close } = connect(bench.url, { max: 4 });
  try {
    progress(
      `database: ${bench.where}; ${n.toLocaleString("en")} contacts, ${(10 * n).toLocaleString("en")} events`,
    );
    const ws = (await provisionWorkspace(db, "Bench")).workspace.id;
    const seed = await seedAnalytics(db, pool, ws, n, { progress });
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
