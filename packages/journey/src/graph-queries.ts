import { conditionCountQueries, type EventCountQuery } from "./condition/evaluate.ts";
import type { Condition } from "./condition/schema.ts";
import type { JourneyGraph } from "./schema/graph.ts";

function conditionsOf(graph: JourneyGraph): Condition[] {
  const out: Condition[] = [];
  for (const n of graph.nodes) {
    if (n.type === "condition") out.push(n.data.condition);
    if (n.type === "goal" && n.data.condition) out.push(n.data.condition);
    if (n.type === "trigger-attribute" && n.data.filter) out.push(n.data.filter);
  }
  return out;
}

/**
 * The event counts conditions in this graph read, for the engine to load into each contact
 * snapshot (one `count(*) … where name = $event and at > now() - $window` per query).
 */
export function eventCountQueries(graph: JourneyGraph): EventCountQuery[] {
  const into = new Map<string, EventCountQuery>();
  for (const c of conditionsOf(graph)) conditionCountQueries(c, into);
  return [...into.values()];
}

/**
 * Event names that can move a waiting enrollment of this graph (awaited events, goal events,
 * exit rules); the engine routes only these to enrollments.
 */
export function eventsOfInterest(graph: JourneyGraph): string[] {
  const names = new Set<string>(graph.settings.exitOn.map((m) => m.event));
  for (const n of graph.nodes) {
    if (n.type === "wait-for-event") names.add(n.data.event);
    if (n.type === "goal" && n.data.event) names.add(n.data.event.event);
  }
  return [...names];
}

/** Whether a value holds a funnel-stage condition (`kind: "stage"`) anywhere inside it. */
function holdsStageRule(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsStageRule);
  if (value === null || typeof value !== "object") return false;
  const o = value as Record<string, unknown>;
  if (o.kind === "stage" && typeof o.funnel === "string") return true;
  for (const k in o) if (holdsStageRule(o[k])) return true;
  return false;
}

/**
 * Whether any condition of this graph reads the contact's funnel stages — searched through
 * every node's data and the settings, so a condition in any place counts. The engine loads
 * contacts' stages only for such graphs.
 */
export function readsStages(graph: JourneyGraph): boolean {
  return graph.nodes.some((n) => holdsStageRule(n.data)) || holdsStageRule(graph.settings);
}
