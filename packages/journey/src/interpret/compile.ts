import { cyclicComponents } from "../scc.ts";
import type { GoalNode } from "../schema/flow.ts";
import type { JourneyGraph } from "../schema/graph.ts";
import type { JourneyNode } from "../schema/nodes.ts";

/** A graph indexed for the interpreter's hot loop. */
export interface CompiledGraph {
  graph: JourneyGraph;
  nodes: ReadonlyMap<string, JourneyNode>;
  /** Source node id → handle → target node id. The first edge from a handle wins. */
  next: ReadonlyMap<string, Readonly<Record<string, string>>>;
  goals: readonly GoalNode[];
  conditionGoals: readonly GoalNode[];
  eventGoals: readonly GoalNode[];
  /** Nodes on a loop: the only ones a run can enter twice, so the only visits recorded. */
  revisitable: ReadonlySet<string>;
}

const cache = new WeakMap<JourneyGraph, CompiledGraph>();

/**
 * Indexes a parsed graph once per object (published versions are immutable, so the engine can
 * keep one parsed graph per version and every step reuses this index).
 */
export function compile(graph: JourneyGraph): CompiledGraph {
  const hit = cache.get(graph);
  if (hit) return hit;
  const nodes = new Map<string, JourneyNode>();
  for (const n of graph.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const next = new Map<string, Record<string, string>>();
  for (const e of graph.edges) {
    let outs = next.get(e.source);
    if (!outs) {
      // A prototype-less map so a handle named "constructor" cannot hit Object.prototype;
      // Object.create is typed `any`, the cast names what it is.
      outs = Object.create(null) as Record<string, string>;
      next.set(e.source, outs);
    }
    if (!(e.sourceHandle in outs)) outs[e.sourceHandle] = e.target;
  }
  const targets = new Map<string, string[]>();
  for (const [source, outs] of next) targets.set(source, Object.values(outs));
  const revisitable = new Set(
    cyclicComponents([...nodes.keys()], (id) => targets.get(id) ?? []).flat(),
  );
  const goals = graph.nodes.filter((n): n is GoalNode => n.type === "goal");
  const compiled: CompiledGraph = {
    graph,
    nodes,
    next,
    goals,
    conditionGoals: goals.filter((g) => g.data.condition !== undefined),
    eventGoals: goals.filter((g) => g.data.event !== undefined),
    revisitable,
  };
  cache.set(graph, compiled);
  return compiled;
}
