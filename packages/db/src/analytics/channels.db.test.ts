import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { channelReport } from "./channels.ts";
import { listSpend, parseSpendCsv, upsertSpend } from "./spend.ts";
import { insertContacts, insertPurchases } from "./test-data.ts";

let database: TestDatabase;
let ws: string;
const march = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };
const february = { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-03-01T00:00:00Z") };
const at = (s: string) => new Date(`2026-${s}Z`);

/**
 * A dataset small enough to compute by hand (figures in the comments):
 *   c1 web_form/google  lead 03-02, buys 100 (03-03) and 50 (03-15)
 *   c2 web_form/google  lead 03-05, buys 70 on 04-02 (after March)
 *   c3 telegram/—       lead 03-10, buys 200 (03-11, event "Purchase" with `revenue`)
 *   c4 api/vk           lead 03-12, never buys
 *   c5 web_form/vk      lead 03-20, bought 30 on 02-01 (before the lead)
 *   c6 web_form/—       lead 02-10, buys 80 on 02-12
 * Spend in March: web_form 90, telegram 100, google 60, vk 40. Margin 0.5.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "Channels")).workspace.id;
  const [c1, c2, c3, c4, c5, c6] = await insertContacts(database.pool, ws, 6);
  const leads: Array<[string | undefined, string, string | null, string]> = [
    [c1, "web_form", "google", "03-02T10:00:00"],
    [c2, "web_form", "google", "03-05T10:00:00"],
    [c3, "telegram", null, "03-10T10:00:00"],
    [c4, "api", "vk", "03-12T10:00:00"],
    [c5, "web_form", "vk", "03-20T10:00:00"],
    [c6, "web_form", null, "02-10T10:00:00"],
  ];
  for (const [i, [contactId, channel, source, when]] of leads.entries()) {
    await database.pool.query(
      `insert into leads (workspace_id, channel, dedupe_key, contact_id, utm, created_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [ws, channel, `k${i}`, contactId, source ? { utm_source: source } : {}, at(when)],
    );
  }
  const id = (c: string | undefined) => c as string;
  await insertPurchases(database.pool, ws, [
    { contactId: id(c1), at: at("03-03T12:00:00"), revenue: 100 },
    { contactId: id(c1), at: at("03-15T12:00:00"), revenue: 50 },
    { contactId: id(c2), at: at("04-02T12:00:00"), revenue: 70 },
    { contactId: id(c3), at: at("03-11T12:00:00"), revenue: 200, name: "Purchase" },
    { contactId: id(c5), at: at("02-01T12:00:00"), revenue: 30 },
    { contactId: id(c6), at: at("02-12T12:00:00"), revenue: 80 },
  ]);
  const csv =
    "channel;month;amount\nweb_form;2026-03;90\ntelegram;2026-03;100\ngoogle;2026-03;60,00\nvk;2026-03-01;40\n";
  const parsed = parseSpendCsv(csv);
  expect(parsed.problems).toEqual([]);
  await upsertSpend(database.db, ws, parsed.rows);
});
afterAll(() => database.drop());

describe("channel report on a hand-computed dataset", () => {
  it("gives leads, customers, revenue, CAC and ROMI per channel and source", async () => {
    const r = await channelReport(database.db, ws, march, {
      margin: 0.5,
      compare: february,
      now: new Date("2026-05-15T00:00:00Z"),
    });
    const ch = (k: string) => r.byChannel.find((x) => x.key === k);
    // web_form: c1, c2, c5 → 1 customer (c1), revenue 150, spend 90 → CAC 90, ROMI (75 − 90)/90.
    expect(ch("web_form")).toMatchObject({
      leads: 3,
      customers: 1,
      orders: 2,
      revenue: 150,
      spend: 90,
      cac: 90,
    });
    expect(ch("web_form")?.romi).toBeCloseTo(-15 / 90, 12);
    expect(ch("web_form")?.cpl).toBeCloseTo(30, 12);
    // telegram: c3 → revenue 200, spend 100 → CAC 100, ROMI (100 − 100)/100 = 0.
    expect(ch("telegram")).toMatchObject({
      leads: 1,
      customers: 1,
      revenue: 200,
      spend: 100,
      cac: 100,
      romi: 0,
    });
    expect(ch("api")).toMatchObject({
      leads: 1,
      customers: 0,
      revenue: 0,
      spend: 0,
      cac: null,
      romi: null,
    });
    const src = (k: string) => r.bySource.find((x) => x.key === k);
    // google: c1, c2 → 1 customer, revenue 150, spend 60 → CAC 60, ROMI (75 − 60)/60 = 0.25.
    expect(src("google")).toMatchObject({
      leads: 2,
      customers: 1,
      revenue: 150,
      spend: 60,
      cac: 60,
      romi: 0.25,
    });
    // vk: c4, c5 → nobody bought after the lead: CAC undefined, ROMI (0 − 40)/40 = −1.
    expect(src("vk")).toMatchObject({
      leads: 2,
      customers: 0,
      revenue: 0,
      spend: 40,
      cac: null,
      romi: -1,
    });
    expect(src("(none)")).toMatchObject({ leads: 1, customers: 1, revenue: 200 });
    // Totals: 5 leads, 2 customers, revenue 350, spend 290 → CAC 145, ROMI (175 − 290)/290.
    expect(r.totals).toMatchObject({ leads: 5, customers: 2, revenue: 350, spend: 290, cac: 145 });
    expect(r.totals.romi).toBeCloseTo(-115 / 290, 12);
  });

  it("gives the historic LTV of the March cohort", async () => {
    const r = await channelReport(database.db, ws, march, {
      margin: 0.5,
      compare: february,
      now: new Date("2026-05-15T00:00:00Z"),
    });
    // Cohort 2026-03: 5 leads; c1, c3 and (in April) c2 bought → 3 customers, 420 to date.
    expect(r.cohorts).toHaveLength(1);
    const c = r.cohorts[0];
    expect(c).toMatchObject({ month: "2026-03", leads: 5, customers: 3, revenue: 420, spend: 290 });
    expect(c?.ltv).toBeCloseTo(140, 12);
    expect(c?.cac).toBeCloseTo(290 / 3, 12);
    expect(c?.ltvByMonth.map((x) => Number(x.toFixed(6)))).toEqual(
      [350 / 3, 420 / 3, 420 / 3].map((x) => Number(x.toFixed(6))),
    );
  });

  it("decomposes V = Leads × Conversion × Average check × Transactions × Margin", async () => {
    const r = await channelReport(database.db, ws, march, { margin: 0.5, compare: february });
    // February: 1 lead (c6); buyers c5, c6; 2 orders; revenue 110 → V = 55.
    expect(r.formula.before).toMatchObject({
      leads: 1,
      buyers: 2,
      orders: 2,
      revenue: 110,
      conversion: 2,
    });
    expect(r.formula.before.averageCheck).toBeCloseTo(55, 12);
    expect(r.formula.before.value).toBeCloseTo(55, 9);
    // March: 5 leads; buyers c1, c3; 3 orders; revenue 350 → V = 175.
    expect(r.formula.after).toMatchObject({ leads: 5, buyers: 2, orders: 3, revenue: 350 });
    expect(r.formula.after.conversion).toBeCloseTo(0.4, 12);
    expect(r.formula.after.transactions).toBeCloseTo(1.5, 12);
    expect(r.formula.after.value).toBeCloseTo(175, 9);
    const c = r.formula.contributions;
    const sum = c.leads + c.conversion + c.averageCheck + c.transactions + c.margin;
    expect(sum).toBeCloseTo(120, 9);
    // Log-mean split by hand: share of leads = ΔV · ln(5/1) / ln(175/55).
    expect(c.leads).toBeCloseTo((120 * Math.log(5)) / Math.log(175 / 55), 9);
    expect(c.conversion).toBeCloseTo((120 * Math.log(0.4 / 2)) / Math.log(175 / 55), 9);
    expect(c.margin).toBeCloseTo(0, 12);
  });

  it("keeps spend per channel and month, last value winning", async () => {
    await upsertSpend(database.db, ws, [{ channel: "vk", month: "2026-04", amount: 10 }]);
    await upsertSpend(database.db, ws, [{ channel: "vk", month: "2026-04", amount: 12.5 }]);
    const list = await listSpend(database.db, ws);
    expect(list.filter((s) => s.channel === "vk")).toEqual([
      { channel: "vk", month: "2026-04", amount: 12.5 },
      { channel: "vk", month: "2026-03", amount: 40 },
    ]);
    const bad = parseSpendCsv("channel,month,amount\nvk,March,10\n,2026-03,5\ngoogle,2026-03,-1\n");
    expect(bad.rows).toEqual([]);
    expect(bad.problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });
});
