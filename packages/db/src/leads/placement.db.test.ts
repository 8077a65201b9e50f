import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel, type FunnelWithStages } from "../funnels/funnels.ts";
import { moveContacts } from "../funnels/move.ts";
import { placeLead } from "./placement.ts";

let database: TestDatabase;
let workspaceId: string;
let funnel: FunnelWithStages;

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createTenant(database.db, "Placement")).workspaceId;
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

const place = (contactId: string) =>
  database.db.transaction((tx) =>
    placeLead(tx, workspaceId, {
      contactId,
      leadId: randomUUID(),
      funnelId: funnel.id,
      stageId: null,
    }),
  );

async function where(contactId: string) {
  const current = await database.db.execute<{ stage_id: string }>(sql`
    select stage_id from contact_stages where workspace_id = ${workspaceId} and contact_id = ${contactId}`);
  const history = await database.db.execute<{ from_stage_id: string | null; to_stage_id: string }>(
    sql`select from_stage_id, to_stage_id from stage_moves
        where workspace_id = ${workspaceId} and contact_id = ${contactId} order by id`,
  );
  return {
    stages: current.rows.map((r) => r.stage_id),
    history: history.rows.map((m) => [m.from_stage_id, m.to_stage_id]),
  };
}

describe("placeLead", () => {
  it("puts a new contact in the first stage and leaves a placed one where it is", async () => {
    const c = await newContact("new@example.com");
    expect(await place(c)).toEqual({ funnelId: funnel.id, stageId: stage(0) });
    await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [
        { funnelId: funnel.id, contactId: c, toStageId: stage(1), cause: "api" },
      ]),
    );
    expect(await place(c)).toBeUndefined();
    expect(await where(c)).toEqual({
      stages: [stage(1)],
      history: [
        [null, stage(0)],
        [stage(0), stage(1)],
      ],
    });
  });

  it("never takes over the stage a concurrent journey step gave the contact", async () => {
    const c = await newContact("raced@example.com");
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let journeyMoved: () => void = () => {};
    const moved = new Promise<void>((r) => {
      journeyMoved = r;
    });
    // The journey's batch has put the contact in "Contract" and not committed yet.
    const journey = database.db.transaction(async (tx) => {
      await moveContacts(tx, workspaceId, [
        { funnelId: funnel.id, contactId: c, toStageId: stage(2), cause: "journey" },
      ]);
      journeyMoved();
      await held;
    });
    await moved;
    const lead = place(c);
    // The lead waits for the journey's uncommitted row, then finds the contact placed.
    await new Promise((r) => setTimeout(r, 200));
    release();
    await journey;
    expect(await lead).toBeUndefined();
    expect(await where(c)).toEqual({ stages: [stage(2)], history: [[null, stage(2)]] });
  });
});
