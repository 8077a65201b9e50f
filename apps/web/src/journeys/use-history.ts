import type { Edge } from "@xyflow/react";
import { useCallback, useRef, useState } from "react";
import type { StepNode } from "./graph.ts";

/** One state of the canvas that undo can go back to. */
export interface CanvasSnapshot {
  nodes: StepNode[];
  edges: Edge[];
}

const LIMIT = 100;
/** Edits of one field in quick succession (typing) undo as one. */
const COALESCE_MS = 1_000;

/**
 * Undo/redo over canvas snapshots. Call `record(key?)` just before a change; repeated records
 * with the same key within a second keep only the first, so typing a word is one undo step.
 */
export function useHistory(current: () => CanvasSnapshot, restore: (s: CanvasSnapshot) => void) {
  const past = useRef<CanvasSnapshot[]>([]);
  const future = useRef<CanvasSnapshot[]>([]);
  const last = useRef<{ key: string; at: number } | null>(null);
  const [, setVersion] = useState(0);

  const record = useCallback(
    (key?: string) => {
      const now = Date.now();
      if (key && last.current?.key === key && now - last.current.at < COALESCE_MS) {
        last.current.at = now;
        return;
      }
      last.current = key ? { key, at: now } : null;
      past.current = [...past.current.slice(-(LIMIT - 1)), current()];
      future.current = [];
      setVersion((v) => v + 1);
    },
    [current],
  );

  const undo = useCallback(() => {
    const previous = past.current.at(-1);
    if (!previous) return;
    past.current = past.current.slice(0, -1);
    future.current = [...future.current, current()];
    last.current = null;
    restore(previous);
    setVersion((v) => v + 1);
  }, [current, restore]);

  const redo = useCallback(() => {
    const next = future.current.at(-1);
    if (!next) return;
    future.current = future.current.slice(0, -1);
    past.current = [...past.current, current()];
    last.current = null;
    restore(next);
    setVersion((v) => v + 1);
  }, [current, restore]);

  return {
    record,
    undo,
    redo,
    canUndo: past.current.length > 0,
    canRedo: future.current.length > 0,
  };
}
