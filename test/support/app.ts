import { createLogger } from "@voronka/core";
import { createApp } from "@voronka/server";
import type { TestDatabase } from "./test-db.ts";

/** The real HTTP app on a test database, called in-process (`app.request`). */
export function createTestApp(database: TestDatabase) {
  return createApp({ db: database.db, log: createLogger("silent"), version: "test" });
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
export const jsonHeaders = { "content-type": "application/json" };
