import { addEdge, type Connection, type Edge, type ReactFlowInstance } from "@xyflow/react";
import {
  type Dispatch,
  type DragEvent,
  type RefObject,
  type SetStateAction,
  useCallback,
} from "react";
import { FIT_PADDING } from "./canvas-view.ts";
import { insertOnEdge } from "./edit-ops.ts";
import { catalogueEntry, freshId, initialData, type StepData, type StepNode } from "./graph.ts";
import { autoLayout } from "./layout.ts";
import { PALETTE_MIME } from "./Palette.tsx";
import type { CanvasSnapshot } from "./use-history.ts";

interface Canvas {
  flow: ReactFlowInstance<StepNode>;
  editable: boolean;
  /** The canvas as it is now (read inside callbacks that must not re-create on every change). */
  latest: RefObject<CanvasSnapshot>;
  /** Remembers the canvas before a change, for undo; a key joins quick edits of one field. */
  record(key?: string): void;
  setNodes: Dispatch<SetStateAction<StepNode[]>>;
  setEdges: Dispatch<SetStateAction<Edge[]>>;
}

/** The edits a marketer makes on the canvas: add, drop (onto an arrow), connect, change, tidy. */
export function useCanvasEdits({ flow, editable, latest, record, setNodes, setEdges }: Canvas) {
  const addStep = useCallback(
    (type: string, position?: { x: number; y: number }) => {
      record();
      setNodes((nodesNow) => {
        const at =
          position ??
          (() => {
            // Click-to-add: to the right of the last step, or the middle of the view.
            const last = nodesNow.at(-1);
            if (last) return { x: last.position.x + 300, y: last.position.y };
            const box = document.querySelector(".editor-canvas")?.getBoundingClientRect();
            return flow.screenToFlowPosition({
              x: (box?.left ?? 0) + (box?.width ?? 600) / 3,
              y: (box?.top ?? 0) + (box?.height ?? 400) / 3,
            });
          })();
        const node: StepNode = {
          id: freshId(type, nodesNow),
          type,
          position: at,
          data: initialData(type),
          selected: true,
        };
        return [...nodesNow.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
      });
    },
    [setNodes, flow, record],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type || !catalogueEntry(type) || !editable) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = { x: at.x - 110, y: at.y - 30 };
      // Dropped onto an arrow: the step goes in between the two steps it joined.
      const edgeId = document
        .elementsFromPoint(event.clientX, event.clientY)
        .map((el) => el.closest(".react-flow__edge")?.getAttribute("data-id"))
        .find((id): id is string => Boolean(id));
      if (edgeId) {
        const next = insertOnEdge(
          latest.current.nodes,
          latest.current.edges,
          edgeId,
          type,
          position,
        );
        if (next) {
          record();
          setNodes(next.nodes);
          setEdges(next.edges);
          return;
        }
      }
      addStep(type, position);
    },
    [flow, addStep, editable, latest, record, setNodes, setEdges],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      record();
      setEdges((edgesNow) => {
        const handle = connection.sourceHandle ?? "out";
        // One edge per output: a new connection from the same output replaces the old one.
        const kept = edgesNow.filter(
          (e) => !(e.source === connection.source && (e.sourceHandle ?? "out") === handle),
        );
        const id = `${connection.source}-${handle}-${connection.target}`;
        return addEdge({ ...connection, id, sourceHandle: handle }, kept);
      });
    },
    [setEdges, record],
  );

  const changeData = useCallback(
    (nodeId: string, data: StepData) => {
      record(`data:${nodeId}`);
      setNodes((nodesNow) => nodesNow.map((n) => (n.id === nodeId ? { ...n, data } : n)));
    },
    [setNodes, record],
  );

  const tidy = useCallback(() => {
    record();
    setNodes((nodesNow) => autoLayout(nodesNow, latest.current.edges));
    requestAnimationFrame(
      () => void flow.fitView({ duration: 300, maxZoom: 1, padding: FIT_PADDING }),
    );
  }, [record, setNodes, flow, latest]);

  return { addStep, onDrop, onConnect, changeData, tidy };
}
