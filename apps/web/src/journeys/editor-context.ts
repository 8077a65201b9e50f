import type { Violation } from "@voronka/journey";
import { createContext, useContext } from "react";

/** Live numbers of one node in the published version. */
export interface StepCounts {
  entered: number;
  waiting: number;
  passed: number;
  converted: number;
  exited: number;
}

/** Live numbers of one arm of an A/B split: contacts it got, and how many of them converted. */
export interface BranchStat {
  entered: number;
  converted: number;
}

/** What every canvas node reads besides its own data: problems, live counts, a test run. */
export interface EditorView {
  violationsByNode: ReadonlyMap<string, readonly Violation[]>;
  counts: ReadonlyMap<string, StepCounts> | null;
  /** Split node id → branch id (or `holdout`) → that arm's live numbers. */
  branches: ReadonlyMap<string, ReadonlyMap<string, BranchStat>> | null;
  /** Steps a test run went through: node id → its place on the path (1-based). */
  trace: ReadonlyMap<string, number> | null;
}

export const EditorViewContext = createContext<EditorView>({
  violationsByNode: new Map(),
  counts: null,
  branches: null,
  trace: null,
});

export const useEditorView = () => useContext(EditorViewContext);
