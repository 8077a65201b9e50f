import { useEffect, useState } from "react";
import { api } from "../api/endpoints.ts";
import type { StepCounts } from "./editor-context.ts";

const REFRESH_MS = 5_000;

/**
 * Per-node counts of the live version, refreshed while the editor is open; null before the
 * first publish. A failed refresh keeps the last numbers shown.
 */
export function useLiveCounts(journeyId: string, version: number | null) {
  const [counts, setCounts] = useState<ReadonlyMap<string, StepCounts> | null>(null);

  useEffect(() => {
    if (version === null) {
      setCounts(null);
      return;
    }
    let current = true;
    const load = () =>
      api.journeyCounts(journeyId, version).then(
        (answer) => {
          if (current) setCounts(new Map(answer.nodes.map((n) => [n.nodeId, n])));
        },
        () => undefined,
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [journeyId, version]);

  return counts;
}
