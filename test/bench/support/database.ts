import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, migrate, startEmbeddedPostgres, withDefaultUser } from "@voronka/db";
import pg from "pg";
import { freePort } from "../../support/db-global-setup.ts";
import { databaseUrl } from "../../support/urls.ts";

export interface BenchDatabase {
  url: string;
  /** Where it runs, for the report. */
  where: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark run: a new database on `DATABASE_URL`'s
 * server, or a throw-away embedded Postgres.
 */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const dbName = `voronka_bench_${name.replace(/\W/g, "_")}_${process.pid}`;
  if (process.env.DATABASE_URL) {
    const admin = withDefaultUser(process.env.DATABASE_URL);
    await dropDatabase(admin, dbName);
    await ensureDatabase(admin, dbName);
    const url = databaseUrl(admin, dbName);
    await migrate(url);
    return { url, where: "DATABASE_URL server", close: () => dropDatabase(admin, dbName) };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "voronka-bench-"));
  await chmod(dir, 0o755);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(),
    ephemeral: true,
    database: dbName,
  });
  await migrate(embedded.url);
  return {
    url: embedded.url,
    where: "embedded Postgres 17",
    close: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}

/** Prints a progress line to stderr-free stdout (the last stdout line is the JSON result). */
export function progress(message: string): void {
  process.stdout.write(`  ${message}\n`);
}
