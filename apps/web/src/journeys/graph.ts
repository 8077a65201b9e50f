import {
  JourneyNode,
  NODE_CATALOGUE,
  type NodeCatalogueEntry,
  type OutputHandle,
  outputHandles,
  SCHEMA_VERSION,
} from "@voronka/journey";
import type { Edge, Node } from "@xyflow/react";

/** What the canvas holds for one journey step: the graph node's `data`, untouched. */
export type StepData = Record<string, unknown>;
export type StepNode = Node<StepData>;

/** The editor's working copy of a draft graph; `settings` is carried through as it came. */
export interface CanvasGraph {
  nodes: StepNode[];
  edges: Edge[];
  settings: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Reads a saved draft (possibly empty or unfinished) into canvas nodes and edges. */
export function toCanvas(draft: Record<string, unknown>): CanvasGraph {
  const nodes: StepNode[] = asArray(draft.nodes)
    .filter(isObject)
    .map((n, i) => {
      const position = isObject(n.position) ? n.position : {};
      return {
        id: String(n.id ?? `node-${i + 1}`),
        type: String(n.type ?? ""),
        position: {
          x: typeof position.x === "number" ? position.x : 0,
          y: typeof position.y === "number" ? position.y : 0,
        },
        data: isObject(n.data) ? n.data : {},
      } satisfies StepNode;
    });
  const edges: Edge[] = asArray(draft.edges)
    .filter(isObject)
    .map((e, i) => ({
      id: String(e.id ?? `edge-${i + 1}`),
      source: String(e.source ?? ""),
      target: String(e.target ?? ""),
      sourceHandle: typeof e.sourceHandle === "string" ? e.sourceHandle : "out",
    }));
  return { nodes, edges, settings: draft.settings };
}

/** The step kind of a canvas node: its React Flow `type` is the graph node's `type`. */
export function stepType(node: Pick<StepNode, "type">): string {
  return node.type ?? "";
}

/** Writes the canvas back as the graph the API stores: only the fields the schema knows. */
export function toDraft(graph: CanvasGraph): Record<string, unknown> {
  const draft: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      type: stepType(n),
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
      data: n.data,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle ?? "out",
      target: e.target,
    })),
  };
  if (graph.settings !== undefined) draft.settings = graph.settings;
  return draft;
}

/** The palette entry of a step kind. */
export function catalogueEntry(type: string): NodeCatalogueEntry | undefined {
  return NODE_CATALOGUE.find((entry) => entry.type === type);
}

/**
 * The labelled outputs of a step. An unfinished step may not parse yet; only a split's outputs
 * depend on its data, so the others are read from the type alone.
 */
export function stepOutputs(type: string, data: StepData): readonly OutputHandle[] {
  // Drawing a step asks for its outputs on every render; a step's data object only changes
  // when its settings do, so the answer is kept per data object.
  const cached = outputsCache.get(data);
  if (cached?.type === type) return cached.outputs;
  const outputs = computeOutputs(type, data);
  outputsCache.set(data, { type, outputs });
  return outputs;
}

const outputsCache = new WeakMap<StepData, { type: string; outputs: readonly OutputHandle[] }>();

function computeOutputs(type: string, data: StepData): readonly OutputHandle[] {
  const parsed = JourneyNode.safeParse({ id: "x", type, position: { x: 0, y: 0 }, data });
  if (parsed.success) return outputHandles(parsed.data);
  if (type === "split") {
    return asArray(data.branches)
      .filter(isObject)
      .map((b, i) => ({ id: String(b.id ?? i), label: String(b.name || `Branch ${i + 1}`) }));
  }
  if (!catalogueEntry(type)) return [{ id: "out", label: "Next" }];
  // Every other type's outputs ignore `data`; a stand-in node of the same type is enough.
  return outputHandles({ id: "x", type, position: { x: 0, y: 0 }, data: {} } as JourneyNode);
}

/** Settings a freshly added step starts with: valid where a sensible default exists. */
export function initialData(type: string): StepData {
  switch (type) {
    case "trigger-event":
      return { event: "" };
    case "wait":
      return { mode: "duration", duration: { amount: 1, unit: "days" } };
    case "wait-for-event":
      return { event: "", timeout: { amount: 3, unit: "days" } };
    case "condition":
      return { condition: { kind: "attribute", attribute: "", op: "eq", value: "" } };
    case "split":
      return {
        branches: [
          { id: "a", name: "A", weight: 50 },
          { id: "b", name: "B", weight: 50 },
        ],
      };
    case "goal":
      return { name: "Goal", event: { event: "" } };
    case "send-email":
      return { templateId: "" };
    case "move-stage":
      return { funnel: "", stage: "" };
    case "trigger-lead":
      return { channels: [] };
    case "trigger-stage":
      return { funnel: "", on: "entered" };
    case "trigger-date":
      return { attribute: "", offset: { amount: 0, unit: "days" }, at: "09:00", yearly: false };
    case "mark-lost":
      return { funnel: "", reason: "" };
    case "audience":
      return { audienceId: "", action: "add" };
    case "notify-manager":
      return { via: "task", message: "" };
    case "webhook":
      return { url: "", method: "POST", awaitResponse: false };
    default:
      return {};
  }
}

/** A node id not yet used on the canvas, readable in the saved JSON (`wait-2`). */
export function freshId(type: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((n) => n.id));
  let n = 1;
  while (ids.has(`${type}-${n}`)) n++;
  return `${type}-${n}`;
}
