import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel, type FunnelWithStages } from "../funnels/funnels.ts";
import { moveContacts } from "../funnels/move.ts";
import { applyAudienceEffects } from "./journey-effects.ts";
import { createAudience, setStageAudiences } from "./manage.ts";

let database: TestDatabase;
let workspaceId: string;
let funnel: FunnelWithStages;

async function newContacts(n: number, prefix = "c"): Promise<string[]> {
  const r = await database.db.execute<{ id: string }>(sql`
    insert into contacts (workspace_id, email)
    select ${workspaceId}, ${prefix} || g || '@example.com' from generate_series(1, ${n}) g
    returning id`);
  return r.rows.map((x) => x.id);
}

async function membersOf(audienceId: string): Promise<string[]> {
  const r = await database.db.execute<{ contact_id: string }>(sql`
    select contact_id from audience_members where workspace_id = ${workspaceId} and audience_id = ${audienceId}`);
  return r.rows.map((x) => x.contact_id).sort();
}

const openStage = (i: number) => {
  const s = funnel.stages.filter((x) => x.kind === "open")[i];
  if (!s) throw new Error(`no stage ${i}`);
  return s;
};

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = (await createTenant(database.db, "Audiences")).workspaceId;
  funnel = await createFunnel(database.db, workspaceId, {
    name: "Banquet",
    stages: ["First contact", "Offer sent", "Presentation booked", "Contract"],
  });
});
afterAll(() => database.drop());

describe("per-stage audiences", () => {
  let audienceOf: Map<string, string>;

  it("turning the setting on creates one audience per stage, filled with its contacts", async () => {
    const [early] = await newContacts(1, "early");
    await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [
        { funnelId: funnel.id, contactId: early ?? "", toStageId: openStage(1).id, cause: "api" },
      ]),
    );
    const setting = await setStageAudiences(database.db, workspaceId, funnel.id, "Banquet", true);
    expect(setting.perStage).toBe(true);
    expect(setting.stages).toHaveLength(funnel.stages.length);
    audienceOf = new Map(setting.stages.map((s) => [s.stageId, s.audienceId ?? ""]));
    expect(await membersOf(audienceOf.get(openStage(1).id) ?? "")).toEqual([early]);
  });

  it("a move 2 → 3 swaps audiences in the move's transaction, logged with the move", async () => {
    const [c] = await newContacts(1, "mover");
    const contactId = c ?? "";
    const a2 = audienceOf.get(openStage(1).id) ?? "";
    const a3 = audienceOf.get(openStage(2).id) ?? "";
    const move = (stage: number) =>
      database.db.transaction((tx) =>
        moveContacts(tx, workspaceId, [
          { funnelId: funnel.id, contactId, toStageId: openStage(stage).id, cause: "user" },
        ]),
      );
    await move(1);
    expect(await membersOf(a2)).toContain(contactId);
    const [recorded] = await move(2);
    expect(await membersOf(a2)).not.toContain(contactId);
    expect(await membersOf(a3)).toContain(contactId);
    const log = await database.db.execute<{
      audience_id: string;
      action: string;
      cause: string;
      cause_ref: string;
    }>(sql`
      select audience_id, action, cause, cause_ref from audience_changes
      where workspace_id = ${workspaceId} and contact_id = ${contactId} order by id`);
    expect(log.rows.slice(-2)).toEqual([
      {
        audience_id: a2,
        action: "remove",
        cause: "stage",
        cause_ref: `stage-move:${recorded?.id}`,
      },
      { audience_id: a3, action: "add", cause: "stage", cause_ref: `stage-move:${recorded?.id}` },
    ]);
  });

  it("no concurrent reader ever sees a moving contact in both audiences or in neither", async () => {
    const [c] = await newContacts(1, "racer");
    const contactId = c ?? "";
    const a2 = audienceOf.get(openStage(1).id) ?? "";
    const a3 = audienceOf.get(openStage(2).id) ?? "";
    const move = (stage: number) =>
      database.db.transaction(async (tx) => {
        await moveContacts(tx, workspaceId, [
          { funnelId: funnel.id, contactId, toStageId: openStage(stage).id, cause: "api" },
        ]);
        // Hold the transaction open a moment so readers run while it is uncommitted.
        await tx.execute(sql`select pg_sleep(0.002)`);
      });
    await move(1);
    let moving = true;
    const seen = new Map<number, number>();
    const reader = (async () => {
      while (moving) {
        const r = await database.pool.query<{ n: number }>(
          `select count(*)::int as n from audience_members
           where workspace_id = $1 and contact_id = $2 and audience_id = any($3::uuid[])`,
          [workspaceId, contactId, [a2, a3]],
        );
        const n = r.rows[0]?.n ?? -1;
        seen.set(n, (seen.get(n) ?? 0) + 1);
      }
    })();
    for (let i = 0; i < 60; i++) await move(i % 2 === 0 ? 2 : 1);
    moving = false;
    await reader;
    expect([...seen.keys()]).toEqual([1]);
    expect(seen.get(1)).toBeGreaterThan(20);
  });

  it("a bulk move of 2,000 contacts swaps them all with a few statements", async () => {
    const ids = await newContacts(2000, "bulk");
    const a1 = audienceOf.get(openStage(0).id) ?? "";
    const a4 = audienceOf.get(openStage(3).id) ?? "";
    const to = (stage: number) =>
      database.db.transaction((tx) =>
        moveContacts(
          tx,
          workspaceId,
          ids.map((contactId) => ({
            funnelId: funnel.id,
            contactId,
            toStageId: openStage(stage).id,
            cause: "import" as const,
          })),
        ),
      );
    await to(0);
    const started = performance.now();
    await to(3);
    const ms = performance.now() - started;
    const in1 = new Set(await membersOf(a1));
    const in4 = new Set(await membersOf(a4));
    expect(ids.filter((id) => in1.has(id))).toEqual([]);
    expect(ids.filter((id) => in4.has(id))).toHaveLength(2000);
    expect(ms).toBeLessThan(5000);
  });

  it("turned off, moves leave the audiences alone", async () => {
    await setStageAudiences(database.db, workspaceId, funnel.id, "Banquet", false);
    const [c] = await newContacts(1, "after-off");
    await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [
        { funnelId: funnel.id, contactId: c ?? "", toStageId: openStage(2).id, cause: "api" },
      ]),
    );
    expect(await membersOf(audienceOf.get(openStage(2).id) ?? "")).not.toContain(c);
    await setStageAudiences(database.db, workspaceId, funnel.id, "Banquet", true);
  });
});

describe("journey audience effects", () => {
  it("add/remove apply with cause journey; an unknown audience fails only its effect", async () => {
    const audience = await createAudience(database.db, workspaceId, { name: "Retarget" });
    const [a, b] = await newContacts(2, "journey");
    const journeyId = "00000000-0000-4000-8000-000000000001";
    const row = (contactId: string, key: string, audienceId: string, action: string) => ({
      workspaceId,
      journeyId,
      contactId,
      effect: { type: "audience", key, audienceId, action },
    });
    await database.db.transaction((tx) =>
      applyAudienceEffects(tx, [
        row(a ?? "", "k1", audience.id, "add"),
        row(b ?? "", "k2", audience.id, "add"),
        row(a ?? "", "k3", "00000000-0000-4000-8000-00000000dead", "add"),
      ]),
    );
    expect(await membersOf(audience.id)).toEqual([a, b].sort());
    await database.db.transaction((tx) =>
      applyAudienceEffects(tx, [row(b ?? "", "k4", audience.id, "remove")]),
    );
    expect(await membersOf(audience.id)).toEqual([a]);
    const log = await database.db.execute<{ action: string; cause: string; cause_ref: string }>(sql`
      select action, cause, cause_ref from audience_changes
      where workspace_id = ${workspaceId} and audience_id = ${audience.id} order by id`);
    expect(log.rows.map((r) => `${r.action}:${r.cause}:${r.cause_ref}`)).toEqual([
      `add:journey:${journeyId}`,
      `add:journey:${journeyId}`,
      `remove:journey:${journeyId}`,
    ]);
  });
});
