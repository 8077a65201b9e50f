import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { DateRange } from "./range.ts";
import { reportQuery } from "./report-session.ts";

/** One stage of the funnel report; outcomes (won/lost) are included as stages too. */
export interface FunnelStageFigures {
  stageId: string;
  name: string;
  kind: "open" | "won" | "lost";
  /** Contacts of the cohort who got to this stage or further (not for `lost`). */
  reached: number;
  /** reached / reached of the previous stage; null for the first stage. */
  conversionFromPrevious: number | null;
  /** reached / contacts who entered the funnel in the range. */
  conversionFromStart: number | null;
  /** Finished visits of the stage (the contact moved on), and their time in stage in hours. */
  finishedVisits: number;
  medianHours: number | null;
  p90Hours: number | null;
  /** Right now, all contacts in the stage (not limited to the range), and those stalled. */
  now: number;
  stalledNow: number;
}

export interface FunnelLostRow {
  stageId: string | null;
  stageName: string;
  reasonId: string | null;
  reason: string;
  contacts: number;
}

export interface FunnelCohortRow {
  /** Monday of the ISO week the contacts entered the funnel (UTC), `YYYY-MM-DD`. */
  week: string;
  entered: number;
  /** Contacts of that week who reached each open stage and `won`, in stage order. */
  reached: number[];
  won: number;
  lost: number;
}

export interface FunnelReport {
  funnel: { id: string; name: string; stallDays: number };
  /** Contacts who entered the funnel (a first move into it) within the range: the cohort. */
  entered: number;
  won: number;
  lost: number;
  stages: FunnelStageFigures[];
  lostBy: FunnelLostRow[];
  cohorts: FunnelCohortRow[];
}

type StageRow = {
  id: string;
  name: string;
  kind: "open" | "won" | "lost";
  position: number;
};

/**
 * The cohort of a funnel report, read from the `funnel_move_facts` rollup (see
 * docs/analytics.md): `entries`, each contact's first move into the funnel (from no stage) in
 * the range, with the stages it reached from then on; `cohort_moves`, every move of theirs from
 * that entry on, with `secs` (time until the next move). A move belongs to the cohort exactly
 * when the contact's latest entry at or before it (`segment_at`) is in the range — or, for moves
 * after the range, when the contact entered in it — so both are index-only range scans, with no
 * join of entrants to their moves and no grouping per contact.
 */
export function cohortSources(workspaceId: string, funnelId: string, range: DateRange): SQL {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const columns = sql`f.contact_id, f.from_stage_id, f.to_stage_id, f.lost_reason_id, f.secs, s.kind, s.position`;
  const stage = sql`join funnel_stages s on s.workspace_id = f.workspace_id and s.id = f.to_stage_id`;
  return sql`
    entries as (
      select contact_id, moved_at as entered_at, reached from funnel_move_facts
      where workspace_id = ${workspaceId} and funnel_id = ${funnelId} and from_stage_id is null
        and moved_at >= ${from} and moved_at < ${to} and (prev_entry_at is null or prev_entry_at < ${from})),
    cohort_moves as not materialized (
      select ${columns} from funnel_move_facts f ${stage}
      where f.workspace_id = ${workspaceId} and f.funnel_id = ${funnelId}
        and f.segment_at >= ${from} and f.segment_at < ${to}
      union all
      select ${columns} from funnel_move_facts f ${stage}
      where f.workspace_id = ${workspaceId} and f.funnel_id = ${funnelId} and f.segment_at >= ${to}
        and exists (select 1 from funnel_move_facts e
                    where e.workspace_id = f.workspace_id and e.funnel_id = f.funnel_id and e.contact_id = f.contact_id
                      and e.from_stage_id is null and e.moved_at >= ${from} and e.moved_at < ${to}))`;
}

/** How far a set of reached stages got: the furthest open/won position, won, lost. */
export function reachOf(workspaceId: string, reached: SQL): SQL {
  return sql`(
    select max(s.position) filter (where s.kind <> 'lost') as max_pos,
           coalesce(bool_or(s.kind = 'won'), false) as won, coalesce(bool_or(s.kind = 'lost'), false) as lost
    from funnel_stages s where s.workspace_id = ${workspaceId} and s.id = any(${reached}))`;
}

/**
 * `cohortSources` plus `cohort`: one row per contact of the cohort with its entry time, the
 * furthest stage position it reached (not counting `lost`), and whether it was won or lost.
 */
export function cohortCte(workspaceId: string, funnelId: string, range: DateRange): SQL {
  return sql`${cohortSources(workspaceId, funnelId, range)},
    cohort as (
      select e.contact_id, e.entered_at, r.max_pos, r.won, r.lost
      from entries e cross join lateral ${reachOf(workspaceId, sql`e.reached`)} r)`;
}

/** Stages of a funnel in order, or null when the funnel is not in the workspace. */
export async function reportStages(
  db: Db,
  workspaceId: string,
  funnelId: string,
): Promise<{ funnel: FunnelReport["funnel"]; stages: StageRow[] } | null> {
  const f = await db.execute<{ id: string; name: string; stall_days: number }>(sql`
    select id, name, stall_days from funnels where workspace_id = ${workspaceId} and id = ${funnelId}`);
  const funnel = f.rows[0];
  if (!funnel) return null;
  const s = await db.execute<StageRow>(sql`
    select id, name, kind, position from funnel_stages
    where workspace_id = ${workspaceId} and funnel_id = ${funnelId} order by position`);
  return {
    funnel: { id: funnel.id, name: funnel.name, stallDays: funnel.stall_days },
    stages: s.rows,
  };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * The funnel report for contacts who entered the funnel in `range` (see docs/analytics.md):
 * the pyramid of contacts reaching each stage, stage-to-stage conversion, time in stage
 * (median, 90th percentile), contacts in each stage and stalled now, lost by stage and reason,
 * and weekly entry cohorts. Null when the funnel is not in the workspace.
 */
export async function funnelReport(
  db: Db,
  workspaceId: string,
  funnelId: string,
  range: DateRange,
  now: Date = new Date(),
): Promise<FunnelReport | null> {
  const head = await reportStages(db, workspaceId, funnelId);
  if (!head) return null;
  const { funnel, stages } = head;
  const cte = cohortSources(workspaceId, funnelId, range);
  // One statement. `cohort_moves` is not materialised: each figure's filter (a finished visit,
  // a move to Lost) goes down into its own index-only scan, cheaper than writing and re-reading
  // 300 k rows.
  const [[one], current, reasons] = await Promise.all([
    reportQuery<{
      groups: Array<{
        week: string;
        max_pos: number | null;
        won: boolean;
        lost: boolean;
        n: number;
      }> | null;
      times: Array<{
        stage_id: string;
        n: number;
        median: number | null;
        p90: number | null;
      }> | null;
      lost: Array<{ stage_id: string | null; reason_id: string | null; n: number }> | null;
    }>(
      db,
      sql`
      with ${cte}
      select
        (select json_agg(g) from (
           select to_char(e.week, 'YYYY-MM-DD') as week, r.max_pos, r.won, r.lost, sum(e.n)::int as n
           from (select date_trunc('week', entered_at at time zone 'UTC') as week, reached, count(*) as n
                 from entries group by 1, 2) e
           cross join lateral ${reachOf(workspaceId, sql`e.reached`)} r
           group by 1, 2, 3, 4) g) as groups,
        (select json_agg(t) from (
           select to_stage_id as stage_id, count(*)::int as n,
                  percentile_cont(0.5) within group (order by secs) / 3600 as median,
                  percentile_cont(0.9) within group (order by secs) / 3600 as p90
           from cohort_moves where secs is not null group by to_stage_id) t) as times,
        (select json_agg(l) from (
           select from_stage_id as stage_id, lost_reason_id as reason_id, count(distinct contact_id)::int as n
           from cohort_moves where kind = 'lost' group by 1, 2) l) as lost`,
    ),
    db.execute<{ stage_id: string; n: number; stalled: number }>(sql`
      select cs.stage_id, count(*)::int as n,
             count(*) filter (where cs.entered_at < ${now.toISOString()}::timestamptz - make_interval(days => ${funnel.stallDays}))::int as stalled
      from contact_stages cs
      where cs.workspace_id = ${workspaceId} and cs.funnel_id = ${funnelId}
      group by cs.stage_id`),
    db.execute<{ id: string; label: string }>(sql`
      select id, label from lost_reasons where workspace_id = ${workspaceId} and funnel_id = ${funnelId}`),
  ]);
  const groups = { rows: one?.groups ?? [] };
  const times = { rows: one?.times ?? [] };
  const lostRows = { rows: one?.lost ?? [] };

  const reachable = stages.filter((s) => s.kind !== "lost");
  const weeks = new Map<string, FunnelCohortRow>();
  let entered = 0;
  let won = 0;
  let lost = 0;
  const reachedTotal = reachable.map(() => 0);
  for (const g of groups.rows) {
    const row = weeks.get(g.week) ?? {
      week: g.week,
      entered: 0,
      reached: reachable.map(() => 0),
      won: 0,
      lost: 0,
    };
    row.entered += g.n;
    entered += g.n;
    if (g.won) {
      row.won += g.n;
      won += g.n;
    }
    if (g.lost) {
      row.lost += g.n;
      lost += g.n;
    }
    reachable.forEach((s, i) => {
      if (g.max_pos !== null && g.max_pos >= s.position) {
        row.reached[i] = (row.reached[i] ?? 0) + g.n;
        reachedTotal[i] = (reachedTotal[i] ?? 0) + g.n;
      }
    });
    weeks.set(g.week, row);
  }
  const timeOf = new Map(times.rows.map((t) => [t.stage_id, t]));
  const nowOf = new Map(current.rows.map((c) => [c.stage_id, c]));
  const figures: FunnelStageFigures[] = stages.map((s) => {
    const i = reachable.indexOf(s);
    const reached = s.kind === "lost" ? lost : (reachedTotal[i] ?? 0);
    const prev = i > 0 ? (reachedTotal[i - 1] ?? 0) : null;
    const t = timeOf.get(s.id);
    const c = nowOf.get(s.id);
    return {
      stageId: s.id,
      name: s.name,
      kind: s.kind,
      reached,
      conversionFromPrevious: s.kind === "lost" || prev === null ? null : ratio(reached, prev),
      conversionFromStart: ratio(reached, entered),
      finishedVisits: t?.n ?? 0,
      medianHours: t?.median ?? null,
      p90Hours: t?.p90 ?? null,
      now: c?.n ?? 0,
      stalledNow: s.kind === "open" ? (c?.stalled ?? 0) : 0,
    };
  });
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const reasonLabel = new Map(reasons.rows.map((r) => [r.id, r.label]));
  const position = new Map(stages.map((s) => [s.id, s.position]));
  const lostBy = lostRows.rows
    .map((r) => ({
      stageId: r.stage_id,
      stageName: r.stage_id ? (stageName.get(r.stage_id) ?? "—") : "—",
      reasonId: r.reason_id,
      reason: r.reason_id ? (reasonLabel.get(r.reason_id) ?? "—") : "—",
      contacts: r.n,
    }))
    .sort(
      (a, b) =>
        (position.get(a.stageId ?? "") ?? -1) - (position.get(b.stageId ?? "") ?? -1) ||
        b.contacts - a.contacts,
    );
  return {
    funnel,
    entered,
    won,
    lost,
    stages: figures,
    lostBy,
    cohorts: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
  };
}
