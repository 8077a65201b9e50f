import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../../test/support/db-global-setup.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "voronka-embedded-"));
  await chmod(dir, 0o755);
  dirs.push(dir);
  return path.join(dir, "pg");
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded Postgres", () => {
  it("initialises on first start and reuses the data on the next", async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await sql(first.url, "create table kept (v text); insert into kept values ('still here')");
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await sql(second.url, "select v from kept")).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("starts after a crash left a stale postmaster.pid", async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await first.stop();
    // A pid that cannot be alive, as after a power cut.
    await writeFile(path.join(dataDir, "postmaster.pid"), "999999\n");
    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await sql(second.url, "select 1 as ok")).toEqual([{ ok: 1 }]);
    } finally {
      await second.stop();
    }
  });
});
