import type { TestRunResult } from "@voronka/contract";
import type { Violation } from "@voronka/journey";
import type { Edge } from "@xyflow/react";
import { useMemo } from "react";
import type { EditorView } from "./editor-context.ts";
import type { LiveCounts } from "./use-live-counts.ts";

interface Overlay {
  violations: readonly Violation[];
  /** The arrows on the canvas now (the draft's, or the version's being looked at). */
  edges: Edge[];
  /** Problems are the draft's: a published version being looked at shows none. */
  showProblems: boolean;
  /** Live numbers of the version shown (per step and per split arm). */
  live: LiveCounts;
  /** The last test run, while its panel is open. */
  testRun: TestRunResult | null;
}

/**
 * What is drawn over the journey: problems and live counts on the steps, the test run's path
 * numbered on the steps and lit on the arrows it went along.
 */
export function useCanvasOverlay({ violations, edges, showProblems, live, testRun }: Overlay) {
  const trace = useMemo(() => {
    if (!testRun) return null;
    const order = new Map<string, number>();
    testRun.path.forEach((p, i) => {
      if (!order.has(p.nodeId)) order.set(p.nodeId, i + 1);
    });
    return order;
  }, [testRun]);

  const view = useMemo<EditorView>(() => {
    const byNode = new Map<string, Violation[]>();
    if (showProblems) {
      for (const v of violations) {
        const nodeId = v.nodeId ?? edges.find((e) => e.id === v.edgeId)?.source;
        if (nodeId) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), v]);
      }
    }
    return { violationsByNode: byNode, counts: live.counts, branches: live.branches, trace };
  }, [violations, edges, live, trace, showProblems]);

  const shownEdges = useMemo(() => {
    if (!testRun) return edges;
    // An arrow lights up when the run went from its source straight to its target.
    const walked = new Set<string>();
    for (let i = 1; i < testRun.path.length; i++) {
      walked.add(`${testRun.path[i - 1]?.nodeId}>${testRun.path[i]?.nodeId}`);
    }
    return edges.map((e) =>
      walked.has(`${e.source}>${e.target}`)
        ? { ...e, className: "edge-traced", animated: true }
        : e,
    );
  }, [edges, testRun]);

  return { view, shownEdges };
}
