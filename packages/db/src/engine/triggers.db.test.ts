import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { editContact } from "../contacts/card-edit.ts";
import { identity } from "../contacts/identity.ts";
import { createFunnel } from "../funnels/funnels.ts";
import { moveContacts } from "../funnels/move.ts";
import { captureLead } from "../leads/capture.ts";
import { createContact, publish, settle } from "./engine-test-support.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** trigger → wait 1 day → email: an enrolled contact stays in the journey (after-exit holds). */
function journey(trigger: { type: string; data: object }, reentry: object = {}) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "t", position: { x: 0, y: 0 }, ...trigger },
      {
        id: "w",
        type: "wait",
        position: { x: 1, y: 0 },
        data: { mode: "duration", duration: { amount: 1, unit: "days" } },
      },
      { id: "m", type: "send-email", position: { x: 2, y: 0 }, data: { templateId: "tpl" } },
    ],
    edges: [
      { id: "e1", source: "t", target: "w" },
      { id: "e2", source: "w", target: "m" },
    ],
    settings: { reentry },
  };
}

/** Enrollments per journey as sorted `contactId` lists. */
async function enrolled(workspaceId: string, journeyId: string): Promise<string[]> {
  const r = await database.db.execute<{ contact_id: string }>(sql`
    select contact_id from enrollments where workspace_id = ${workspaceId} and journey_id = ${journeyId}
    order by contact_id`);
  return r.rows.map((x) => x.contact_id);
}

const sorted = (ids: string[]) => [...ids].sort();

async function lead(workspaceId: string, channel: "web_form" | "telegram", phone: string) {
  const id = identity("phone", phone);
  if (!id) throw new Error("bad phone");
  const r = await captureLead(database.db, workspaceId, {
    channel,
    dedupeKey: `${channel}-${phone}-${Math.random()}`,
    identities: [id],
  });
  return r.lead.contactId;
}

describe("lead captured trigger", () => {
  it("enrolls leads of the listed channels (any channel when none is listed), once", async () => {
    const { workspaceId } = await createTenant(database.db);
    const other = await createTenant(database.db);
    const telegramOnly = await publish(
      database.db,
      workspaceId,
      journey({ type: "trigger-lead", data: { channels: ["telegram"] } }, { mode: "once" }),
    );
    const anyChannel = await publish(
      database.db,
      workspaceId,
      journey({ type: "trigger-lead", data: { channels: [] } }, { mode: "always" }),
    );
    const otherWs = await publish(
      database.db,
      other.workspaceId,
      journey({ type: "trigger-lead", data: { channels: [] } }),
    );

    const web = await lead(workspaceId, "web_form", "+15550000001");
    const tg = await lead(workspaceId, "telegram", "+15550000002");
    const tgAgain = await lead(workspaceId, "telegram", "+15550000002");
    expect(tgAgain).toBe(tg);

    expect(await enrolled(workspaceId, telegramOnly)).toEqual([tg]);
    expect(await enrolled(workspaceId, anyChannel)).toEqual(sorted([web, tg, tg]));
    expect(await enrolled(other.workspaceId, otherWs)).toEqual([]);

    // The engine starts them at the lead trigger: all now wait at the wait node.
    await settle(database.db, workspaceId, Date.now());
    const states = await database.db.execute<{ status: string; node: string; n: number }>(sql`
      select status, node, count(*)::int as n from enrollments where workspace_id = ${workspaceId}
      group by status, node`);
    expect(states.rows).toEqual([{ status: "waiting", node: "w", n: 4 }]);
  });
});

describe("stage trigger", () => {
  it("enrolls contacts entering the stage, or marked lost, and nobody else", async () => {
    const { workspaceId } = await createTenant(database.db);
    const funnel = await createFunnel(database.db, workspaceId, {
      name: "Sales",
      stages: ["New", "Offer sent"],
    });
    const [newStage, offer, , lost] = funnel.stages;
    if (!newStage || !offer || !lost) throw new Error("stages missing");
    const entered = await publish(
      database.db,
      workspaceId,
      journey({
        type: "trigger-stage",
        data: { funnel: funnel.id, on: "entered", stage: offer.id },
      }),
    );
    const lostJourney = await publish(
      database.db,
      workspaceId,
      journey({ type: "trigger-stage", data: { funnel: funnel.id, on: "lost" } }),
    );
    const a = await createContact(database.db, workspaceId, "stage-a");
    const b = await createContact(database.db, workspaceId, "stage-b");
    const c = await createContact(database.db, workspaceId, "stage-c");
    const move = (contactId: string, toStageId: string) =>
      database.db.transaction((tx) =>
        moveContacts(tx, workspaceId, [
          { funnelId: funnel.id, contactId, toStageId, cause: "api" },
        ]),
      );
    await move(a, newStage.id);
    await move(a, offer.id);
    await move(b, lost.id);
    await move(c, newStage.id);
    // Back and forth while still in the journey: the default re-entry (after exit) keeps a out.
    await move(a, newStage.id);
    await move(a, offer.id);

    expect(await enrolled(workspaceId, entered)).toEqual([a]);
    expect(await enrolled(workspaceId, lostJourney)).toEqual([b]);
  });
});

describe("attribute trigger", () => {
  it("enrolls when the attribute changes to a value the filter accepts, from events and edits", async () => {
    const { workspaceId } = await createTenant(database.db);
    const upgraded = await publish(
      database.db,
      workspaceId,
      journey(
        {
          type: "trigger-attribute",
          data: {
            attribute: "plan",
            filter: { kind: "attribute", attribute: "plan", op: "eq", value: "pro" },
          },
        },
        { mode: "always" },
      ),
    );
    const cityChanged = await publish(
      database.db,
      workspaceId,
      journey({ type: "trigger-attribute", data: { attribute: "city" } }, { mode: "once" }),
    );
    // Created through identify with the watched trait already set: that is a change.
    const pro = await createContact(database.db, workspaceId, "attr-pro", {
      traits: { plan: "pro" },
    });
    const free = await createContact(database.db, workspaceId, "attr-free", {
      traits: { plan: "free" },
    });
    const plain = await createContact(database.db, workspaceId, "attr-plain", {
      traits: { colour: "red" },
    });
    expect(await enrolled(workspaceId, upgraded)).toEqual([pro]);

    // The same value again is no change; an unrelated trait is no change either.
    await database.db.transaction((tx) =>
      editContact(tx, workspaceId, pro, { traits: { plan: "pro", colour: "blue" } }),
    );
    await database.db.transaction((tx) =>
      editContact(tx, workspaceId, plain, { traits: { colour: "green" } }),
    );
    expect(await enrolled(workspaceId, upgraded)).toEqual([pro]);

    // free → pro enrolls; pro → free → pro enrolls again (re-entry `always`).
    await database.db.transaction((tx) =>
      editContact(tx, workspaceId, free, { traits: { plan: "pro" } }),
    );
    await database.db.transaction((tx) =>
      editContact(tx, workspaceId, pro, { traits: { plan: "free" } }),
    );
    await database.db.transaction((tx) =>
      editContact(tx, workspaceId, pro, { traits: { plan: "pro" } }),
    );
    expect(await enrolled(workspaceId, upgraded)).toEqual(sorted([pro, pro, free]));

    // A profile column (city) is an attribute too; `once` admits one run however often it changes.
    await database.db.transaction((tx) => editContact(tx, workspaceId, plain, { city: "Riga" }));
    await database.db.transaction((tx) => editContact(tx, workspaceId, plain, { city: "Oslo" }));
    expect(await enrolled(workspaceId, cityChanged)).toEqual([plain]);
  });
});
