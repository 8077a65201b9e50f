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

/** What every canvas node reads besides its own data: its problems and its live counts. */
export interface EditorView {
  violationsByNode: ReadonlyMap<string, readonly Violation[]>;
  counts: ReadonlyMap<string, StepCounts> | null;
}

export const EditorViewContext = createContext<EditorView>({
  violationsByNode: new Map(),
  counts: null,
});

export const useEditorView = () => useContext(EditorViewContext);
