import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { identity } from "../contacts/identity.ts";
import { storeEvents } from "../contacts/store-events.ts";
import { createFunnel, type FunnelWithStages } from "../funnels/funnels.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { captureLead, type LeadInput } from "./capture.ts";
import { createLeadSource } from "./sources.ts";

let database: TestDatabase;
let ws: string;
let funnel: FunnelWithStages;

beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "Hall")).workspace.id;
  funnel = await createFunnel(database.db, ws, { name: "Sales", stages: ["New", "Offer"] });
});
afterAll(() => database.drop());

const q = async <T>(text: string, params: unknown[] = []) =>
  (await database.pool.query(text, params)).rows as T[]; // rows are untyped; each query names its columns

const lead = (dedupeKey: string, phone: string, over: Partial<LeadInput> = {}): LeadInput => ({
  channel: "call_tracking",
  dedupeKey,
  identities: [identity("phone", phone)!],
  patch: { phone },
  utm: { utm_source: "google" },
  ...over,
});

describe("captureLead", () => {
  it("records a lead, its event, the contact's source and its first stage", async () => {
    const result = await captureLead(database.db, ws, lead("call-1", "+79990000001"));
    expect(result.duplicate).toBe(false);
    expect(result.placement).toEqual({ funnelId: funnel.id, stageId: funnel.stages[0]!.id });
    const [event] = await q<{ message_id: string; properties: Record<string, unknown> }>(
      "select message_id, properties from events where contact_id = $1",
      [result.lead.contactId],
    );
    expect(event?.message_id).toBe("lead:call_tracking:call-1");
    expect(event?.properties).toMatchObject({
      channel: "call_tracking",
      leadId: result.lead.id,
      utm_source: "google",
    });
    const [move] = await q<{ cause: string; cause_ref: string }>(
      "select cause, cause_ref from stage_moves where contact_id = $1",
      [result.lead.contactId],
    );
    expect(move).toEqual({ cause: "lead", cause_ref: result.lead.id });
  });

  it("concurrent deliveries of the same lead create one lead and one event", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        captureLead(database.db, ws, lead("call-race", "+79990000002")),
      ),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(1);
    const [counts] = await q<{ leads: number; events: number; moves: number }>(
      `select (select count(*)::int from leads where dedupe_key = 'call-race') as leads,
              (select count(*)::int from events where message_id = 'lead:call_tracking:call-race') as events,
              (select count(*)::int from stage_moves where cause_ref = $1) as moves`,
      [results[0]!.lead.id],
    );
    expect(counts).toEqual({ leads: 1, events: 1, moves: 1 });
  });

  it("keeps a known contact's first source and its stage", async () => {
    await storeEvents(database.db, ws, [
      {
        messageId: "seed-1",
        type: "identify",
        name: null,
        userId: null,
        anonymousId: null,
        identities: [identity("phone", "+79990000003")!],
        patch: { source: "web_form" },
        properties: {},
        context: {},
        timestamp: new Date(),
      },
    ]);
    const first = await captureLead(database.db, ws, lead("call-3a", "+79990000003"));
    expect(first.placement).not.toBeNull();
    await database.pool.query("update contact_stages set stage_id = $1 where contact_id = $2", [
      funnel.stages[1]!.id,
      first.lead.contactId,
    ]);
    const second = await captureLead(database.db, ws, lead("call-3b", "+79990000003"));
    expect(second.placement).toBeNull();
    const [contact] = await q<{ source: string; stage_id: string }>(
      `select c.source, s.stage_id from contacts c join contact_stages s on s.contact_id = c.id
       where c.id = $1`,
      [first.lead.contactId],
    );
    expect(contact).toEqual({ source: "web_form", stage_id: funnel.stages[1]!.id });
  });

  it("goes to the source's stage; the same key on another channel is another lead", async () => {
    const source = await createLeadSource(database.db, ws, {
      channel: "telegram",
      name: "Bot",
      funnelId: funnel.id,
      stageId: funnel.stages[1]!.id,
      secret: "s3cret-token",
      settings: {},
    });
    const viaSource = await captureLead(
      database.db,
      ws,
      lead("call-1", "+79990000004", { channel: "telegram", source }),
    );
    expect(viaSource.duplicate).toBe(false);
    expect(viaSource.lead.sourceId).toBe(source.id);
    expect(viaSource.placement?.stageId).toBe(funnel.stages[1]!.id);
  });

  it("a lead with no identity gets an anonymous contact of its own", async () => {
    const result = await captureLead(database.db, ws, lead("anon-1", "", { identities: [] }));
    const [id] = await q<{ kind: string }>(
      "select kind from contact_identities where contact_id = $1",
      [result.lead.contactId],
    );
    expect(id?.kind).toBe("anonymous_id");
  });
});
