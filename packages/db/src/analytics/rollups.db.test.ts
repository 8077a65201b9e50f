import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel, type FunnelWithStages } from "../funnels/funnels.ts";
import { deleteStage } from "../funnels/manage.ts";
import { moveContacts } from "../funnels/move.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { funnelReport } from "./funnel-report.ts";
import { DAY, insertContacts } from "./test-data.ts";

/**
 * The analytics rollups are kept by triggers; these tests change the source tables every way
 * the app (or a hand-written statement) can — batches, out-of-order and tied times, re-entries,
 * single moves, merges, deletes, a deleted stage — and compare the rollup with a computation
 * from the source rows in the test.
 */
let database: TestDatabase;
let ws: string;
let funnel: FunnelWithStages;
let contacts: string[] = [];
const t0 = Date.parse("2026-03-02T00:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "Rollups")).workspace.id;
  funnel = await createFunnel(database.db, ws, {
    name: "Deals",
    stages: ["New", "Offer", "Talks", "Contract"],
    lostReasons: ["Price"],
  });
  contacts = await insertContacts(database.pool, ws, 7);
});

afterAll(async () => {
  await database.drop();
});

const stage = (name: string) => {
  const s = funnel.stages.find((x) => x.name === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s.id;
};

async function insertMoves(
  list: Array<{ c: number; from: string | null; to: string; at: number }>,
): Promise<void> {
  await database.pool.query(
    `insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, moved_at)
     select $1, $2, u.c, u.f, u.t, 'api', u.at
     from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[]) as u(c, f, t, at)`,
    [
      ws,
      funnel.id,
      list.map((m) => contacts[m.c]),
      list.map((m) => m.from),
      list.map((m) => m.to),
      list.map((m) => new Date(m.at).toISOString()),
    ],
  );
}

interface FactRow {
  move_id: string;
  segment_us: string | null;
  secs: number | null;
  prev_entry_us: string | null;
  reached: string[] | null;
}

/** funnel_move_facts as it should be, computed here from stage_moves and funnel_stages. */
async function expectedFacts(): Promise<FactRow[]> {
  const moves = await database.pool.query<{
    id: string;
    funnel_id: string;
    contact_id: string;
    from_stage_id: string | null;
    to_stage_id: string;
    us: string;
  }>(
    `select id::text, funnel_id, contact_id, from_stage_id, to_stage_id,
            (extract(epoch from moved_at) * 1000000)::bigint::text as us
     from stage_moves where workspace_id = $1`,
    [ws],
  );
  const live = new Set(
    (
      await database.pool.query<{ id: string }>(
        "select id from funnel_stages where workspace_id = $1",
        [ws],
      )
    ).rows.map((r) => r.id),
  );
  const groups = new Map<string, typeof moves.rows>();
  for (const m of moves.rows) {
    const key = `${m.funnel_id}:${m.contact_id}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const out: FactRow[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => Number(a.us) - Number(b.us) || Number(a.id) - Number(b.id));
    const entries = list.filter((m) => m.from_stage_id === null);
    const lives = list.filter((m) => live.has(m.to_stage_id));
    for (const m of list) {
      const before = entries.filter((e) => Number(e.us) <= Number(m.us));
      const segment = before.length ? Math.max(...before.map((e) => Number(e.us))) : null;
      const li = lives.indexOf(m);
      const next = li >= 0 ? lives[li + 1] : undefined;
      const isEntry = m.from_stage_id === null;
      const ei = entries.indexOf(m);
      out.push({
        move_id: m.id,
        segment_us: segment === null ? null : String(segment),
        secs: next ? (Number(next.us) - Number(m.us)) / 1e6 : null,
        prev_entry_us: isEntry && ei > 0 ? (entries[ei - 1]?.us ?? null) : null,
        reached: isEntry
          ? [
              ...new Set(
                list.filter((x) => Number(x.us) >= Number(m.us)).map((x) => x.to_stage_id),
              ),
            ].sort()
          : null,
      });
    }
  }
  return out.sort((a, b) => Number(a.move_id) - Number(b.move_id));
}

async function actualFacts(): Promise<FactRow[]> {
  const r = await database.pool.query<FactRow>(
    `select move_id::text, (extract(epoch from segment_at) * 1000000)::bigint::text as segment_us, secs,
            (extract(epoch from prev_entry_at) * 1000000)::bigint::text as prev_entry_us, reached::text[] as reached
     from funnel_move_facts f where f.workspace_id = $1 order by f.move_id`,
    [ws],
  );
  return r.rows;
}

async function expectFactsCurrent(): Promise<void> {
  const [actual, expected] = await Promise.all([actualFacts(), expectedFacts()]);
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i];
    expect(a?.move_id).toBe(e.move_id);
    expect(a?.segment_us).toBe(e.segment_us);
    expect(a?.prev_entry_us).toBe(e.prev_entry_us);
    expect(a?.reached).toEqual(e.reached);
    if (e.secs === null) expect(a?.secs).toBeNull();
    else expect(a?.secs).toBeCloseTo(e.secs, 6);
  });
}

describe("funnel_move_facts", () => {
  it("follows batches, out-of-order and tied moves, re-entries, single moves, merges, deletes and a deleted stage", async () => {
    const h = 3_600_000;
    await insertMoves([
      { c: 0, from: null, to: stage("New"), at: t0 },
      { c: 0, from: stage("New"), to: stage("Offer"), at: t0 + 5 * h },
      { c: 1, from: null, to: stage("Offer"), at: t0 + h },
      { c: 1, from: stage("Offer"), to: stage("Lost"), at: t0 + 3 * DAY },
      // Re-enters later: a second segment.
      { c: 1, from: null, to: stage("New"), at: t0 + 10 * DAY },
      { c: 2, from: null, to: stage("New"), at: t0 + 2 * h },
      // Tied with its entry.
      { c: 2, from: stage("New"), to: stage("Talks"), at: t0 + 2 * h },
    ]);
    await expectFactsCurrent();

    // A later statement with a move written before existing ones (an import of old history),
    // beside the first moves of a contact new to the funnel (the trigger's two paths at once).
    await insertMoves([
      { c: 0, from: stage("Offer"), to: stage("Talks"), at: t0 + 2 * DAY },
      { c: 0, from: null, to: stage("New"), at: t0 - DAY },
      { c: 6, from: null, to: stage("Offer"), at: t0 + DAY },
      { c: 6, from: stage("Offer"), to: stage("Talks"), at: t0 + 3 * DAY },
      { c: 2, from: stage("Talks"), to: stage("Won"), at: t0 + 4 * DAY },
      // A single first move that is not an entry (history imported from the middle).
      { c: 4, from: stage("Offer"), to: stage("Talks"), at: t0 + DAY },
    ]);
    await expectFactsCurrent();

    // The app's own path: one move at a time, in a transaction.
    await database.db.transaction(async (tx) => {
      await moveContacts(tx, ws, [
        {
          funnelId: funnel.id,
          contactId: contacts[3] as string,
          toStageId: stage("New"),
          cause: "api",
        },
      ]);
    });
    await database.db.transaction(async (tx) => {
      await moveContacts(tx, ws, [
        {
          funnelId: funnel.id,
          contactId: contacts[3] as string,
          toStageId: stage("Contract"),
          cause: "api",
        },
      ]);
    });
    await expectFactsCurrent();

    // A merge moves one contact's history to another.
    await database.pool.query(
      "update stage_moves set contact_id = $2 where workspace_id = $1 and contact_id = $3",
      [ws, contacts[4], contacts[2]],
    );
    await expectFactsCurrent();

    await database.pool.query(
      "delete from stage_moves where workspace_id = $1 and contact_id = $2 and from_stage_id is null and moved_at > $3",
      [ws, contacts[1], new Date(t0 + 5 * DAY).toISOString()],
    );
    await expectFactsCurrent();

    // "Talks" has history but nobody in it now: deleting it drops its visits from the report,
    // so the moves before it measure their time to the next remaining stage.
    await database.pool.query(
      "delete from contact_stages where workspace_id = $1 and stage_id = $2",
      [ws, stage("Talks")],
    );
    expect(await deleteStage(database.db, ws, funnel.id, stage("Talks"))).toBe("ok");
    await expectFactsCurrent();
  });

  it("gives a contact who re-enters the funnel in the range the cohort of its first entry in the range", async () => {
    const h = 3_600_000;
    const base = t0 + 60 * DAY;
    // Contact 5: entered before the range and was lost; enters again twice in the range.
    await insertMoves([
      { c: 5, from: null, to: stage("New"), at: base - 10 * DAY },
      { c: 5, from: stage("New"), to: stage("Contract"), at: base - 9 * DAY },
      { c: 5, from: stage("Contract"), to: stage("Lost"), at: base - 8 * DAY },
      { c: 5, from: null, to: stage("Offer"), at: base + h },
      { c: 5, from: stage("Offer"), to: stage("Lost"), at: base + 2 * h },
      { c: 5, from: null, to: stage("New"), at: base + 5 * h },
    ]);
    const report = await funnelReport(
      database.db,
      ws,
      funnel.id,
      { from: new Date(base), to: new Date(base + DAY) },
      new Date(base + 2 * DAY),
    );
    expect(report?.entered).toBe(1);
    expect(report?.lost).toBe(1);
    expect(report?.won).toBe(0);
    // Reached Offer (and New) from its first entry in the range, not Contract from before it.
    const reached = new Map(report?.stages.map((s) => [s.name, s.reached]));
    expect(reached.get("New")).toBe(1);
    expect(reached.get("Offer")).toBe(1);
    expect(reached.get("Contract")).toBe(0);
    const offer = report?.stages.find((s) => s.name === "Offer");
    expect(offer?.finishedVisits).toBe(1);
    expect(offer?.medianHours).toBeCloseTo(1, 6);
  });
});

describe("purchase_facts", () => {
  it("holds every purchase event with its revenue, through inserts, updates and deletes", async () => {
    const c = contacts;
    await database.pool.query(
      `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
       select $1, u.m, 'track', u.n, u.c, u.p::jsonb, $2
       from unnest($3::text[], $4::text[], $5::uuid[], $6::text[]) as u(m, n, c, p)`,
      [
        ws,
        new Date(t0).toISOString(),
        ["p1", "p2", "p3", "p4", "v1"],
        ["Order Completed", "Purchase", "Payment Received", "Order Completed", "Product Viewed"],
        [c[0], c[1], c[2], c[3], c[0]],
        [
          '{"revenue": 12.5}',
          '{"total": "40", "revenue": "n/a"}',
          '{"amount": 7}',
          '{"note": "free"}',
          '{"revenue": 99}',
        ],
      ],
    );
    await database.pool.query(
      "update events set contact_id = $2 where workspace_id = $1 and message_id = 'p1'",
      [ws, c[5]],
    );
    await database.pool.query(
      "update events set name = 'Order Refunded' where workspace_id = $1 and message_id = 'p2'",
      [ws],
    );
    await database.pool.query(
      "update events set name = 'Purchase' where workspace_id = $1 and message_id = 'v1'",
      [ws],
    );
    await database.pool.query("delete from events where workspace_id = $1 and message_id = 'p3'", [
      ws,
    ]);
    const r = await database.pool.query<{
      message_id: string;
      contact_id: string;
      revenue: string;
    }>(
      `select e.message_id, p.contact_id, p.revenue::text from purchase_facts p
       join events e on e.workspace_id = p.workspace_id and e.id = p.event_id
       where p.workspace_id = $1 order by e.message_id`,
      [ws],
    );
    expect(r.rows).toEqual([
      { message_id: "p1", contact_id: c[5], revenue: "12.5" },
      { message_id: "p4", contact_id: c[3], revenue: "0" },
      { message_id: "v1", contact_id: c[0], revenue: "99" },
    ]);
  });
});
