import { randomUUID } from "node:crypto";
import { connect, provisionWorkspace } from "@voronka/db";
import pg from "pg";
import { startServerProcess } from "../support/server-process.ts";
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

/** Plain bulk insert of the same rows into `events`: what Postgres can take without the API. */
async function ceiling(
  url: string,
  workspaceId: string,
  contactIds: string[],
  rows: number,
): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  const per = 1000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < rows) {
        const from = next;
        next += per;
        const n = Math.min(per, rows - from);
        const ids = Array.from({ length: n }, () => randomUUID());
        const contacts = ids.map((_, i) => contactIds[(from + i) % contactIds.length]!);
        const props = ids.map((_, i) =>
          JSON.stringify({ productId: `p-${i % 500}`, price: 10, currency: "EUR" }),
        );
        await pool.query(
          `insert into events (workspace_id, message_id, type, name, contact_id, user_id, properties, context, timestamp)
           select $1, m, 'track', 'Viewed Product', c, null, p::jsonb, '{"campaign":{"source":"bench"}}'::jsonb, now()
           from unnest($2::text[], $3::uuid[], $4::text[]) as t(m, c, p)`,
          [workspaceId, ids, contacts, props],
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
  const { db, pool, close } = connect(database.url);
  const { workspace, writeKey } = await provisionWorkspace(db, "Bench");
  const server = await startServerProcess(database.url);
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  try {
    const total = events / BATCH;
    const bodies = Array.from({ length: total }, (_, i) => JSON.stringify(makeBatch(i, users)));
    let next = 0;
    let done = 0;
    let failures = 0;
    const started = performance.now();
    const ticker = setInterval(() => progress(`  ${done * BATCH} / ${events} events`), 2000);
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < total) {
          const body = bodies[next++]!;
          const res = await fetch(`${server.url}/v1/batch`, {
            method: "POST",
            headers: { authorization: auth, "content-type": "application/json" },
            body,
          });
          if (res.status !== 200) failures += 1;
          await res.arrayBuffer();
          done += 1;
        }
      }),
    );
    clearInterval(ticker);
    const seconds = (performance.now() - started) / 1000;
    const eventsPerSec = events / seconds;
    const stored = Number((await countEvents(database.url, workspace.id)).n);
    progress(
      `API: ${events} events in ${seconds.toFixed(1)} s = ${Math.round(eventsPerSec)} events/s (${failures} failed batches, ${stored} stored)`,
    );

    const contactIds = (
      await pool.query<{ id: string }>(
        "select id from contacts where workspace_id = $1 limit 10000",
        [workspace.id],
      )
    ).rows.map((r) => r.id);
    const ceilingPerSec = await ceiling(database.url, workspace.id, contactIds, events);
    progress(`ceiling: plain bulk insert ${Math.round(ceilingPerSec)} rows/s`);
    const result = {
      name: "ingest",
      events,
      clients: CLIENTS,
      batch: BATCH,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSec: Math.round(eventsPerSec),
      ceilingRowsPerSec: Math.round(ceilingPerSec),
      ratio: Number((eventsPerSec / ceilingPerSec).toFixed(3)),
      failedBatches: failures,
      stored,
      database: database.where,
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
