import { randomUUID } from "node:crypto";
import http from "node:http";
import { connect, provisionWorkspace } from "@voronka/db";
import pg from "pg";
import { startServerProcess } from "../support/server-process.ts";
import { cpuBetween, findPostmaster, loadAverage, sampleCpu } from "./support/cpu.ts";
import { benchDatabase, progress } from "./support/database.ts";

const BATCH = 100;
const CLIENTS = 8;

function makeBatch(seq: number, users: number) {
  const now = new Date().toISOString();
  return {
    sentAt: now,
    batch: Array.from({ length: BATCH }, (_, i) => {
      const n = seq * BATCH + i;
      return {
        type: "track",
        event: n % 10 === 0 ? "Added to Cart" : "Viewed Product",
        userId: `user-${n % users}`,
        messageId: randomUUID(),
        timestamp: now,
        properties: { productId: `p-${n % 500}`, price: (n % 90) + 10, currency: "EUR" },
        context: {
          campaign: { source: "bench", medium: "cpc" },
          library: { name: "bench", version: "1" },
        },
      };
    }),
  };
}

/** The rows the API stored for the bench's events, as Postgres array parameters (1,000 a statement). */
interface CeilingChunk {
  messageIds: string[];
  names: string[];
  contactIds: string[];
  userIds: string[];
  properties: string[];
  contexts: string[];
  timestamps: string[];
}

/**
 * The same rows the API stored (same names, contacts, user ids, properties, contexts and
 * timestamps; new messageIds), in 1,000-row chunks prepared before the clock starts.
 */
async function ceilingRows(url: string, workspaceId: string): Promise<CeilingChunk[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      name: string;
      contact_id: string;
      user_id: string;
      properties: string;
      context: string;
      ts: string;
    }>(
      `select name, contact_id, user_id, properties::text, context::text, timestamp::text as ts
       from events where workspace_id = $1 order by id`,
      [workspaceId],
    );
    const chunks: CeilingChunk[] = [];
    for (let from = 0; from < rows.length; from += 1000) {
      const part = rows.slice(from, from + 1000);
      chunks.push({
        messageIds: part.map(() => randomUUID()),
        names: part.map((r) => r.name),
        contactIds: part.map((r) => r.contact_id),
        userIds: part.map((r) => r.user_id),
        properties: part.map((r) => r.properties),
        contexts: part.map((r) => r.context),
        timestamps: part.map((r) => r.ts),
      });
    }
    return chunks;
  } finally {
    await client.end();
  }
}

/**
 * Plain bulk insert into `events`, 8 connections, one `INSERT … SELECT FROM unnest(…)` per
 * 1,000-row chunk: what Postgres can take without the API. `constantContext`: the ceiling as
 * first defined (one constant context, no user id), kept for comparison with older figures.
 */
async function ceiling(
  url: string,
  workspaceId: string,
  chunks: CeilingChunk[],
  constantContext = false,
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  await Promise.all(Array.from({ length: CLIENTS }, () => pool.query("select 1")));
  const rows = chunks.reduce((n, c) => n + c.messageIds.length, 0);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < chunks.length) {
        const c = chunks[next++]!;
        if (constantContext) {
          await pool.query(
            `insert into events (workspace_id, message_id, type, name, contact_id, user_id, properties, context, timestamp)
             select $1, m, 'track', 'Viewed Product', c, null, p::jsonb, '{"campaign":{"source":"bench"}}'::jsonb, now()
             from unnest($2::text[], $3::uuid[], $4::text[]) as t(m, c, p)`,
            [workspaceId, c.messageIds.map((m) => `k-${m}`), c.contactIds, c.properties],
          );
          continue;
        }
        await pool.query(
          `insert into events (workspace_id, message_id, type, name, contact_id, user_id, anonymous_id, properties, context, timestamp)
           select $1, m, 'track', n, c, u, null, p::jsonb, x::jsonb, ts
           from unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
             as t(m, n, c, u, p, x, ts)`,
          [
            workspaceId,
            c.messageIds,
            c.names,
            c.contactIds,
            c.userIds,
            c.properties,
            c.contexts,
            c.timestamps,
          ],
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return rows / seconds;
}

/**
 * `pnpm bench ingest [--size N]`: events/s accepted through `/v1/batch` (100 events a batch,
 * 8 concurrent clients, a real server process), and, in the same run, rows/s of a plain bulk
 * insert into the same table as the ceiling.
 */
export async function main({ size = 200_000 }: { size?: number }): Promise<void> {
  const events = Math.max(BATCH * CLIENTS, Math.round(size / BATCH) * BATCH);
  const users = Math.max(100, Math.round(events / 20));
  progress(
    `ingest: ${events} events from ${users} users, ${CLIENTS} clients × ${BATCH}-event batches`,
  );
  const database = await benchDatabase("ingest");
  const { db, close } = connect(database.url);
  const { workspace, writeKey } = await provisionWorkspace(db, "Bench");
  const server = await startServerProcess(database.url);
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  const postmaster = await findPostmaster(database.url);
  const loadBefore = loadAverage();
  try {
    const total = events / BATCH;
    const bodies = Array.from({ length: total }, (_, i) =>
      Buffer.from(JSON.stringify(makeBatch(i, users))),
    );
    let next = 0;
    let done = 0;
    let failures = 0;
    const cpuStart = sampleCpu(server.child.pid, postmaster);
    const started = performance.now();
    const ticker = setInterval(() => progress(`  ${done * BATCH} / ${events} events`), 2000);
    // node:http with keep-alive, not fetch: the clients stand in for senders on other machines,
    // and undici's fetch cost ≈ 1 ms of this machine's CPU per request (≈ 11 µs an event).
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const target = new URL(`${server.url}/v1/batch`);
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < total) {
          const body = bodies[next++]!;
          const status = await postBatch(agent, target, auth, body);
          if (status !== 200) failures += 1;
          done += 1;
        }
      }),
    );
    agent.destroy();
    clearInterval(ticker);
    const seconds = (performance.now() - started) / 1000;
    const apiCpu = cpuBetween(cpuStart, sampleCpu(server.child.pid, postmaster));
    const eventsPerSec = events / seconds;
    const stored = Number((await countEvents(database.url, workspace.id)).n);
    progress(
      `API: ${events} events in ${seconds.toFixed(1)} s = ${Math.round(eventsPerSec)} events/s (${failures} failed batches, ${stored} stored)`,
    );
    progress(
      `  CPU s: clients ${apiCpu.seconds.client}, server ${apiCpu.seconds.server ?? "?"}, Postgres ${apiCpu.seconds.postgres ?? "?"} (shares ${JSON.stringify(apiCpu.share)})`,
    );

    const chunks = await ceilingRows(database.url, workspace.id);
    const ceilingStart = sampleCpu(undefined, postmaster);
    const ceilingPerSec = await ceiling(database.url, workspace.id, chunks);
    const ceilingCpu = cpuBetween(ceilingStart, sampleCpu(undefined, postmaster));
    progress(`ceiling: plain bulk insert of the same rows ${Math.round(ceilingPerSec)} rows/s`);
    progress(
      `  CPU s: client ${ceilingCpu.seconds.client}, Postgres ${ceilingCpu.seconds.postgres ?? "?"}`,
    );
    const constantPerSec = await ceiling(database.url, workspace.id, chunks, true);
    progress(`ceiling as first defined (constant context): ${Math.round(constantPerSec)} rows/s`);
    const result = {
      name: "ingest",
      events,
      clients: CLIENTS,
      batch: BATCH,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSec: Math.round(eventsPerSec),
      ceilingRowsPerSec: Math.round(ceilingPerSec),
      ratio: Number((eventsPerSec / ceilingPerSec).toFixed(3)),
      ceilingConstantContextRowsPerSec: Math.round(constantPerSec),
      ratioToConstantContext: Number((eventsPerSec / constantPerSec).toFixed(3)),
      failedBatches: failures,
      stored,
      database: database.where,
      // CPU seconds per party while the API phase ran (Postgres: the whole server's).
      apiCpuSeconds: apiCpu.seconds,
      apiCpuShare: apiCpu.share,
      ceilingCpuSeconds: {
        client: ceilingCpu.seconds.client,
        postgres: ceilingCpu.seconds.postgres,
      },
      loadAverage: { before: loadBefore, after: loadAverage() },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server.stop();
    await close();
    await database.close();
  }
}

async function countEvents(url: string, workspaceId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (
      await client.query("select count(*)::int as n from events where workspace_id = $1", [
        workspaceId,
      ])
    ).rows[0];
  } finally {
    await client.end();
  }
}

/** POSTs one batch; resolves with the status once the whole answer is read. */
function postBatch(agent: http.Agent, url: URL, auth: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          authorization: auth,
          "content-type": "application/json",
          "content-length": body.length,
          // What fetch sent: the server stores it in each event's context when absent there.
          "user-agent": "node",
        },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
