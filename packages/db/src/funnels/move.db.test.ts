import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel, type FunnelWithStages } from "./funnels.ts";
import { moveContacts, type StageMove } from "./move.ts";

let database: TestDatabase;
let workspaceId: string;
let funnel: FunnelWithStages;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createTenant(database.db, "Moves")).workspaceId;
  funnel = await createFunnel(database.db, workspaceId, {
    name: "Sales",
    stages: ["New", "Offer", "Contract"],
  });
});

afterAll(async () => {
  await database.close();
});

async function newContact(email: string): Promise<string> {
  const r = await database.db.execute<{ id: string }>(sql`
    insert into contacts (workspace_id, email) values (${workspaceId}, ${email}) returning id`);
  const id = r.rows[0]?.id;
  if (!id) throw new Error("no contact");
  return id;
}

const stage = (i: number) => funnel.stages[i]?.id ?? "";
const move = (contactId: string, toStageId: string): StageMove => ({
  funnelId: funnel.id,
  contactId,
  toStageId,
  cause: "api",
});

async function history(contactId: string) {
  const r = await database.db.execute<{ from_stage_id: string | null; to_stage_id: string }>(sql`
    select from_stage_id, to_stage_id from stage_moves
    where workspace_id = ${workspaceId} and contact_id = ${contactId} order by id`);
  return r.rows.map((m) => [m.from_stage_id, m.to_stage_id]);
}

describe("moveContacts", () => {
  it("records each move once with where the contact came from; a move to the current stage records nothing", async () => {
    const a = await newContact("a@example.com");
    const b = await newContact("b@example.com");
    await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [move(a, stage(0)), move(b, stage(0))]),
    );
    const second = await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [move(a, stage(1)), move(b, stage(0))]),
    );
    expect(second.map((m) => [m.contactId, m.fromStageId, m.toStageId])).toEqual([
      [a, stage(0), stage(1)],
    ]);
    expect(await history(a)).toEqual([
      [null, stage(0)],
      [stage(0), stage(1)],
    ]);
    expect(await history(b)).toEqual([[null, stage(0)]]);
  });

  it("serialises concurrent movers of one contact: the later sees the earlier's stage as its from", async () => {
    for (const existing of [false, true]) {
      const c = await newContact(`c-${existing}@example.com`);
      if (existing)
        await database.db.transaction((tx) => moveContacts(tx, workspaceId, [move(c, stage(0))]));
      let releaseFirst: () => void = () => {};
      const held = new Promise<void>((r) => {
        releaseFirst = r;
      });
      let firstMoved: () => void = () => {};
      const moved = new Promise<void>((r) => {
        firstMoved = r;
      });
      const first = database.db.transaction(async (tx) => {
        await moveContacts(tx, workspaceId, [move(c, stage(1))]);
        firstMoved();
        await held; // keeps the first mover's transaction open
      });
      await moved;
      const second = database.db.transaction((tx) =>
        moveContacts(tx, workspaceId, [move(c, stage(2))]),
      );
      // The second mover waits on the first one's row lock, then moves from its stage.
      await new Promise((r) => setTimeout(r, 200));
      releaseFirst();
      await first;
      const recorded = await second;
      expect(recorded.map((m) => [m.fromStageId, m.toStageId])).toEqual([[stage(1), stage(2)]]);
      expect((await history(c)).slice(-2)).toEqual([
        [existing ? stage(0) : null, stage(1)],
        [stage(1), stage(2)],
      ]);
      const now = await database.db.execute<{ n: number; stage_id: string }>(sql`
        select count(*)::int as n, min(stage_id::text) as stage_id from contact_stages
        where workspace_id = ${workspaceId} and contact_id = ${c}`);
      expect(now.rows[0]).toEqual({ n: 1, stage_id: stage(2) });
    }
  });
});
