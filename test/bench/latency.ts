import { randomUUID } from "node:crypto";
import {
  connect,
  createJourney,
  type NormalizedEvent,
  provisionWorkspace,
  publishJourney,
  storeEvents,
} from "@voronka/db";
import pg from "pg";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { benchDatabase, progress } from "./support/database.ts";
import { startWorkerProcess, stopProcess } from "./support/worker-process.ts";

/** Background events per second, sent as `/v1/batch` calls of 25 every 50 ms. */
const BACKGROUND_PER_SEC = 500;
const BACKGROUND_BATCH = 25;
/** Measured `/v1/track` calls per second, one at a time at even intervals. */
const MEASURED_PER_SEC = 25;
/** Background calls in flight at most (a batch due while 8 are open is skipped and counted). */
const MAX_BACKGROUND_IN_FLIGHT = 8;

/** signed_up → send email (the first step sends at once). */
const welcome = {
  schemaVersion: 1,
  nodes: [
    { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "signed_up" } },
    { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: "welcome" } },
  ],
  edges: [{ id: "e", source: "t", target: "m" }],
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/**
 * `pnpm bench latency [--size N]` (issue 5, acceptance 5): the server (`voronka server`) and
 * the worker (`voronka worker`) as their own processes, a background load of 500 events/s
 * (`/v1/batch`, events no journey listens to, from 5,000 users), and meanwhile 25 `/v1/track`
 * calls a second of `signed_up` from known contacts, which a live journey answers with a send.
 * Measured per call: from just before the HTTP request to the moment the send effect's row is
 * committed to the outbox (a trigger on `journey_effects` in the benchmark's own database
 * sends a NOTIFY on commit; the benchmark LISTENs). N is the number of background events
 * (default 30,000: a minute of load).
 */
export async function main({ size = 30_000 }: { size?: number }): Promise<void> {
  const seconds = size / BACKGROUND_PER_SEC;
  const measured = Math.max(10, Math.round(seconds * MEASURED_PER_SEC));
  progress(
    `latency: ${BACKGROUND_PER_SEC} background events/s for ${seconds.toFixed(0)} s, ${measured} measured /v1/track calls`,
  );
  const database = await benchDatabase("latency");
  const { db, pool, close } = connect(database.url, { max: 4 });
  let server: ServerProcess | null = null;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | null = null;
  const listener = new pg.Client({ connectionString: database.url });
  try {
    const { workspace, writeKey } = await provisionWorkspace(db, "Latency");
    const ws = workspace.id;
    const journey = await createJourney(db, ws, { name: "Welcome", draft: welcome });
    const published = await publishJourney(db, ws, journey.id);
    if ("violations" in published) throw new Error(JSON.stringify(published.violations));
    // Contacts who said yes to email, known before they sign up.
    const people: NormalizedEvent[] = Array.from({ length: measured }, (_, i) => ({
      messageId: `identify-${i}`,
      type: "identify",
      name: null,
      userId: `lat-${i}`,
      anonymousId: null,
      identities: [{ kind: "user_id", value: `lat-${i}` }],
      patch: { consent: { email: "subscribed" } },
      properties: {},
      context: {},
      timestamp: new Date("2026-01-01T00:00:00Z"),
    }));
    for (let i = 0; i < people.length; i += 1000)
      await storeEvents(db, ws, people.slice(i, i + 1000));

    // The outbox tells the benchmark when a send is committed.
    await pool.query(`
      create function bench_outbox_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('bench_outbox', (select user_id from contacts where workspace_id = new.workspace_id and id = new.contact_id));
        return null;
      end $$;
      create trigger bench_outbox after insert on journey_effects
        for each row when (new.type = 'send-email') execute function bench_outbox_notify();`);
    const arrived = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    await listener.connect();
    listener.on("notification", (n) => {
      if (!n.payload) return;
      arrived.set(n.payload, performance.now());
      waiting.get(n.payload)?.();
    });
    await listener.query("listen bench_outbox");

    server = await startServerProcess(database.url, "server");
    worker = await startWorkerProcess(database.url);
    const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
    const post = async (path: string, body: object) => {
      const res = await fetch(`${server?.url}${path}`, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    // Warm up both processes (first requests compile and connect).
    for (let i = 0; i < 20; i++)
      await post("/v1/track", { event: "warmed_up", userId: `warm-${i}`, messageId: randomUUID() });

    let stop = false;
    let backgroundSent = 0;
    let backgroundSkipped = 0;
    let inFlight = 0;
    const interval = (1000 * BACKGROUND_BATCH) / BACKGROUND_PER_SEC;
    const background = (async () => {
      const start = performance.now();
      for (let k = 0; !stop && backgroundSent + backgroundSkipped < size; k++) {
        const due = start + k * interval;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        // Open loop, but bounded: a server that falls behind is measured, not drowned.
        if (inFlight >= MAX_BACKGROUND_IN_FLIGHT) {
          backgroundSkipped += BACKGROUND_BATCH;
          continue;
        }
        const now = new Date().toISOString();
        const batch = Array.from({ length: BACKGROUND_BATCH }, (_, i) => ({
          type: "track",
          event: "Viewed Product",
          userId: `bg-${(k * BACKGROUND_BATCH + i) % 5000}`,
          messageId: randomUUID(),
          timestamp: now,
          properties: { productId: `p-${i}`, price: 10 },
        }));
        backgroundSent += batch.length;
        inFlight++;
        void post("/v1/batch", { batch })
          .catch((err: unknown) => progress(`background call failed: ${String(err)}`))
          .finally(() => {
            inFlight--;
          });
      }
    })();

    const latencies: number[] = [];
    const responses: number[] = [];
    /** Per measured user: the call's start and its HTTP answer, epoch ms. */
    const marks = new Map<string, { start: number; answered: number }>();
    const epoch = (t: number) => performance.timeOrigin + t;
    const started = performance.now();
    const calls: Promise<void>[] = [];
    for (let i = 0; i < measured; i++) {
      const due = started + (i * 1000) / MEASURED_PER_SEC;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const userId = `lat-${i}`;
      const t0 = performance.now();
      const sent = new Promise<void>((resolve) => waiting.set(userId, resolve));
      calls.push(
        (async () => {
          await post("/v1/track", { event: "signed_up", userId, messageId: randomUUID() });
          const answered = performance.now();
          responses.push(answered - t0);
          marks.set(userId, { start: epoch(t0), answered: epoch(answered) });
          const timeout = sleep(30_000).then(() => "timeout");
          if ((await Promise.race([sent.then(() => "ok"), timeout])) === "timeout")
            throw new Error(`no send for ${userId} within 30 s`);
          latencies.push((arrived.get(userId) ?? Number.NaN) - t0);
        })(),
      );
      if (i > 0 && i % (MEASURED_PER_SEC * 10) === 0)
        progress(
          `  ${i} / ${measured} measured, ${backgroundSent} background events sent, ${backgroundSkipped} skipped (server behind)`,
        );
    }
    const settled = await Promise.allSettled(calls);
    const failed = settled.filter((r) => r.status === "rejected");
    if (failed.length > 0)
      progress(
        `${failed.length} measured calls failed, e.g. ${String((failed[0] as PromiseRejectedResult).reason)}`,
      );
    stop = true;
    await background;
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    responses.sort((a, b) => a - b);
    const httpP50 = percentile(responses, 0.5);
    const httpP99 = percentile(responses, 0.99);
    const p50 = percentile(latencies, 0.5);
    const p99 = percentile(latencies, 0.99);
    const max = latencies[latencies.length - 1] ?? Number.NaN;
    const load = (
      await pool.query<{ n: number }>(
        "select count(*)::int as n from events where workspace_id = $1 and name = 'Viewed Product'",
        [ws],
      )
    ).rows[0]?.n;
    // The legs after the answer, from the advancing transaction's start time (`created_at` of
    // the outbox row is that transaction's `now()`; same host, same clock): the job's pickup
    // (answer → the advance transaction begins) and the advance itself (begin → commit seen).
    const begun = await pool.query<{ user_id: string; ms: number }>(
      `select c.user_id, (extract(epoch from e.created_at) * 1000)::float8 as ms
       from journey_effects e join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
       where e.workspace_id = $1 and e.type = 'send-email'`,
      [ws],
    );
    const pickup: number[] = [];
    const advance: number[] = [];
    for (const r of begun.rows) {
      const m = marks.get(r.user_id);
      const seen = arrived.get(r.user_id);
      if (!m || seen === undefined) continue;
      pickup.push(r.ms - m.answered);
      advance.push(epoch(seen) - r.ms);
    }
    pickup.sort((a, b) => a - b);
    advance.sort((a, b) => a - b);
    const leg = (a: number[]) =>
      `p50 ${percentile(a, 0.5).toFixed(1)} / p99 ${percentile(a, 0.99).toFixed(1)} ms`;
    progress(
      `legs: HTTP answer ${leg(responses)}; answer → advance begins ${leg(pickup)}; advance begins → send committed ${leg(advance)}`,
    );
    progress(
      `track → send in outbox: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${latencies.length} calls (the HTTP answer alone: p50 ${httpP50.toFixed(1)} ms, p99 ${httpP99.toFixed(1)} ms); ${load} background events stored in ${elapsed.toFixed(1)} s`,
    );
    const result = {
      name: "latency",
      calls: latencies.length,
      p50Ms: Number(p50.toFixed(1)),
      p99Ms: Number(p99.toFixed(1)),
      maxMs: Number(max.toFixed(1)),
      httpP50Ms: Number(httpP50.toFixed(1)),
      httpP99Ms: Number(httpP99.toFixed(1)),
      pickupP50Ms: Number(percentile(pickup, 0.5).toFixed(1)),
      pickupP99Ms: Number(percentile(pickup, 0.99).toFixed(1)),
      advanceP50Ms: Number(percentile(advance, 0.5).toFixed(1)),
      advanceP99Ms: Number(percentile(advance, 0.99).toFixed(1)),
      backgroundEvents: load,
      backgroundPerSec: Math.round((load ?? 0) / elapsed),
      backgroundSkipped,
      failedCalls: failed.length,
      database: database.where,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (worker) await stopProcess(worker, "SIGTERM");
    await server?.stop();
    await listener.end().catch(() => {});
    await close();
    await database.close();
  }
}
