import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { ADVANCE_TASK, enqueueAdvance } from "./enqueue.ts";

let database: TestDatabase;
let listener: pg.Client;
const notices: string[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  listener = new pg.Client({ connectionString: database.url });
  await listener.connect();
  listener.on("notification", (n) => notices.push(n.channel));
  await listener.query('listen "jobs:insert"');
});
afterAll(async () => {
  await listener.end();
  await database.drop();
});

/** Waits until `n` `jobs:insert` notices arrived, or 2 s. */
async function noticesReach(n: number): Promise<number> {
  const until = Date.now() + 2_000;
  while (notices.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return notices.length;
}

describe("enqueueAdvance", () => {
  it("wakes the worker on every commit, also when the job is already queued", async () => {
    const queuedJobs = async () =>
      (
        await database.pool.query<{ n: number }>(
          "select count(*)::int as n from graphile_worker._private_jobs where key = $1",
          [ADVANCE_TASK],
        )
      ).rows[0]?.n;

    await database.db.transaction((tx) => enqueueAdvance(tx));
    expect(await noticesReach(1)).toBe(1);
    expect(await queuedJobs()).toBe(1);

    // The job is queued and not running: the second transaction only share-locks it. A worker
    // that looked for jobs meanwhile skipped the locked row, so this commit must nudge it too.
    await database.db.transaction((tx) => enqueueAdvance(tx));
    expect(await noticesReach(2)).toBe(2);
    expect(await queuedJobs()).toBe(1);

    // Nothing is sent for a transaction that rolls back.
    await database.db
      .transaction(async (tx) => {
        await enqueueAdvance(tx);
        throw new Error("rollback");
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    expect(notices.length).toBe(2);
  });
});
