import { NODE_CATALOGUE } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { DateRange } from "./range.ts";

/** A node of a published version, as the report names it. */
export interface ReportNode {
  id: string;
  type: string;
  /** Plain-language name: the goal's or branch names, or the node type's palette label. */
  label: string;
}

export interface JourneyNodeFigures extends ReportNode {
  version: number;
  /** Visits of the node in the range (a node on a loop counts each visit). */
  entered: number;
  waiting: number;
  passed: number;
  converted: number;
  exited: number;
}

export interface GoalPoint {
  /** Day (`YYYY-MM-DD`, UTC) the enrollments started. */
  day: string;
  started: number;
  converted: number;
}

export interface MessageFigures {
  version: number;
  nodeId: string;
  label: string;
  /** Handed to the mail server (delivered + bounced). */
  sent: number;
  delivered: number;
  bounced: number;
  /** Skipped: no consent, suppressed, no address. */
  skipped: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
}

export interface JourneyReport {
  journey: { id: string; name: string; status: string; currentVersion: number | null };
  versions: number[];
  started: number;
  converted: number;
  nodes: JourneyNodeFigures[];
  goal: GoalPoint[];
  messages: MessageFigures[];
}

interface LooseGraph {
  nodes: Array<{ id: string; type: string; data?: Record<string, unknown> }>;
  edges: Array<{ source: string; sourceHandle?: string | null; target: string }>;
}

/** Reads the parts of a stored graph the reports need, tolerating anything else. */
export function looseGraph(graph: unknown): LooseGraph {
  const g = (graph ?? {}) as Partial<LooseGraph>; // stored JSON, checked field by field below
  const nodes = Array.isArray(g.nodes)
    ? g.nodes.filter((n) => typeof n?.id === "string" && typeof n?.type === "string")
    : [];
  const edges = Array.isArray(g.edges) ? g.edges : [];
  return { nodes, edges };
}

const catalogueLabel = new Map(NODE_CATALOGUE.map((e) => [e.type as string, e.label]));

/** The name a marketer recognises a node by. */
export function nodeLabel(node: LooseGraph["nodes"][number]): string {
  const base = catalogueLabel.get(node.type) ?? node.type;
  const name = node.data?.name;
  if (typeof name === "string" && name) return `${base}: ${name}`;
  return `${base} (${node.id})`;
}

/** Published versions of a journey with their graphs, or null when it is not in the workspace. */
export async function journeyVersionsOf(db: Db, workspaceId: string, journeyId: string) {
  const j = await db.execute<{
    id: string;
    name: string;
    status: string;
    current_version: number | null;
  }>(sql`
    select id, name, status, current_version from journeys
    where workspace_id = ${workspaceId} and id = ${journeyId}`);
  const journey = j.rows[0];
  if (!journey) return null;
  const v = await db.execute<{ version: number; graph: unknown }>(sql`
    select version, graph from journey_versions
    where workspace_id = ${workspaceId} and journey_id = ${journeyId} order by version`);
  return {
    journey: {
      id: journey.id,
      name: journey.name,
      status: journey.status,
      currentVersion: journey.current_version,
    },
    versions: v.rows.map((r) => ({ version: r.version, graph: looseGraph(r.graph) })),
  };
}

/**
 * The journey report for enrollments and node visits in `range`: per version and node the
 * visits and how they left, goal conversion by start day, and message figures per send node.
 * Null when the journey is not in the workspace.
 */
export async function journeyReport(
  db: Db,
  workspaceId: string,
  journeyId: string,
  range: DateRange,
): Promise<JourneyReport | null> {
  const head = await journeyVersionsOf(db, workspaceId, journeyId);
  if (!head) return null;
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const sends = head.versions.flatMap((v) =>
    v.graph.nodes
      .filter((n) => n.type === "send-email")
      .map((n) => ({ version: v.version, nodeId: n.id, label: nodeLabel(n) })),
  );
  const [nodes, goal, messages] = await Promise.all([
    db.execute<{
      version: number;
      node_id: string;
      entered: number;
      waiting: number;
      passed: number;
      converted: number;
      exited: number;
    }>(sql`
      select version, node_id, count(*)::int as entered,
             count(*) filter (where left_at is null)::int as waiting,
             count(*) filter (where outcome = 'passed')::int as passed,
             count(*) filter (where outcome = 'converted')::int as converted,
             count(*) filter (where outcome = 'exited')::int as exited
      from journey_node_visits
      where workspace_id = ${workspaceId} and journey_id = ${journeyId}
        and entered_at >= ${from} and entered_at < ${to}
      group by version, node_id`),
    db.execute<{ day: string; started: number; converted: number }>(sql`
      select to_char(date_trunc('day', started_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
             count(*)::int as started, count(*) filter (where status = 'converted')::int as converted
      from enrollments
      where workspace_id = ${workspaceId} and journey_id = ${journeyId}
        and started_at >= ${from} and started_at < ${to}
      group by 1 order by 1`),
    sends.length === 0
      ? Promise.resolve({ rows: [] })
      : messageFigures(db, workspaceId, journeyId, range),
  ]);
  const labelOf = new Map<string, ReportNode>();
  for (const v of head.versions) {
    for (const n of v.graph.nodes) {
      labelOf.set(`${v.version}:${n.id}`, { id: n.id, type: n.type, label: nodeLabel(n) });
    }
  }
  const order = new Map<string, number>();
  for (const v of head.versions) {
    for (const [i, n] of v.graph.nodes.entries()) order.set(`${v.version}:${n.id}`, i);
  }
  const nodeRows = nodes.rows
    .map((r) => {
      const meta = labelOf.get(`${r.version}:${r.node_id}`) ?? {
        id: r.node_id,
        type: "unknown",
        label: r.node_id,
      };
      return {
        ...meta,
        version: r.version,
        entered: r.entered,
        waiting: r.waiting,
        passed: r.passed,
        converted: r.converted,
        exited: r.exited,
      };
    })
    .sort(
      (a, b) =>
        b.version - a.version ||
        (order.get(`${a.version}:${a.id}`) ?? 999) - (order.get(`${b.version}:${b.id}`) ?? 999),
    );
  const msgOf = new Map(messages.rows.map((m) => [`${m.version}:${m.node_id}`, m]));
  return {
    journey: head.journey,
    versions: head.versions.map((v) => v.version),
    started: goal.rows.reduce((s, r) => s + r.started, 0),
    converted: goal.rows.reduce((s, r) => s + r.converted, 0),
    nodes: nodeRows,
    goal: goal.rows,
    messages: sends.map((s) => {
      const m = msgOf.get(`${s.version}:${s.nodeId}`);
      return {
        ...s,
        sent: (m?.delivered ?? 0) + (m?.bounced ?? 0),
        delivered: m?.delivered ?? 0,
        bounced: m?.bounced ?? 0,
        skipped: m?.skipped ?? 0,
        opened: m?.opened ?? 0,
        clicked: m?.clicked ?? 0,
        unsubscribed: m?.unsubscribed ?? 0,
      };
    }),
  };
}

/**
 * Message figures per send node, from the visits of send nodes: each visit's effect key
 * (`enrollment:node:visit:send`) finds its delivery row and the delivery events that carry it.
 */
function messageFigures(db: Db, workspaceId: string, journeyId: string, range: DateRange) {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  return db.execute<{
    version: number;
    node_id: string;
    delivered: number;
    bounced: number;
    skipped: number;
    opened: number;
    clicked: number;
    unsubscribed: number;
  }>(sql`
    with sends as (
      select ef.version, ef.node_id, ef.key
      from journey_effects ef
      where ef.workspace_id = ${workspaceId} and ef.journey_id = ${journeyId} and ef.channel = 'email'
        and ef.at >= ${from} and ef.at < ${to}),
    ev as (
      select e.name, e.properties->>'effectKey' as key
      from events e
      where e.workspace_id = ${workspaceId}
        and e.name in ('Email Opened', 'Email Link Clicked', 'Email Unsubscribed')
        and e.timestamp >= ${from}),
    evk as (
      select key, bool_or(name = 'Email Opened') as opened, bool_or(name = 'Email Link Clicked') as clicked,
             bool_or(name = 'Email Unsubscribed') as unsubscribed
      from ev group by key)
    select s.version, s.node_id,
           count(*) filter (where d.status = 'sent')::int as delivered,
           count(*) filter (where d.status = 'bounced')::int as bounced,
           count(*) filter (where d.status = 'skipped')::int as skipped,
           count(*) filter (where k.opened)::int as opened,
           count(*) filter (where k.clicked)::int as clicked,
           count(*) filter (where k.unsubscribed)::int as unsubscribed
    from sends s
    left join email_deliveries d on d.workspace_id = ${workspaceId} and d.effect_key = s.key
    left join evk k on k.key = s.key
    group by s.version, s.node_id`);
}
