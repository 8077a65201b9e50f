import { randomBytes } from "node:crypto";
import { connect, type Database } from "@voronka/db";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrl } from "./urls.ts";

export interface TestDatabase extends Database {
  /** Connection URL of this file's own database. */
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("dbAdminUrl") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, fully migrated database for one test file, cloned from the run's template.
 * Call in `beforeAll`, and `drop()` in `afterAll`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("dbTemplate");
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${name} template ${template}`);
  const url = databaseUrl(inject("dbAdminUrl"), name);
  const database = connect(url, { max: 5 });
  return {
    ...database,
    url,
    name,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** An empty database (no migrations), for testing the migrations themselves. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${inject("dbTemplate")}_empty_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${name} template template0`);
  return {
    url: databaseUrl(inject("dbAdminUrl"), name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}
