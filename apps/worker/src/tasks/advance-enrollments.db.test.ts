import { createLogger } from "@voronka/core";
import {
  advanceBatch,
  createJourney,
  DISPATCH_EMAIL_TASK,
  publishJourney,
  storeEvents,
} from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { until } from "../../../../test/support/until.ts";
import { startWorker } from "../runner.ts";
import { advanceEnrollments } from "./advance-enrollments.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const welcome = {
  schemaVersion: 1,
  nodes: [
    { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "signed_up" } },
    { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: "welcome" } },
  ],
  edges: [{ id: "e", source: "t", target: "m" }],
};

describe("advance-enrollments task", () => {
  it("an ingested event reaches the outbox through the running worker, with no manual enqueue", async () => {
    const { workspaceId } = await createTenant(database.db);
    const journey = await createJourney(database.db, workspaceId, {
      name: "Welcome",
      draft: welcome,
    });
    await publishJourney(database.db, workspaceId, journey.id);
    const worker = await startWorker({ database, log: createLogger("silent"), pollInterval: 100 });
    try {
      await storeEvents(database.db, workspaceId, [
        {
          messageId: "m1",
          type: "track",
          name: "signed_up",
          userId: "u1",
          anonymousId: null,
          identities: [{ kind: "user_id", value: "u1" }],
          patch: { consent: { email: "subscribed" } },
          properties: {},
          context: {},
          timestamp: new Date(),
        },
      ]);
      await until(async () => {
        const r = await database.pool.query(
          "select count(*)::int as n from journey_effects where type = 'send-email'",
        );
        return r.rows[0].n === 1;
      });
      const e = await database.pool.query(
        "select status, state->>'exitReason' as reason from enrollments",
      );
      expect(e.rows).toEqual([{ status: "exited", reason: "end-of-path" }]);
    } finally {
      await worker.stop();
    }
  });

  it("a step that writes an email queues the email dispatcher in the same transaction", async () => {
    const { workspaceId } = await createTenant(database.db);
    const journey = await createJourney(database.db, workspaceId, {
      name: "Welcome 2",
      draft: welcome,
    });
    await publishJourney(database.db, workspaceId, journey.id);
    const dispatchJobs = async () =>
      (
        await database.pool.query(
          "select count(*)::int as n from graphile_worker.jobs where task_identifier = $1",
          [DISPATCH_EMAIL_TASK],
        )
      ).rows[0].n;
    await database.pool.query("select graphile_worker.remove_job($1)", [DISPATCH_EMAIL_TASK]);
    await storeEvents(database.db, workspaceId, [
      {
        messageId: "m2",
        type: "track",
        name: "signed_up",
        userId: "u2",
        anonymousId: null,
        identities: [{ kind: "user_id", value: "u2" }],
        patch: { consent: { email: "subscribed" } },
        properties: {},
        context: {},
        timestamp: new Date(),
      },
    ]);
    expect(await dispatchJobs()).toBe(0);
    const result = await advanceBatch(database.db, { now: Date.now() });
    expect(result.effects).toBeGreaterThan(0);
    expect(await dispatchJobs()).toBe(1);
  });

  it("rejects a malformed payload instead of guessing", async () => {
    const task = advanceEnrollments(database.db);
    // biome-ignore lint/suspicious/noExplicitAny: the helpers are not used before the payload check.
    await expect(task({ _cron: "yesterday" }, {} as any)).rejects.toThrow();
  });
});
