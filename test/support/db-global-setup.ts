import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { migrate, startEmbeddedPostgres, withDefaultUser } from "@voronka/db";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseUrl } from "./urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a database on the test server with the right to CREATE DATABASE. */
    dbAdminUrl: string;
    /** Name of the migrated template each test file clones. */
    dbTemplate: string;
  }
}

/** Asks the OS for a free TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Once per test run: a Postgres to test on (`DATABASE_URL`, or a throw-away embedded one), and
 * a template database migrated once. Each test file then clones the template, which takes
 * milliseconds, so files run in parallel on isolated databases.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDefaultUser(process.env.DATABASE_URL);
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "voronka-test-pg-"));
    // As root, Postgres runs as the `postgres` user, which must be able to enter this folder.
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pg"),
      port: await freePort(),
      ephemeral: true,
    });
    adminUrl = embedded.adminUrl;
    stopServer = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const template = `voronka_tpl_${project.name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await migrate(databaseUrl(adminUrl, template));

  project.provide("dbAdminUrl", adminUrl);
  project.provide("dbTemplate", template);

  return async () => {
    // Clones left behind by a failed file, then the template itself.
    const clones = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${template}_%`],
    );
    for (const { datname } of clones.rows) {
      await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
    }
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await stopServer();
  };
}
