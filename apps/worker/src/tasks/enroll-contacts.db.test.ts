import { createLogger } from "@voronka/core";
import {
  createBulkEnrollment,
  createJourney,
  getBulkEnrollment,
  publishJourney,
  storeEvents,
} from "@voronka/db";
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

describe("enroll-contacts task", () => {
  it("the running worker enrolls a filtered set and the engine starts every run", async () => {
    const { workspaceId } = await createTenant(database.db);
    const journey = await createJourney(database.db, workspaceId, {
      name: "Win-back",
      draft: {
        schemaVersion: 1,
        nodes: [
          { id: "start", type: "trigger-manual", position: { x: 0, y: 0 }, data: {} },
          {
            id: "w",
            type: "wait",
            position: { x: 1, y: 0 },
            data: { mode: "duration", duration: { amount: 3, unit: "days" } },
          },
        ],
        edges: [{ id: "e", source: "start", target: "w" }],
      },
    });
    expect("violations" in (await publishJourney(database.db, workspaceId, journey.id))).toBe(
      false,
    );
    await storeEvents(
      database.db,
      workspaceId,
      Array.from({ length: 25 }, (_, i) => ({
        messageId: `c${i}`,
        type: "identify" as const,
        name: null,
        userId: `c${i}`,
        anonymousId: null,
        identities: [{ kind: "user_id" as const, value: `c${i}` }],
        patch: { traits: { churned: i < 15 } },
        properties: {},
        context: {},
        timestamp: new Date(),
      })),
    );
    const bulk = await createBulkEnrollment(database.db, workspaceId, journey.id, {
      attribute: { name: "churned", equals: true },
    });
    const worker = await startWorker({ database, log: createLogger("silent"), pollInterval: 100 });
    try {
      const done = await until(async () => {
        const row = await getBulkEnrollment(database.db, workspaceId, bulk.id);
        return row?.status === "done" ? row : undefined;
      });
      expect(done).toMatchObject({ total: 15, enrolled: 15, skipped: 0, error: null });
      await until(async () => {
        const r = await database.pool.query(
          "select count(*)::int as n from enrollments where status = 'waiting' and node = 'w'",
        );
        return r.rows[0].n === 15;
      });
    } finally {
      await worker.stop();
    }
  });
});
