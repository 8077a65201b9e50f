import type { Journey } from "@voronka/contract";
import { NODE_CATALOGUE, type Violation, validate } from "@voronka/journey";
import {
  addEdge,
  Background,
  type Connection,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, useCallback, useMemo, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api, type JourneyAction } from "../api/endpoints.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { EditorHeader } from "./EditorHeader.tsx";
import { type EditorView, EditorViewContext } from "./editor-context.ts";
import {
  catalogueEntry,
  freshId,
  initialData,
  type StepData,
  type StepNode,
  toCanvas,
  toDraft,
} from "./graph.ts";
import { PALETTE_MIME, Palette } from "./Palette.tsx";
import { ProblemList } from "./ProblemList.tsx";
import { StepNodeView } from "./StepNodeView.tsx";
import { StepPanel } from "./StepPanel.tsx";
import { editorStrings as t } from "./strings.ts";
import { useAutosave } from "./use-autosave.ts";
import { useLiveCounts } from "./use-live-counts.ts";

/** Every step kind renders with the one step component. */
const nodeTypes = Object.fromEntries(NODE_CATALOGUE.map((entry) => [entry.type, StepNodeView]));
const deleteKeys = ["Backspace", "Delete"];
const MINIMAP_COLOURS = { Triggers: "#f0c9a0", Flow: "#c5c5f2", Actions: "#a9dccd" };

type Confirm = "publish" | "pause" | null;

/** The canvas editor of one journey: palette, canvas, settings panel, problems, lifecycle. */
export function JourneyEditor({ journey: loaded }: { journey: Journey }) {
  const initial = useMemo(() => toCanvas(loaded.draft), [loaded.draft]);
  const [journey, setJourney] = useState(loaded);
  const [name, setName] = useState(loaded.name);
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNode>(initial.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState(initial.edges);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const flow = useReactFlow<StepNode>();

  const draft = useMemo(
    () => toDraft({ nodes, edges, settings: initial.settings }),
    [nodes, edges, initial.settings],
  );
  const draftJson = useMemo(() => JSON.stringify({ name: name.trim(), draft }), [name, draft]);
  const violations = useMemo(() => validate(draft), [draft]);
  const editable = journey.status !== "archived";

  const autosave = useAutosave(
    draftJson,
    async (json) => {
      const body = JSON.parse(json) as { name: string; draft: Record<string, unknown> }; // our own JSON
      const saved = await api.updateJourney(journey.id, {
        draft: body.draft,
        ...(body.name ? { name: body.name } : {}),
      });
      setJourney((j) => ({ ...j, ...saved, draft: j.draft }));
    },
    { enabled: editable },
  );

  const counts = useLiveCounts(journey.id, journey.currentVersion);
  const view = useMemo<EditorView>(() => {
    const byNode = new Map<string, Violation[]>();
    for (const v of violations) {
      const nodeId = v.nodeId ?? edges.find((e) => e.id === v.edgeId)?.source;
      if (nodeId) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), v]);
    }
    return { violationsByNode: byNode, counts };
  }, [violations, edges, counts]);

  const selected = nodes.find((n) => n.selected) ?? null;

  const addStep = useCallback(
    (type: string, position?: { x: number; y: number }) => {
      setNodes((current) => {
        const at =
          position ??
          (() => {
            // Click-to-add: to the right of the last step, or the middle of the view.
            const last = current.at(-1);
            if (last) return { x: last.position.x + 300, y: last.position.y };
            const box = document.querySelector(".editor-canvas")?.getBoundingClientRect();
            return flow.screenToFlowPosition({
              x: (box?.left ?? 0) + (box?.width ?? 600) / 3,
              y: (box?.top ?? 0) + (box?.height ?? 400) / 3,
            });
          })();
        const node: StepNode = {
          id: freshId(type, current),
          type,
          position: at,
          data: initialData(type),
          selected: true,
        };
        return [...current.map((n) => ({ ...n, selected: false })), node];
      });
    },
    [setNodes, flow],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type || !catalogueEntry(type)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addStep(type, { x: at.x - 110, y: at.y - 30 });
    },
    [flow, addStep],
  );

  const onConnect = useCallback(
    (connection: Connection) =>
      setEdges((current) => {
        const handle = connection.sourceHandle ?? "out";
        // One edge per output: a new connection from the same output replaces the old one.
        const kept = current.filter(
          (e) => !(e.source === connection.source && (e.sourceHandle ?? "out") === handle),
        );
        const id = `${connection.source}-${handle}-${connection.target}`;
        return addEdge({ ...connection, id, sourceHandle: handle }, kept);
      }),
    [setEdges],
  );

  const changeData = useCallback(
    (nodeId: string, data: StepData) =>
      setNodes((current) => current.map((n) => (n.id === nodeId ? { ...n, data } : n))),
    [setNodes],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      setNodes((current) => current.map((n) => ({ ...n, selected: n.id === nodeId })));
      void flow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.1 });
    },
    [setNodes, flow],
  );

  async function runAction(action: JourneyAction) {
    setBusy(true);
    setActionError(null);
    try {
      if (action === "publish" && !(await autosave.flush())) return;
      const next = await api.journeyAction(journey.id, action);
      setJourney(next);
      setConfirm(null);
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="content-wide editor">
      <EditorHeader
        journey={journey}
        name={name}
        onRename={setName}
        save={autosave.state}
        problems={violations.length}
        busy={busy}
        onPublish={() => setConfirm("publish")}
        onPause={() => setConfirm("pause")}
        onResume={() => void runAction("resume")}
      />
      {actionError && !confirm ? (
        <p className="alert alert-error" role="alert">
          <span>{actionError}</span>
        </p>
      ) : null}
      <div className="editor-body">
        <Palette onAdd={(type) => addStep(type)} />
        <section
          className="editor-canvas"
          aria-label={t.canvas}
          onDrop={onDrop}
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
          }}
        >
          <EditorViewContext.Provider value={view}>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              deleteKeyCode={deleteKeys}
              defaultEdgeOptions={{ type: "smoothstep" }}
              // An empty canvas stays at 100%: fitting to the first dropped step would jump.
              fitView={initial.nodes.length > 0}
              fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
              minZoom={0.2}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={20} color="#dcdce4" />
              <Controls />
              {nodes.length > 0 ? (
                <MiniMap
                  pannable
                  zoomable
                  className="editor-minimap"
                  nodeColor={(n) => MINIMAP_COLOURS[catalogueEntry(n.type ?? "")?.group ?? "Flow"]}
                />
              ) : null}
            </ReactFlow>
          </EditorViewContext.Provider>
          {nodes.length === 0 ? <p className="canvas-empty">{t.emptyCanvas}</p> : null}
        </section>
        <div className="editor-side">
          <StepPanel
            node={selected}
            problems={selected ? (view.violationsByNode.get(selected.id) ?? []) : []}
            onChange={changeData}
            onDelete={(nodeId) => void flow.deleteElements({ nodes: [{ id: nodeId }] })}
          />
          <ProblemList
            violations={violations}
            nodeLabel={(nodeId) => {
              const node = nodes.find((n) => n.id === nodeId);
              return node ? (catalogueEntry(node.type ?? "")?.label ?? node.type ?? null) : null;
            }}
            onFocus={(v) => {
              const nodeId = v.nodeId ?? edges.find((e) => e.id === v.edgeId)?.source;
              if (nodeId) focusNode(nodeId);
            }}
          />
        </div>
      </div>
      {confirm ? (
        <Dialog
          title={confirm === "publish" ? t.publishTitle : t.pauseTitle}
          onClose={() => setConfirm(null)}
          busy={busy}
        >
          <p>{confirm === "publish" ? t.publishBody(journey.currentVersion) : t.pauseBody}</p>
          {actionError ? (
            <p className="field-error" role="alert">
              {actionError}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setConfirm(null)}
              disabled={busy}
            >
              {t.cancel}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void runAction(confirm)}
            >
              {confirm === "publish" ? (busy ? t.publishing : t.publish) : t.pause}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
