import { pickWeighted } from "@voronka/journey";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createContact, publish, settle, track } from "../engine/engine-test-support.ts";
import { branchCounts } from "./counts.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const T0 = Date.parse("2026-05-01T10:00:00Z");
const ARMS = [
  { id: "a", name: "Short subject", weight: 40 },
  { id: "b", name: "Long subject", weight: 40 },
];

/** start → split (a 40 / b 40 / holdout 20, unconnected: exits) → wait a day → goal. */
const graph = {
  schemaVersion: 1,
  nodes: [
    { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "start" } },
    {
      id: "s",
      type: "split",
      position: { x: 1, y: 0 },
      data: { branches: ARMS, holdout: { weight: 20 } },
    },
    ...["a", "b"].map((arm, i) => ({
      id: `w${arm}`,
      type: "wait",
      position: { x: 2, y: i },
      data: { mode: "duration", duration: { amount: 1, unit: "days" } },
    })),
    {
      id: "g",
      type: "goal",
      position: { x: 3, y: 0 },
      data: { name: "Bought", event: { event: "purchased" } },
    },
  ],
  edges: [
    { id: "e1", source: "t", target: "s" },
    { id: "e2", source: "s", sourceHandle: "a", target: "wa" },
    { id: "e3", source: "s", sourceHandle: "b", target: "wb" },
    { id: "e4", source: "wa", target: "g" },
    { id: "e5", source: "wb", target: "g" },
  ],
};

describe("per-branch counts", () => {
  it("counts the contacts each arm got and how many of them converted", async () => {
    const { workspaceId } = await createTenant(database.db);
    const journeyId = await publish(database.db, workspaceId, graph, "A/B");
    const expected = new Map<string, { entered: number; converted: number }>(
      ["a", "b", "holdout"].map((id) => [id, { entered: 0, converted: 0 }]),
    );
    const people: { userId: string; arm: string; buys: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      const userId = `ab${i}`;
      const contactId = await createContact(database.db, workspaceId, userId);
      const arm = pickWeighted(contactId, "s", [...ARMS, { id: "holdout", weight: 20 }]) ?? "";
      people.push({ userId, arm, buys: i % 2 === 0 });
    }
    for (const p of people) await track(database.db, workspaceId, p.userId, "start", T0);
    await settle(database.db, workspaceId, T0);
    for (const p of people.filter((x) => x.buys)) {
      await track(database.db, workspaceId, p.userId, "purchased", T0 + 3_600_000);
    }
    await settle(database.db, workspaceId, T0 + 3_600_000);
    for (const p of people) {
      const e = expected.get(p.arm);
      if (!e) throw new Error(`unexpected arm ${p.arm}`);
      e.entered++;
      // The holdout group left at the split, so its purchases convert nothing here.
      if (p.buys && p.arm !== "holdout") e.converted++;
    }
    const counts = await branchCounts(database.db, workspaceId, journeyId, 1);
    expect(counts).toEqual([
      { nodeId: "s", branch: "a", name: "Short subject", ...expected.get("a") },
      { nodeId: "s", branch: "b", name: "Long subject", ...expected.get("b") },
      { nodeId: "s", branch: "holdout", name: "Holdout", ...expected.get("holdout") },
    ]);
    // Every arm got someone and some converted, so the check above is not about zeros.
    expect(expected.get("a")?.converted).toBeGreaterThan(0);
    expect(expected.get("b")?.converted).toBeGreaterThan(0);
    expect(expected.get("holdout")?.entered).toBeGreaterThan(0);
  });
});
