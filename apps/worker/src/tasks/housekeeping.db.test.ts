import { createLogger } from "@voronka/core";
import { createSession } from "@voronka/db";
import { quickAddJob } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { until } from "../../../../test/support/until.ts";
import { startWorker } from "../runner.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("worker", () => {
  it("runs the housekeeping task: expired sessions go, live ones stay", async () => {
    const tenant = await createTenant(database.db);
    const { rows } = await database.pool.query<{ id: string }>(
      "select id from users where email = $1",
      [tenant.email],
    );
    const userId = rows[0]!.id;
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    await createSession(database.db, { userId, workspaceId: tenant.workspaceId, now: longAgo });
    const live = await createSession(database.db, { userId, workspaceId: tenant.workspaceId });

    const worker = await startWorker({ database, log: createLogger("silent"), pollInterval: 100 });
    try {
      await quickAddJob({ pgPool: database.pool }, "housekeeping", {});
      await until(async () => {
        const left = await database.pool.query("select count(*)::int as n from sessions");
        return left.rows[0].n === 1;
      });
      const jobs = await database.pool.query(
        "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'housekeeping' and attempts > 0 and last_error is not null",
      );
      expect(jobs.rows[0].n).toBe(0);
    } finally {
      await worker.stop();
    }
    const remaining = await database.pool.query<{ expires_at: Date }>(
      "select expires_at from sessions",
    );
    expect(remaining.rows).toHaveLength(1);
    expect(remaining.rows[0]!.expires_at.getTime()).toBe(live.expiresAt.getTime());
  });

  it("rejects a malformed payload instead of guessing", async () => {
    const { housekeeping } = await import("./housekeeping.ts");
    const task = housekeeping(database.db);
    // biome-ignore lint/suspicious/noExplicitAny: the helpers are not used before the payload check.
    await expect(task({ _cron: "yesterday" }, {} as any)).rejects.toThrow();
  });
});
