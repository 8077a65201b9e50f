/**
 * Child process of the crash test: advances enrollments forever, slowly (each transaction
 * sleeps 100 ms before committing, so 200 runs take ≥ 0.8 s: the engine alone is fast enough
 * to finish them between two kills), until the parent kills it with SIGKILL.
 * Usage: tsx crash-child.ts <database-url> <now-ms>
 */
import { connect } from "../client.ts";
import { advanceBatch } from "./advance.ts";

const [url, nowArg] = process.argv.slice(2);
if (!url || !nowArg) throw new Error("usage: crash-child <database-url> <now-ms>");
const database = connect(url, { max: 2 });
const now = Number(nowArg);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
process.stdout.write("ready\n");
for (;;) {
  await advanceBatch(database.db, { now, batchSize: 25, beforeCommit: () => sleep(100) });
}
