import { useRef } from "react";
import { catalogueEntry, type StepNode } from "./graph.ts";

/** Room around a fitted journey; the top keeps clear of the toolbar and the settings line. */
export const FIT_PADDING = { top: "84px", right: "24px", bottom: "24px", left: "24px" } as const;
/** Past this many steps only the ones in view are drawn. */
export const VISIBLE_ONLY_FROM = 150;

/**
 * Where the canvas opens: the whole journey, or for a big one the steps around its first
 * trigger at a readable zoom (all of it would be too small to read, and drawing only what is in
 * view keeps opening fast); "Show all" and the minimap reach the rest.
 */
export function openingView(nodes: readonly StepNode[]) {
  if (nodes.length < VISIBLE_ONLY_FROM) return { maxZoom: 1, padding: FIT_PADDING };
  const start = nodes.find((n) => catalogueEntry(n.type ?? "")?.group === "Triggers") ?? nodes[0];
  const near = [...nodes]
    .sort(
      (a, b) =>
        Math.hypot(
          a.position.x - (start?.position.x ?? 0),
          a.position.y - (start?.position.y ?? 0),
        ) -
        Math.hypot(
          b.position.x - (start?.position.x ?? 0),
          b.position.y - (start?.position.y ?? 0),
        ),
    )
    .slice(0, 12);
  return { maxZoom: 1, minZoom: 0.6, padding: FIT_PADDING, nodes: near.map((n) => ({ id: n.id })) };
}

/**
 * The same array as long as no step's id, type or settings changed: dragging moves positions
 * only, so the checker (which ignores positions) does not re-run — nor re-render every step —
 * on each frame of a drag.
 */
export function useStructure(nodes: StepNode[]): StepNode[] {
  const ref = useRef(nodes);
  const prev = ref.current;
  const same =
    prev.length === nodes.length &&
    nodes.every((n, i) => {
      const p = prev[i];
      return p !== undefined && p.id === n.id && p.type === n.type && p.data === n.data;
    });
  if (!same) ref.current = nodes;
  return ref.current;
}
