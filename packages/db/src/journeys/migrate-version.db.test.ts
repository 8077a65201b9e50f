import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createContact, publish, settle, track } from "../engine/engine-test-support.ts";
import { nodeCounts } from "./counts.ts";
import { publishJourney, updateDraft } from "./manage.ts";
import { migrateWaitingRuns } from "./migrate-version.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const DAY = 86_400_000;
const T0 = Date.parse("2026-06-01T10:00:00Z");
const node = (id: string, type: string, data: object) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const wait = (days: number) => ({ mode: "duration", duration: { amount: days, unit: "days" } });

/** v1: VIPs wait 1 day at `w`, others 2 days at `x`; then email A. */
const v1 = {
  schemaVersion: 1,
  nodes: [
    node("t", "trigger-event", { event: "signed_up" }),
    node("c", "condition", {
      condition: { kind: "attribute", attribute: "vip", op: "eq", value: true },
    }),
    node("w", "wait", wait(1)),
    node("x", "wait", wait(2)),
    node("a", "send-email", { templateId: "tpl-a" }),
  ],
  edges: [
    { id: "e1", source: "t", target: "c" },
    { id: "e2", source: "c", sourceHandle: "yes", target: "w" },
    { id: "e3", source: "c", sourceHandle: "no", target: "x" },
    { id: "e4", source: "w", target: "a" },
    { id: "e5", source: "x", target: "a" },
  ],
};

/** v2: everyone waits at `w`, then email B (`x` is gone). */
const v2 = {
  schemaVersion: 1,
  nodes: [
    node("t", "trigger-event", { event: "signed_up" }),
    node("w", "wait", wait(1)),
    node("b", "send-email", { templateId: "tpl-b" }),
  ],
  edges: [
    { id: "e1", source: "t", target: "w" },
    { id: "e2", source: "w", target: "b" },
  ],
};

describe("moving waiting runs to the newest version", () => {
  it("moves runs whose node still exists, leaves the others, and sends each run's mail once", async () => {
    const { workspaceId } = await createTenant(database.db);
    const journeyId = await publish(database.db, workspaceId, v1);
    await createContact(database.db, workspaceId, "vip", { traits: { vip: true } });
    await createContact(database.db, workspaceId, "plain", { traits: { vip: false } });
    await track(database.db, workspaceId, "vip", "signed_up", T0);
    await track(database.db, workspaceId, "plain", "signed_up", T0);
    await settle(database.db, workspaceId, T0);
    await updateDraft(database.db, workspaceId, journeyId, { draft: v2 });
    await publishJourney(database.db, workspaceId, journeyId);

    expect(await migrateWaitingRuns(database.db, workspaceId, journeyId, { batchSize: 1 })).toEqual(
      { version: 2, moved: 1, stayed: 1 },
    );
    // Nothing left to move: a second call is a no-op.
    expect(await migrateWaitingRuns(database.db, workspaceId, journeyId)).toEqual({
      version: 2,
      moved: 0,
      stayed: 1,
    });
    expect(await nodeCounts(database.db, workspaceId, journeyId, 2)).toEqual([
      { nodeId: "w", entered: 1, waiting: 1, passed: 0, converted: 0, exited: 0 },
    ]);

    await settle(database.db, workspaceId, T0 + DAY);
    await settle(database.db, workspaceId, T0 + 2 * DAY);
    const sent = await database.db.execute<{
      user_id: string;
      template: string;
      version: number;
    }>(sql`
      select c.user_id, f.payload->>'templateId' as template, f.version
      from journey_effects f join contacts c on c.workspace_id = f.workspace_id and c.id = f.contact_id
      where f.workspace_id = ${workspaceId} and f.type = 'send-email' order by c.user_id`);
    expect(sent.rows).toEqual([
      { user_id: "plain", template: "tpl-a", version: 1 },
      { user_id: "vip", template: "tpl-b", version: 2 },
    ]);
  });
});
