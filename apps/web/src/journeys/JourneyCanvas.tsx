import { NODE_CATALOGUE } from "@voronka/journey";
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type FitViewOptions,
  MiniMap,
  type OnEdgesChange,
  type OnNodesChange,
  Panel,
  ReactFlow,
} from "@xyflow/react";
import type { DragEvent, ReactNode } from "react";
import { VISIBLE_ONLY_FROM } from "./canvas-view.ts";
import { type EditorView, EditorViewContext } from "./editor-context.ts";
import { catalogueEntry, type StepNode } from "./graph.ts";
import { StepNodeView } from "./StepNodeView.tsx";
import { editorStrings as t } from "./strings.ts";

/** Every step kind renders with the one step component. */
const nodeTypes = Object.fromEntries(NODE_CATALOGUE.map((entry) => [entry.type, StepNodeView]));
const deleteKeys = ["Backspace", "Delete"];
const MINIMAP_COLOURS = { Triggers: "#f0c9a0", Flow: "#c5c5f2", Actions: "#a9dccd" };

interface Props {
  nodes: StepNode[];
  edges: Edge[];
  /** Problems, live counts and the test-run path, read by every step. */
  view: EditorView;
  /** Steps can be moved, joined and deleted. */
  editable: boolean;
  /** Fit the journey into view when the canvas opens (an empty one stays at 100%). */
  fitOnOpen: boolean;
  opening: FitViewOptions;
  onNodesChange: OnNodesChange<StepNode>;
  onEdgesChange?: OnEdgesChange;
  onConnect(connection: Connection): void;
  onDrop(event: DragEvent): void;
  /** Called before a drag or a delete, so undo can go back to it. */
  onBeforeChange(): void;
  /** The toolbar and the journey settings line, drawn over the canvas, top left. */
  toolbar: ReactNode;
}

/** The React Flow canvas with its background, zoom controls, minimap and toolbar. */
export function JourneyCanvas(p: Props) {
  return (
    <section
      className="editor-canvas"
      aria-label={t.canvas}
      onDrop={p.onDrop}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
      }}
    >
      <EditorViewContext.Provider value={p.view}>
        <ReactFlow
          nodes={p.nodes}
          edges={p.edges}
          nodeTypes={nodeTypes}
          onNodesChange={p.onNodesChange}
          onEdgesChange={p.onEdgesChange}
          onConnect={p.onConnect}
          onNodeDragStart={() => p.onBeforeChange()}
          onBeforeDelete={async () => {
            p.onBeforeChange();
            return true;
          }}
          nodesDraggable={p.editable}
          nodesConnectable={p.editable}
          deleteKeyCode={p.editable ? deleteKeys : null}
          multiSelectionKeyCode={["Meta", "Control"]}
          selectionKeyCode="Shift"
          defaultEdgeOptions={{ type: "smoothstep" }}
          onlyRenderVisibleElements={p.nodes.length >= VISIBLE_ONLY_FROM}
          fitView={p.fitOnOpen}
          fitViewOptions={p.opening}
          minZoom={0.1}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} color="#dcdce4" />
          <Controls showInteractive={false} />
          <Panel position="top-left" className="canvas-top">
            {p.toolbar}
          </Panel>
          {p.nodes.length > 0 ? (
            <MiniMap
              pannable
              zoomable
              style={{ width: 140, height: 96 }}
              className="editor-minimap"
              nodeColor={(n) => MINIMAP_COLOURS[catalogueEntry(n.type ?? "")?.group ?? "Flow"]}
            />
          ) : null}
        </ReactFlow>
      </EditorViewContext.Provider>
      {p.nodes.length === 0 ? <p className="canvas-empty">{t.emptyCanvas}</p> : null}
    </section>
  );
}
