import { useEffect, useState } from "react";
import { api } from "../api/endpoints.ts";
import type { BranchStat, StepCounts } from "./editor-context.ts";

const REFRESH_MS = 5_000;

/** The live numbers of a version, keyed for the canvas. */
export interface LiveCounts {
  counts: ReadonlyMap<string, StepCounts> | null;
  /** Split node id → branch id (or `holdout`) → entered / converted. */
  branches: ReadonlyMap<string, ReadonlyMap<string, BranchStat>> | null;
}

type Answer = Awaited<ReturnType<typeof api.journeyCounts>>;

const NONE: LiveCounts = { counts: null, branches: null };

function keyed(answer: Answer): LiveCounts {
  const branches = new Map<string, Map<string, BranchStat>>();
  for (const b of answer.branches) {
    const arms = branches.get(b.nodeId) ?? new Map<string, BranchStat>();
    arms.set(b.branch, { entered: b.entered, converted: b.converted });
    branches.set(b.nodeId, arms);
  }
  return { counts: new Map(answer.nodes.map((n) => [n.nodeId, n])), branches };
}

/**
 * Per-node counts (and per-arm counts of A/B splits) of the live version, refreshed while the
 * editor is open; nulls before the first publish. A failed refresh keeps the last numbers shown.
 */
export function useLiveCounts(journeyId: string, version: number | null): LiveCounts {
  const [live, setLive] = useState<LiveCounts>(NONE);

  useEffect(() => {
    if (version === null) {
      setLive(NONE);
      return;
    }
    let current = true;
    const load = () =>
      api.journeyCounts(journeyId, version).then(
        (answer) => {
          if (current) setLive(keyed(answer));
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

  return live;
}
