import type { Edge } from "@xyflow/react";
import { freshId, initialData, type StepNode, stepOutputs } from "./graph.ts";

/** What a copy puts on the editor's clipboard: steps and the arrows between them. */
export interface Clipboard {
  nodes: StepNode[];
  edges: Edge[];
}

/** The selected steps and the edges that join two of them. */
export function copySelection(nodes: readonly StepNode[], edges: readonly Edge[]): Clipboard {
  const picked = nodes.filter((n) => n.selected);
  const ids = new Set(picked.map((n) => n.id));
  return {
    nodes: picked.map((n) => ({ ...n, data: structuredClone(n.data) })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * The canvas with the clipboard pasted in: fresh ids, shifted down-right so the copy is seen,
 * the pasted steps selected and nothing else.
 */
export function pasteInto(
  nodes: readonly StepNode[],
  edges: readonly Edge[],
  clip: Clipboard,
  offset = 40,
): { nodes: StepNode[]; edges: Edge[] } {
  const taken: { id: string }[] = [...nodes];
  const rename = new Map<string, string>();
  const added: StepNode[] = [];
  for (const n of clip.nodes) {
    const id = freshId(n.type ?? "step", taken);
    taken.push({ id });
    rename.set(n.id, id);
    added.push({
      id,
      type: n.type,
      position: { x: n.position.x + offset, y: n.position.y + offset },
      data: structuredClone(n.data),
      selected: true,
    });
  }
  const newEdges = clip.edges.map((e) => {
    const source = rename.get(e.source) ?? e.source;
    const target = rename.get(e.target) ?? e.target;
    const handle = e.sourceHandle ?? "out";
    return { id: `${source}-${handle}-${target}`, source, target, sourceHandle: handle };
  });
  return {
    nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added],
    edges: [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...newEdges],
  };
}

/**
 * A new step of `type` dropped onto `edgeId`: the edge now ends at the new step, and the new
 * step's first output continues to where the edge went. A step with no output (exit) takes
 * the edge's end and the old target is left unconnected.
 */
export function insertOnEdge(
  nodes: readonly StepNode[],
  edges: readonly Edge[],
  edgeId: string,
  type: string,
  position: { x: number; y: number },
): { nodes: StepNode[]; edges: Edge[]; nodeId: string } | null {
  const edge = edges.find((e) => e.id === edgeId);
  if (!edge) return null;
  const id = freshId(type, nodes);
  const data = initialData(type);
  const node: StepNode = { id, type, position, data, selected: true };
  const handle = edge.sourceHandle ?? "out";
  const into: Edge = {
    id: `${edge.source}-${handle}-${id}`,
    source: edge.source,
    sourceHandle: handle,
    target: id,
  };
  const out = stepOutputs(type, data)[0];
  const onward: Edge[] = out
    ? [
        {
          id: `${id}-${out.id}-${edge.target}`,
          source: id,
          sourceHandle: out.id,
          target: edge.target,
        },
      ]
    : [];
  return {
    nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
    edges: [...edges.filter((e) => e.id !== edgeId), into, ...onward],
    nodeId: id,
  };
}
