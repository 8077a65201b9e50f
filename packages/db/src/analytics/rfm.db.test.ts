import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createJourney, publishJourney } from "../journeys/manage.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { enrollRfmSegment } from "./enroll-segment.ts";
import { refreshRfm, rfmContacts, rfmReport, rfmSegment, segmentCells } from "./rfm.ts";
import { DAY, insertContacts, insertPurchases, seeded } from "./test-data.ts";

let database: TestDatabase;
let ws: string;
const now = new Date("2026-06-01T00:00:00Z");
const purchases: Array<{ contactId: string; at: Date; revenue: number }> = [];

/** 300 customers with 1–8 purchases over a year (revenue in whole roubles), 40 who never bought. */
beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "RFM")).workspace.id;
  const ids = await insertContacts(database.pool, ws, 340);
  const rnd = seeded(7);
  for (const contactId of ids.slice(0, 300)) {
    const n = 1 + Math.floor(rnd() ** 2 * 8);
    for (let i = 0; i < n; i++) {
      purchases.push({
        contactId,
        at: new Date(now.getTime() - Math.floor(rnd() * 365) * DAY - 3_600_000),
        revenue: 10 + Math.floor(rnd() * 500),
      });
    }
  }
  await insertPurchases(database.pool, ws, purchases);
  // Not a purchase: ignored.
  await database.pool.query(
    `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
     values ($1, 'page-1', 'track', 'Viewed Product', $2, '{"revenue": 9999}', now())`,
    [ws, ids[0]],
  );
});
afterAll(() => database.drop());

/** Quintile score by the documented rule: 1 + ⌊5 · (number of customers with a smaller value) / n⌋. */
function scores(values: Map<string, number>): Map<string, number> {
  const all = [...values.values()];
  const n = all.length;
  return new Map(
    [...values.entries()].map(([k, v]) => [
      k,
      1 + Math.floor((5 * all.filter((x) => x < v).length) / n),
    ]),
  );
}

describe("RFM", () => {
  it("scores every customer by the quintile rule, computed independently", async () => {
    const count = await refreshRfm(database.db, ws, now);
    const last = new Map<string, number>();
    const freq = new Map<string, number>();
    const money = new Map<string, number>();
    for (const p of purchases) {
      last.set(p.contactId, Math.max(last.get(p.contactId) ?? 0, p.at.getTime()));
      freq.set(p.contactId, (freq.get(p.contactId) ?? 0) + 1);
      money.set(p.contactId, (money.get(p.contactId) ?? 0) + p.revenue);
    }
    expect(count).toBe(300);
    const [r, f, m] = [scores(last), scores(freq), scores(money)];
    const rows = (
      await database.pool.query<{
        contact_id: string;
        recency: number;
        frequency: number;
        monetary: number;
        orders: number;
        revenue: string;
      }>("select * from rfm_scores where workspace_id = $1", [ws])
    ).rows;
    expect(rows).toHaveLength(300);
    for (const row of rows) {
      expect(row.recency).toBe(r.get(row.contact_id));
      expect(row.frequency).toBe(f.get(row.contact_id));
      expect(row.monetary).toBe(m.get(row.contact_id));
      expect(row.orders).toBe(freq.get(row.contact_id));
      expect(Number(row.revenue)).toBe(money.get(row.contact_id));
    }
    // Every score level is used for recency (300 distinct-ish times).
    expect(new Set(rows.map((x) => x.recency)).size).toBe(5);

    const report = await rfmReport(database.db, ws);
    expect(report.customers).toBe(300);
    expect(report.cells).toHaveLength(25);
    for (const cell of report.cells) {
      const inCell = rows.filter(
        (x) => x.recency === cell.recency && x.frequency === cell.frequency,
      );
      expect(cell.contacts).toBe(inCell.length);
      expect(cell.segment).toBe(rfmSegment(cell.recency, cell.frequency));
    }
    const champions = report.segments.find((s) => s.segment === "champions");
    const want = rows.filter((x) => x.recency >= 4 && x.frequency >= 4);
    expect(champions?.contacts).toBe(want.length);
    const page = await rfmContacts(
      database.db,
      ws,
      { segment: "champions" },
      { limit: 500, offset: 0 },
    );
    expect(page.total).toBe(want.length);
    expect(new Set(page.contacts.map((c) => c.id))).toEqual(new Set(want.map((x) => x.contact_id)));
  });

  it("maps all 25 cells to named segments", () => {
    const cells = [
      "champions",
      "loyal",
      "potential_loyalists",
      "new_customers",
      "promising",
      "need_attention",
      "about_to_sleep",
      "at_risk",
      "cannot_lose",
      "hibernating",
    ].flatMap((s) => segmentCells(s as Parameters<typeof segmentCells>[0]));
    expect(cells).toHaveLength(25);
    expect(rfmSegment(5, 5)).toBe("champions");
    expect(rfmSegment(1, 1)).toBe("hibernating");
    expect(rfmSegment(1, 5)).toBe("cannot_lose");
    expect(rfmSegment(2, 3)).toBe("at_risk");
  });

  it("enrolls a segment into a live journey with a manual trigger", async () => {
    await refreshRfm(database.db, ws, now);
    const journey = await createJourney(database.db, ws, {
      name: "Win back the sleepers",
      draft: {
        schemaVersion: 1,
        nodes: [
          { id: "start", type: "trigger-manual", position: { x: 0, y: 0 }, data: {} },
          { id: "done", type: "exit", position: { x: 200, y: 0 }, data: {} },
        ],
        edges: [{ id: "e1", source: "start", sourceHandle: "out", target: "done" }],
      },
    });
    const sel = { segment: "hibernating" as const };
    const before = await enrollRfmSegment(database.db, ws, sel, journey.id, now);
    expect(before).toEqual({ ok: false, reason: "journey_not_live" });
    const published = await publishJourney(database.db, ws, journey.id);
    expect("version" in published).toBe(true);
    const result = await enrollRfmSegment(database.db, ws, sel, journey.id, now);
    const expected = (await rfmContacts(database.db, ws, sel, { limit: 1000, offset: 0 })).total;
    expect(expected).toBeGreaterThan(0);
    expect(result).toEqual({ ok: true, enrolled: expected, contacts: expected });
    const rows = await database.pool.query(
      "select count(*)::int as n from enrollments where workspace_id = $1 and journey_id = $2",
      [ws, journey.id],
    );
    expect(rows.rows[0].n).toBe(expected);
  });
});
