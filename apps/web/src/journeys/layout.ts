import dagre from "@dagrejs/dagre";
import type { Edge } from "@xyflow/react";
import type { StepNode } from "./graph.ts";

const WIDTH = 240;
const HEIGHT = 120;

/**
 * Steps arranged left to right along the arrows (dagre), each keeping its size; the result is
 * a starting point the marketer can still rearrange by hand.
 */
export function autoLayout(nodes: readonly StepNode[], edges: readonly Edge[]): StepNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) {
    g.setNode(n.id, { width: n.measured?.width ?? WIDTH, height: n.measured?.height ?? HEIGHT });
  }
  for (const e of edges)
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const placed = g.node(n.id);
    if (!placed) return n;
    // dagre gives centres; React Flow positions are top-left corners.
    const x = Math.round(placed.x - placed.width / 2);
    const y = Math.round(placed.y - placed.height / 2);
    return { ...n, position: { x, y } };
  });
}
