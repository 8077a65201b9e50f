import type { Edge } from "@xyflow/react";
import { type RefObject, useEffect, useRef } from "react";
import { type Clipboard, copySelection, pasteInto } from "./edit-ops.ts";
import type { StepNode } from "./graph.ts";
import type { CanvasSnapshot } from "./use-history.ts";

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

interface Shortcuts {
  enabled: boolean;
  /** The canvas as it is now (read when a key is pressed). */
  latest: RefObject<CanvasSnapshot>;
  undo(): void;
  redo(): void;
  /** Remembers the canvas before a change, for undo. */
  record(): void;
  setNodes(nodes: StepNode[]): void;
  setEdges(edges: Edge[]): void;
}

/**
 * Keyboard: undo/redo, copy/paste of the selected steps (with the arrows between them).
 * Delete is React Flow's own (deleteKeyCode). Keys typed into a form field are left alone.
 */
export function useEditorShortcuts(s: Shortcuts) {
  const clipboard = useRef<Clipboard | null>(null);
  const { enabled, latest, undo, redo, record, setNodes, setEdges } = s;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && event.shiftKey) redo();
      else if (key === "z" || key === "y") (key === "y" ? redo : undo)();
      else if (key === "c") {
        const clip = copySelection(latest.current.nodes, latest.current.edges);
        if (clip.nodes.length === 0) return;
        clipboard.current = clip;
      } else if (key === "v") {
        const clip = clipboard.current;
        if (!clip) return;
        record();
        const next = pasteInto(latest.current.nodes, latest.current.edges, clip);
        setNodes(next.nodes);
        setEdges(next.edges);
        // Pasting again pastes further down.
        clipboard.current = {
          nodes: clip.nodes.map((n) => ({
            ...n,
            position: { x: n.position.x + 40, y: n.position.y + 40 },
          })),
          edges: clip.edges,
        };
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, latest, redo, undo, record, setNodes, setEdges]);
}
