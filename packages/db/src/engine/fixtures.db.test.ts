import { readFileSync } from "node:fs";
import {
  type ContactSnapshot,
  type TimelineEvent as HarnessEvent,
  JourneyGraph,
  simulate,
} from "@voronka/journey";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel } from "../funnels/funnels.ts";
import {
  createContact,
  outbox,
  play,
  publish,
  settle,
  type TimelineEvent,
} from "./engine-test-support.ts";
import { enrollContacts } from "./enroll.ts";
import { channelOf } from "./outbox.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

function fixtureText(name: string): string {
  return readFileSync(
    new URL(`../../../../test/fixtures/journeys/${name}.json`, import.meta.url),
    "utf8",
  );
}

interface Case {
  fixture: string;
  title: string;
  start: { at: string; event?: TimelineEvent };
  events?: TimelineEvent[];
  until?: string;
  timeZone?: string;
  traits?: Record<string, string>;
  /** Contact user id (the split arm depends on the contact id, which the DB assigns). */
  lag?: number;
}

const banquetTraits = { presentationAt: "2026-03-06T15:00:00+01:00", eventDate: "2026-06-20" };
const cart = (cartValue: number) => ({
  at: "2026-07-01T10:00:00Z",
  event: { at: "2026-07-01T10:00:00Z", name: "cart_abandoned", properties: { cartValue } },
});
const ecommerceStart = {
  at: "2026-05-04T08:00:00Z",
  event: { at: "2026-05-04T08:00:00Z", name: "signed_up" },
};

const CASES: Case[] = [
  {
    fixture: "banquet",
    title: "all seven stages, converted",
    start: { at: "2026-03-02T09:00:00Z" },
    timeZone: "Europe/Berlin",
    traits: banquetTraits,
    events: [
      { at: "2026-03-03T11:00:00Z", name: "presentation.booked" },
      { at: "2026-03-06T15:30:00Z", name: "presentation.attended" },
      { at: "2026-03-08T09:00:00Z", name: "contract.signed" },
      { at: "2026-03-10T09:00:00Z", name: "payment.received" },
    ],
  },
  {
    fixture: "banquet",
    title: "lost, no reply",
    start: { at: "2026-03-02T09:00:00Z" },
    timeZone: "Europe/Berlin",
    traits: banquetTraits,
    lag: 90_000,
  },
  {
    fixture: "banquet",
    title: "deal lost by exit event",
    start: { at: "2026-03-02T09:00:00Z" },
    timeZone: "Europe/Berlin",
    traits: banquetTraits,
    events: [{ at: "2026-03-02T12:00:00Z", name: "deal.lost" }],
  },
  {
    fixture: "ecommerce-funnel",
    title: "direct path to buyer",
    start: ecommerceStart,
    events: [
      { at: "2026-05-05T08:00:00Z", name: "product_viewed" },
      { at: "2026-05-07T08:00:00Z", name: "add_to_cart" },
      { at: "2026-05-09T08:00:00Z", name: "order_completed" },
    ],
  },
  {
    fixture: "ecommerce-funnel",
    title: "nudged, then buys",
    start: ecommerceStart,
    lag: 45_000,
    events: [
      { at: "2026-05-07T08:00:00Z", name: "product_viewed" },
      { at: "2026-05-12T08:00:00Z", name: "add_to_cart" },
      { at: "2026-05-13T08:00:00Z", name: "order_completed" },
    ],
  },
  { fixture: "ecommerce-funnel", title: "never engaged", start: ecommerceStart },
  {
    fixture: "ecommerce-funnel",
    title: "unsubscribes",
    start: ecommerceStart,
    events: [{ at: "2026-05-05T08:00:00Z", name: "unsubscribed" }],
  },
  {
    fixture: "abandoned-cart",
    title: "buys within the hour",
    start: cart(120),
    events: [{ at: "2026-07-01T10:30:00Z", name: "order_completed" }],
  },
  {
    fixture: "abandoned-cart",
    title: "big cart: promo code, gives up",
    start: cart(120),
    lag: 30_000,
  },
  {
    fixture: "abandoned-cart",
    title: "small cart: SMS, buys",
    start: cart(30),
    events: [{ at: "2026-07-03T09:00:00Z", name: "order_completed" }],
  },
  {
    fixture: "win-back",
    title: "split arm, orders",
    start: { at: "2026-09-01T10:00:00Z" },
    events: [{ at: "2026-09-03T10:00:00Z", name: "order_completed" }],
  },
  { fixture: "win-back", title: "split arm, unresponsive", start: { at: "2026-09-01T10:00:00Z" } },
];

/** Replaces the fixture's funnel and stage slugs with a real funnel's ids, so moves happen. */
async function withRealFunnel(workspaceId: string, text: string): Promise<string> {
  const slugs = [...new Set([...text.matchAll(/"stage": "([^"]+)"/g)].map((m) => m[1] ?? ""))];
  if (slugs.length === 0) return text;
  const funnel = await createFunnel(database.db, workspaceId, { name: "Banquet", stages: slugs });
  let out = text.replaceAll('"funnel": "banquet"', `"funnel": "${funnel.id}"`);
  for (const s of funnel.stages) out = out.replaceAll(`"stage": "${s.name}"`, `"stage": "${s.id}"`);
  return out;
}

describe("fixture journeys through the real engine", () => {
  it.each(CASES.map((c) => [`${c.fixture}: ${c.title}`, c] as const))("%s", async (_title, c) => {
    const tenant = await createTenant(database.db, c.title);
    const ws = tenant.workspaceId;
    const graphJson: unknown = JSON.parse(await withRealFunnel(ws, fixtureText(c.fixture)));
    const graph = JourneyGraph.parse(graphJson);
    const journeyId = await publish(database.db, ws, graphJson);
    const userId = `u-${c.fixture}`;
    const contactId = await createContact(database.db, ws, userId, {
      ...(c.timeZone ? { timeZone: c.timeZone } : {}),
      ...(c.traits ? { traits: c.traits } : {}),
    });
    const startAt = Date.parse(c.start.at);
    const until = c.until ? Date.parse(c.until) : startAt + 2 * 366 * 86_400_000;

    // Enter: by the trigger event through ingestion, or by manual enrollment at the trigger.
    const timeline = [...(c.events ?? [])];
    if (c.start.event) {
      timeline.unshift(c.start.event);
    } else {
      const trigger = graph.nodes.find((n) => n.type.startsWith("trigger-"))?.id ?? "";
      await database.db.transaction((tx) =>
        enrollContacts(tx, ws, [
          {
            journeyId,
            version: 1,
            reentry: graph.settings.reentry,
            contactId,
            trigger,
            at: startAt,
          },
        ]),
      );
      await settle(database.db, ws, startAt);
    }
    await play(database.db, ws, userId, timeline, until, c.lag ?? 0);

    const enrollment = await database.db.execute<{
      id: string;
      status: string;
      state: { exitReason: string | null; node: string | null };
    }>(sql`select id, status, state from enrollments where workspace_id = ${ws}`);
    expect(enrollment.rows).toHaveLength(1);
    const row = enrollment.rows[0]!;

    const contact: z.input<typeof ContactSnapshot> = {
      id: contactId,
      timeZone: c.timeZone ?? "UTC",
      attributes: c.traits ?? {},
      consent: { email: true, sms: true, telegram: true, whatsapp: true, viber: true },
    };
    const toHarness = (e: TimelineEvent): HarnessEvent => ({
      at: e.at,
      name: e.name,
      ...(e.properties ? { properties: e.properties } : {}),
    });
    const expected = simulate({
      graph,
      contact,
      enrollmentId: row.id,
      start: { at: c.start.at, ...(c.start.event ? { event: toHarness(c.start.event) } : {}) },
      events: (c.events ?? []).map(toHarness),
      until,
    });

    const want = expected.effects
      .filter((e) => channelOf(e) !== null)
      .map(({ at, ...effect }) => ({
        key: effect.key,
        type: effect.type,
        nodeId: effect.nodeId,
        at,
        payload: effect,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(await outbox(database.db, ws)).toEqual(want);
    expect(row.status).toBe(expected.enrollment.status);
    // The stored state leaves nulls out (see toStored in advance.ts).
    expect(row.state.exitReason ?? null).toBe(expected.enrollment.exitReason);
    expect(row.state.node).toBe(expected.enrollment.node);

    // Per-node counts agree with the harness's path.
    const counts = await database.db.execute<{ node_id: string; n: number }>(sql`
      select node_id, count(*)::int as n from journey_node_visits where workspace_id = ${ws} group by node_id`);
    const entered = new Map<string, number>();
    for (const p of expected.path) entered.set(p.nodeId, (entered.get(p.nodeId) ?? 0) + 1);
    expect(Object.fromEntries(counts.rows.map((r) => [r.node_id, r.n]))).toEqual(
      Object.fromEntries(entered),
    );
  });
});
