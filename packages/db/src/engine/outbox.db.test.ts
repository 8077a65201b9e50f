import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { insertEffects, type OutboxEffect } from "./outbox.ts";

let database: TestDatabase;
let ws: string;
beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "Outbox")).workspace.id;
});
afterAll(async () => {
  await database.drop();
});

const enrollmentId = randomUUID();
const effect = (key: string): OutboxEffect => ({
  workspaceId: ws,
  enrollmentId,
  journeyId: randomUUID(),
  version: 1,
  contactId: randomUUID(),
  at: Date.parse("2026-11-26T08:00:00Z"),
  effect: { type: "send-email", key, nodeId: "welcome", templateId: "welcome", vars: {} },
});

describe("insertEffects", () => {
  it("writes each key once and returns only the new ones, also when a batch repeats stored keys", async () => {
    const first = await database.db.transaction((tx) =>
      insertEffects(tx, [effect("a"), effect("b")]),
    );
    expect(first.map((e) => e.effect.key)).toEqual(["a", "b"]);

    // A batch mixing stored and new keys: the plain insert fails on "a", is undone, and the
    // rows go in again without the stored ones — and the transaction goes on working.
    const second = await database.db.transaction(async (tx) => {
      const inserted = await insertEffects(tx, [effect("c"), effect("a"), effect("d")]);
      const after = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from journey_effects where workspace_id = ${ws}`,
      );
      return { inserted, count: after.rows[0]?.n };
    });
    expect(second.inserted.map((e) => e.effect.key)).toEqual(["c", "d"]);
    expect(second.count).toBe(4);

    const again = await database.db.transaction((tx) => insertEffects(tx, [effect("b")]));
    expect(again).toEqual([]);
    const keys = await database.pool.query<{ key: string }>(
      "select key from journey_effects where workspace_id = $1 order by key",
      [ws],
    );
    expect(keys.rows.map((r) => r.key)).toEqual(["a", "b", "c", "d"]);
  });
});
