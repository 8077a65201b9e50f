import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel } from "../funnels/funnels.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { stageRules } from "../schema/funnels.ts";
import { type Identity, identity } from "./identity.ts";
import { ingestEvents, type NormalizedEvent, storeEvents } from "./store-events.ts";

let database: TestDatabase;
let ws: string;
beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "Shop")).workspace.id;
});
afterAll(() => database.drop());

let n = 0;
function ev(
  ids: { userId?: string; anonymousId?: string; email?: string },
  over: Partial<NormalizedEvent> = {},
): NormalizedEvent {
  n += 1;
  const identities = [
    identity("user_id", ids.userId),
    identity("anonymous_id", ids.anonymousId),
    identity("email", ids.email),
  ].filter((i): i is Identity => !!i);
  return {
    messageId: `m-${n}`,
    type: "track",
    name: "Viewed Product",
    userId: ids.userId ?? null,
    anonymousId: ids.anonymousId ?? null,
    identities,
    properties: {},
    context: {},
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    ...over,
  };
}

const q = async <T>(text: string, params: unknown[] = []) =>
  (await database.pool.query(text, params)).rows as T[];

describe("storeEvents", () => {
  it("creates one contact per anonymous visitor, even across many events in one batch", async () => {
    const result = await storeEvents(database.db, ws, [
      ev({ anonymousId: "a1" }),
      ev({ anonymousId: "a1" }),
      ev({ anonymousId: "a2" }),
    ]);
    expect(result.stored).toHaveLength(3);
    expect(new Set(result.stored.map((e) => e.contactId)).size).toBe(2);
  });

  it("ignores a re-delivered messageId", async () => {
    const first = ev({ anonymousId: "dup" });
    await storeEvents(database.db, ws, [first]);
    const again = await storeEvents(database.db, ws, [first, { ...first }]);
    expect(again).toMatchObject({ stored: [], duplicates: 2 });
    expect(await q("select 1 from events where message_id = $1", [first.messageId])).toHaveLength(
      1,
    );
  });

  it("ingestEvents stores a known contact's batch once, re-delivered messageIds among new ones", async () => {
    const stored = ev({ userId: "resend" });
    await storeEvents(database.db, ws, [stored]);
    const fresh = ev({ userId: "resend" }, { timestamp: new Date(Date.now() + 3_600_000) });
    // The first attempt (no conflict clause) fails on the stored messageId; the retry skips it.
    await ingestEvents(database.db, ws, [{ ...stored }, fresh, { ...fresh }]);
    await ingestEvents(database.db, ws, [{ ...stored }, { ...fresh }]);
    const rows = await q<{ message_id: string }>(
      "select message_id from events where workspace_id = $1 and message_id = any($2) order by id",
      [ws, [stored.messageId, fresh.messageId]],
    );
    expect(rows.map((r) => r.message_id)).toEqual([stored.messageId, fresh.messageId]);
    const [contact] = await q<{ at: Date }>(
      "select last_seen_at as at from contacts where workspace_id = $1 and user_id = 'resend'",
      [ws],
    );
    expect(contact!.at).toEqual(fresh.timestamp);
  });

  it("identify merges the anonymous profile into the known one; events follow", async () => {
    await storeEvents(database.db, ws, [
      ev({ userId: "u-merge" }, { type: "identify", name: null, patch: { firstName: "Ann" } }),
    ]);
    await storeEvents(database.db, ws, [
      ev({ anonymousId: "anon-merge" }),
      ev({ anonymousId: "anon-merge" }),
    ]);
    const [known] = await q<{ id: string }>(
      "select contact_id as id from contact_identities where value = 'u-merge'",
    );
    const [anon] = await q<{ id: string }>(
      "select contact_id as id from contact_identities where value = 'anon-merge'",
    );
    expect(known!.id).not.toBe(anon!.id);

    await storeEvents(database.db, ws, [
      ev({ userId: "u-merge", anonymousId: "anon-merge" }, { type: "identify", name: null }),
    ]);
    const owners = await q<{ contact_id: string }>(
      "select distinct contact_id from contact_identities where value in ('u-merge', 'anon-merge')",
    );
    expect(owners).toHaveLength(1);
    const survivor = owners[0]!.contact_id;
    expect([known!.id, anon!.id]).toContain(survivor);
    const events = await q<{ n: number }>(
      "select count(*)::int as n from events where contact_id = $1",
      [survivor],
    );
    expect(events[0]!.n).toBe(4);
    const loser = survivor === known!.id ? anon!.id : known!.id;
    const [tomb] = await q<{ merged_into: string }>(
      "select merged_into from contacts where id = $1",
      [loser],
    );
    expect(tomb!.merged_into).toBe(survivor);
    const [alive] = await q<{ first_name: string }>(
      "select first_name from contacts where id = $1",
      [survivor],
    );
    expect(alive!.first_name).toBe("Ann");
  });

  it("keeps lifetime revenue and order count current from purchase events", async () => {
    await storeEvents(database.db, ws, [
      ev({ userId: "buyer" }, { name: "Order Completed", properties: { revenue: 120.5 } }),
      ev({ userId: "buyer" }, { name: "Order Completed", properties: { total: "79.5" } }),
    ]);
    const [c] = await q<{ lifetime_revenue: string; order_count: number }>(
      "select lifetime_revenue, order_count from contacts where user_id = 'buyer'",
    );
    expect(c).toEqual({ lifetime_revenue: "200.00", order_count: 2 });
  });

  it("applies a stage rule: the event moves the contact forward, and records why", async () => {
    const funnel = await createFunnel(database.db, ws, {
      name: "Sales",
      stages: ["Lead", "Offer", "Contract"],
    });
    const offer = funnel.stages.find((s) => s.name === "Offer")!;
    const lead = funnel.stages.find((s) => s.name === "Lead")!;
    const [rule] = await database.db
      .insert(stageRules)
      .values([
        { workspaceId: ws, funnelId: funnel.id, eventName: "Offer Requested", toStageId: offer.id },
        { workspaceId: ws, funnelId: funnel.id, eventName: "Viewed Pricing", toStageId: lead.id },
      ])
      .returning();
    await storeEvents(database.db, ws, [ev({ userId: "ruled" }, { name: "Offer Requested" })]);
    await storeEvents(database.db, ws, [ev({ userId: "ruled" }, { name: "Viewed Pricing" })]);
    const moves = await q<{ to_stage_id: string; cause: string; cause_ref: string }>(
      `select m.to_stage_id, m.cause, m.cause_ref from stage_moves m
       join contacts c on c.id = m.contact_id where c.user_id = 'ruled'`,
    );
    // The second rule would move it backwards: forward-only rules leave it in Offer.
    expect(moves).toEqual([{ to_stage_id: offer.id, cause: "rule", cause_ref: rule!.id }]);
  });

  it("moves last-seen forward for a known contact, only when it is more than 5 minutes behind", async () => {
    await storeEvents(database.db, ws, [ev({ userId: "seen" })]);
    const setSeen = (iso: string) =>
      q("update contacts set last_seen_at = $1 where user_id = 'seen'", [iso]);
    const seen = async () =>
      (await q<{ at: Date }>("select last_seen_at as at from contacts where user_id = 'seen'"))[0]!
        .at;

    await setSeen("2026-03-01T10:00:00Z");
    const later = new Date("2026-03-01T12:00:00Z");
    const result = await storeEvents(database.db, ws, [
      ev({ userId: "seen" }, { timestamp: new Date("2026-03-01T11:00:00Z") }),
      ev({ userId: "seen" }, { timestamp: later }),
    ]);
    expect(result.stored).toHaveLength(2);
    expect(await seen()).toEqual(later);

    await storeEvents(database.db, ws, [
      ev({ userId: "seen" }, { timestamp: new Date("2026-03-01T12:04:00Z") }),
    ]);
    expect(await seen()).toEqual(later);
  });
});
