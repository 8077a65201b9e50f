import { createLogger } from "@voronka/core";
import { ADVANCE_TASK, createJourney, publishJourney, storeEvents } from "@voronka/db";
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

const CONTACTS = 20;

/**
 * A due time at least 6 s ahead whose seconds lie in 15–45, so the per-minute cron sweep (at
 * :00) cannot be what fires the timer within the test's tolerance.
 */
function dueMidMinute(now: number): number {
  let at = now + 6_000;
  const s = new Date(at).getUTCSeconds();
  if (s < 15) at += (15 - s) * 1000;
  else if (s > 45) at += (75 - s) * 1000;
  return at;
}

describe("timers", () => {
  it("a wait ends within a few seconds of its due time, with one queued job for all waiting contacts", async () => {
    const { workspaceId } = await createTenant(database.db);
    const start = Date.now();
    const due = dueMidMinute(start);
    const graph = {
      schemaVersion: 1,
      nodes: [
        { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "booked" } },
        {
          id: "w",
          type: "wait",
          position: { x: 1, y: 0 },
          data: { mode: "duration", duration: { amount: (due - start) / 60_000, unit: "minutes" } },
        },
        { id: "m", type: "send-email", position: { x: 2, y: 0 }, data: { templateId: "tpl" } },
      ],
      edges: [
        { id: "e1", source: "t", target: "w" },
        { id: "e2", source: "w", target: "m" },
      ],
    };
    const journey = await createJourney(database.db, workspaceId, {
      name: "Reminder",
      draft: graph,
    });
    const published = await publishJourney(database.db, workspaceId, journey.id);
    expect("violations" in published).toBe(false);
    // Production settings: a 2 s poll, the per-minute cron.
    const worker = await startWorker({ database, log: createLogger("silent") });
    try {
      await storeEvents(
        database.db,
        workspaceId,
        Array.from({ length: CONTACTS }, (_, i) => ({
          messageId: `booked-${i}`,
          type: "track" as const,
          name: "booked",
          userId: `u${i}`,
          anonymousId: null,
          identities: [{ kind: "user_id" as const, value: `u${i}` }],
          patch: { consent: { email: "subscribed" } },
          properties: {},
          context: {},
          timestamp: new Date(start),
        })),
      );
      await until(async () => {
        const r = await database.pool.query(
          "select count(*)::int as n from enrollments where status = 'waiting'",
        );
        return r.rows[0].n === CONTACTS;
      });
      const jobs = await database.pool.query(
        "select count(*)::int as n from graphile_worker.jobs where task_identifier = $1",
        [ADVANCE_TASK],
      );
      expect(jobs.rows[0].n).toBeLessThanOrEqual(2);

      await until(
        async () => {
          const r = await database.pool.query(
            "select count(*)::int as n from journey_effects where type = 'send-email'",
          );
          return r.rows[0].n === CONTACTS;
        },
        due - Date.now() + 30_000,
      );
      const r = await database.pool.query(
        "select min(created_at) as first, max(created_at) as last from journey_effects where type = 'send-email'",
      );
      const first = (r.rows[0].first as Date).getTime();
      const last = (r.rows[0].last as Date).getTime();
      expect(first).toBeGreaterThanOrEqual(due - 1);
      expect(last - due).toBeLessThan(4_000);
    } finally {
      await worker.stop();
    }
  }, 90_000);
});
