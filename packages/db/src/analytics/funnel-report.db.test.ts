import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel, type FunnelWithStages } from "../funnels/funnels.ts";
import { provisionWorkspace } from "../queries/workspaces.ts";
import { funnelContacts } from "./funnel-contacts.ts";
import { funnelReport } from "./funnel-report.ts";
import { DAY, insertContacts, percentile, seeded } from "./test-data.ts";

let database: TestDatabase;
let ws: string;
let funnel: FunnelWithStages;

interface Move {
  contactId: string;
  from: string | null;
  to: string;
  at: number;
  reason: string | null;
}

const rangeStart = Date.parse("2026-03-02T00:00:00Z"); // a Monday
const range = { from: new Date(rangeStart), to: new Date(rangeStart + 28 * DAY) };
const now = new Date(rangeStart + 40 * DAY);
const moves: Move[] = [];
let contactIds: string[] = [];

/**
 * 400 contacts enter the funnel between 7 days before and 7 days after the range; each moves
 * forward stage by stage with a random stay (hours to days), and may be lost (with a reason) or
 * stop anywhere. Some are placed straight into the second stage.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  ws = (await provisionWorkspace(database.db, "Funnel analytics")).workspace.id;
  funnel = await createFunnel(database.db, ws, {
    name: "Banquets",
    stages: ["First contact", "Offer sent", "Presentation", "Contract"],
    lostReasons: ["Price", "Date taken", "No answer"],
    stallDays: 5,
  });
  contactIds = await insertContacts(database.pool, ws, 400);
  const rnd = seeded(42);
  const open = funnel.stages.filter((s) => s.kind === "open");
  const won = funnel.stages.find((s) => s.kind === "won");
  const lost = funnel.stages.find((s) => s.kind === "lost");
  if (!won || !lost) throw new Error("funnel without outcomes");
  const current: Array<{ contactId: string; stageId: string; at: number; reason: string | null }> =
    [];
  for (const contactId of contactIds) {
    let at = rangeStart - 7 * DAY + Math.floor(rnd() * 42 * DAY);
    let idx = rnd() < 0.15 ? 1 : 0;
    let stage = open[idx]?.id as string;
    moves.push({ contactId, from: null, to: stage, at, reason: null });
    let reason: string | null = null;
    for (;;) {
      const r = rnd();
      if (r < 0.25) break; // stays where it is
      at += Math.floor(rnd() * 6 * DAY) + 3_600_000;
      if (at > now.getTime()) break;
      if (r < 0.4) {
        reason = funnel.lostReasons[Math.floor(rnd() * 3)]?.id ?? null;
        moves.push({ contactId, from: stage, to: lost.id, at, reason });
        stage = lost.id;
        break;
      }
      idx += 1;
      const next = idx < open.length ? (open[idx]?.id as string) : won.id;
      moves.push({ contactId, from: stage, to: next, at, reason: null });
      stage = next;
      if (next === won.id) break;
    }
    current.push({ contactId, stageId: stage, at, reason });
  }
  await database.pool.query(
    `insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, lost_reason_id, moved_at)
     select $1, $2, u.c, u.f, u.t, 'api', u.r, u.at
     from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[]) as u(c, f, t, r, at)`,
    [
      ws,
      funnel.id,
      moves.map((m) => m.contactId),
      moves.map((m) => m.from),
      moves.map((m) => m.to),
      moves.map((m) => m.reason),
      moves.map((m) => new Date(m.at).toISOString()),
    ],
  );
  await database.pool.query(
    `insert into contact_stages (workspace_id, funnel_id, contact_id, stage_id, entered_at, lost_reason_id)
     select $1, $2, u.c, u.s, u.at, u.r from unnest($3::uuid[], $4::uuid[], $5::timestamptz[], $6::uuid[]) as u(c, s, at, r)`,
    [
      ws,
      funnel.id,
      current.map((c) => c.contactId),
      current.map((c) => c.stageId),
      current.map((c) => new Date(c.at).toISOString()),
      current.map((c) => c.reason),
    ],
  );
});
afterAll(() => database.drop());

/** The expected report, computed from the generated moves in plain code. */
function expected() {
  const byContact = new Map<string, Move[]>();
  for (const m of moves) byContact.set(m.contactId, [...(byContact.get(m.contactId) ?? []), m]);
  const pos = new Map(funnel.stages.map((s) => [s.id, s]));
  const cohort = [...byContact.entries()].filter(([, ms]) => {
    const entry = ms[0]?.at ?? 0;
    return entry >= range.from.getTime() && entry < range.to.getTime();
  });
  const reached = new Map<string, number>();
  const durations = new Map<string, number[]>();
  const lostBy = new Map<string, number>();
  const weeks = new Map<string, { entered: number; won: number }>();
  for (const [, ms] of cohort) {
    const best = Math.max(
      ...ms
        .map((m) => pos.get(m.to))
        .filter((s) => s && s.kind !== "lost")
        .map((s) => s?.position ?? -1),
    );
    for (const s of funnel.stages) {
      if (s.kind !== "lost" && best >= s.position) reached.set(s.id, (reached.get(s.id) ?? 0) + 1);
    }
    ms.forEach((m, i) => {
      const next = ms[i + 1];
      if (next) durations.set(m.to, [...(durations.get(m.to) ?? []), (next.at - m.at) / 3_600_000]);
      if (pos.get(m.to)?.kind === "lost") {
        const k = `${m.from}:${m.reason}`;
        lostBy.set(k, (lostBy.get(k) ?? 0) + 1);
      }
    });
    const entry = new Date(ms[0]?.at ?? 0);
    const monday = new Date(
      Date.UTC(
        entry.getUTCFullYear(),
        entry.getUTCMonth(),
        entry.getUTCDate() - ((entry.getUTCDay() + 6) % 7),
      ),
    )
      .toISOString()
      .slice(0, 10);
    const w = weeks.get(monday) ?? { entered: 0, won: 0 };
    w.entered += 1;
    if (ms.some((m) => pos.get(m.to)?.kind === "won")) w.won += 1;
    weeks.set(monday, w);
  }
  return { entered: cohort.length, reached, durations, lostBy, weeks };
}

describe("funnel report on generated data", () => {
  it("matches an independent computation of every figure", async () => {
    const report = await funnelReport(database.db, ws, funnel.id, range, now);
    if (!report) throw new Error("no report");
    const exp = expected();
    expect(exp.entered).toBeGreaterThan(200);
    expect(report.entered).toBe(exp.entered);
    const reachable = funnel.stages.filter((s) => s.kind !== "lost");
    for (const [i, s] of reachable.entries()) {
      const fig = report.stages.find((f) => f.stageId === s.id);
      const want = exp.reached.get(s.id) ?? 0;
      expect(fig?.reached, s.name).toBe(want);
      expect(fig?.conversionFromStart).toBeCloseTo(want / exp.entered, 12);
      if (i > 0) {
        const prev = exp.reached.get(reachable[i - 1]?.id ?? "") ?? 0;
        expect(fig?.conversionFromPrevious, s.name).toBeCloseTo(want / prev, 12);
      } else expect(fig?.conversionFromPrevious).toBe(null);
    }
    for (const s of funnel.stages) {
      const fig = report.stages.find((f) => f.stageId === s.id);
      const d = exp.durations.get(s.id) ?? [];
      expect(fig?.finishedVisits, s.name).toBe(d.length);
      if (d.length === 0) continue;
      expect(fig?.medianHours, s.name).toBeCloseTo(percentile(d, 0.5) ?? -1, 6);
      expect(fig?.p90Hours, s.name).toBeCloseTo(percentile(d, 0.9) ?? -1, 6);
    }
    const lostTotal = [...exp.lostBy.values()].reduce((a, b) => a + b, 0);
    expect(report.lost).toBe(lostTotal);
    expect(report.lostBy.length).toBe(exp.lostBy.size);
    for (const row of report.lostBy) {
      expect(row.contacts).toBe(exp.lostBy.get(`${row.stageId}:${row.reasonId}`));
      expect(row.reason).not.toBe("—");
    }
    expect(report.cohorts.map((c) => [c.week, c.entered, c.won])).toEqual(
      [...exp.weeks.entries()].sort().map(([w, v]) => [w, v.entered, v.won]),
    );
  });

  it("counts contacts in each stage and stalled ones now", async () => {
    const report = await funnelReport(database.db, ws, funnel.id, range, now);
    const rows = (
      await database.pool.query<{ stage_id: string; entered_at: Date }>(
        "select stage_id, entered_at from contact_stages where workspace_id = $1",
        [ws],
      )
    ).rows;
    for (const s of funnel.stages) {
      const here = rows.filter((r) => r.stage_id === s.id);
      const stalled = here.filter((r) => r.entered_at.getTime() < now.getTime() - 5 * DAY);
      const fig = report?.stages.find((f) => f.stageId === s.id);
      expect(fig?.now, s.name).toBe(here.length);
      expect(fig?.stalledNow, s.name).toBe(s.kind === "open" ? stalled.length : 0);
    }
  });

  it("lists the contacts behind a number", async () => {
    const report = await funnelReport(database.db, ws, funnel.id, range, now);
    const offer = funnel.stages[1];
    if (!report || !offer) throw new Error("no report");
    const fig = report.stages.find((s) => s.stageId === offer.id);
    const page = await funnelContacts(
      database.db,
      ws,
      funnel.id,
      range,
      { metric: "reached", stageId: offer.id },
      { limit: 1000, offset: 0 },
      now,
    );
    expect(page?.total).toBe(fig?.reached);
    expect(page?.contacts.length).toBe(fig?.reached);
    expect(page?.contacts[0]?.email).toMatch(/@example\.com$/);
    const row = report.lostBy[0];
    const lost = await funnelContacts(
      database.db,
      ws,
      funnel.id,
      range,
      { metric: "lost", stageId: row?.stageId ?? undefined, reasonId: row?.reasonId ?? undefined },
      { limit: 5, offset: 0 },
      now,
    );
    expect(lost?.total).toBe(row?.contacts);
    expect(lost?.contacts.length).toBe(Math.min(5, row?.contacts ?? 0));
    const week = report.cohorts[1];
    const inWeek = await funnelContacts(
      database.db,
      ws,
      funnel.id,
      range,
      { metric: "entered", week: week?.week },
      { limit: 1, offset: 0 },
      now,
    );
    expect(inWeek?.total).toBe(week?.entered);
    const stalled = await funnelContacts(
      database.db,
      ws,
      funnel.id,
      range,
      { metric: "stalled", stageId: offer.id },
      { limit: 1000, offset: 0 },
      now,
    );
    expect(stalled?.total).toBe(fig?.stalledNow);
  });

  it("answers null for another workspace's funnel", async () => {
    const other = (await provisionWorkspace(database.db, "Other")).workspace.id;
    expect(await funnelReport(database.db, other, funnel.id, range, now)).toBe(null);
  });
});
