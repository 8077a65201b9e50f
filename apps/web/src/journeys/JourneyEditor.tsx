import type { Journey, TestRunResult } from "@voronka/contract";
import { NODE_CATALOGUE, type Violation, validate } from "@voronka/journey";
import {
  addEdge,
  Background,
  type Connection,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
} from "@xyflow/react";
import {
  type DragEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { formatDate } from "../ui/format.ts";
import { EditorDialog } from "./EditorDialog.tsx";
import { type ConfirmAction, EditorHeader } from "./EditorHeader.tsx";
import { type Clipboard, copySelection, insertOnEdge, pasteInto } from "./edit-ops.ts";
import { type EditorView, EditorViewContext } from "./editor-context.ts";
import {
  type CanvasGraph,
  catalogueEntry,
  freshId,
  initialData,
  type StepData,
  type StepNode,
  toCanvas,
  toDraft,
} from "./graph.ts";
import { journeyApi } from "./journey-api.ts";
import { autoLayout } from "./layout.ts";
import { PALETTE_MIME, Palette } from "./Palette.tsx";
import { ProblemList } from "./ProblemList.tsx";
import { StepNodeView } from "./StepNodeView.tsx";
import { StepPanel } from "./StepPanel.tsx";
import { stepLabel } from "./step-text.ts";
import { editorStrings as t } from "./strings.ts";
import { TestRunPanel } from "./TestRunPanel.tsx";
import { useAutosave } from "./use-autosave.ts";
import { type CanvasSnapshot, useHistory } from "./use-history.ts";
import { useLiveCounts } from "./use-live-counts.ts";

/** Every step kind renders with the one step component. */
const nodeTypes = Object.fromEntries(NODE_CATALOGUE.map((entry) => [entry.type, StepNodeView]));
const deleteKeys = ["Backspace", "Delete"];
const MINIMAP_COLOURS = { Triggers: "#f0c9a0", Flow: "#c5c5f2", Actions: "#a9dccd" };
/** Room around a fitted journey; the top keeps clear of the canvas toolbar. */
const FIT_PADDING = { top: "64px", right: "24px", bottom: "24px", left: "24px" } as const;
/** Past this many steps only the ones in view are drawn. */
const VISIBLE_ONLY_FROM = 150;

/**
 * Where the canvas opens: the whole journey, or for a big one the steps around its first
 * trigger at a readable zoom (all of it would be too small to read, and drawing only what is in
 * view keeps opening fast); "Show all" and the minimap reach the rest.
 */
function openingView(nodes: readonly StepNode[]) {
  if (nodes.length < VISIBLE_ONLY_FROM) return { maxZoom: 1, padding: FIT_PADDING };
  const start = nodes.find((n) => catalogueEntry(n.type ?? "")?.group === "Triggers") ?? nodes[0];
  const near = [...nodes]
    .sort(
      (a, b) =>
        Math.hypot(
          a.position.x - (start?.position.x ?? 0),
          a.position.y - (start?.position.y ?? 0),
        ) -
        Math.hypot(
          b.position.x - (start?.position.x ?? 0),
          b.position.y - (start?.position.y ?? 0),
        ),
    )
    .slice(0, 12);
  return { maxZoom: 1, minZoom: 0.6, padding: FIT_PADDING, nodes: near.map((n) => ({ id: n.id })) };
}

/** A published version opened read-only. */
interface Viewing {
  version: number;
  publishedAt: string;
  canvas: CanvasGraph;
}

/**
 * The same array as long as no step's id, type or settings changed: dragging moves positions
 * only, so the checker (which ignores positions) does not re-run — nor re-render every step —
 * on each frame of a drag.
 */
function useStructure(nodes: StepNode[]): StepNode[] {
  const ref = useRef(nodes);
  const prev = ref.current;
  const same =
    prev.length === nodes.length &&
    nodes.every((n, i) => {
      const p = prev[i];
      return p !== undefined && p.id === n.id && p.type === n.type && p.data === n.data;
    });
  if (!same) ref.current = nodes;
  return ref.current;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** The canvas editor of one journey: palette, canvas, settings panel, problems, lifecycle. */
export function JourneyEditor({ journey: loaded }: { journey: Journey }) {
  const initial = useMemo(() => toCanvas(loaded.draft), [loaded.draft]);
  const opening = useMemo(() => openingView(initial.nodes), [initial.nodes]);
  const [journey, setJourney] = useState(loaded);
  const [name, setName] = useState(loaded.name);
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNode>(initial.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState(initial.edges);
  const [confirm, setConfirm] = useState<ConfirmAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [testRunOpen, setTestRunOpen] = useState(false);
  const [testRun, setTestRun] = useState<TestRunResult | null>(null);
  const [viewing, setViewing] = useState<Viewing | null>(null);
  // A running journey is mostly watched: its canvas gets the room until a step is to be added.
  const [paletteOpen, setPaletteOpen] = useState(
    loaded.status !== "live" && loaded.status !== "paused",
  );
  const flow = useReactFlow<StepNode>();
  const navigate = useNavigate();
  const clipboard = useRef<Clipboard | null>(null);

  // Latest canvas for callbacks that must not re-create on every change (history, shortcuts).
  const latest = useRef<CanvasSnapshot>({ nodes, edges });
  latest.current = { nodes, edges };
  const current = useCallback(
    (): CanvasSnapshot => ({
      nodes: latest.current.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
      edges: latest.current.edges,
    }),
    [],
  );
  const restore = useCallback(
    (s: CanvasSnapshot) => {
      setNodes(s.nodes);
      setEdges(s.edges);
    },
    [setNodes, setEdges],
  );
  const history = useHistory(current, restore);
  const { record } = history;

  const structure = useStructure(nodes);
  // Saving is not urgent: while a step is dragged, frames come first and the draft follows.
  const settledNodes = useDeferredValue(nodes);
  const draft = useMemo(
    () => toDraft({ nodes: settledNodes, edges, settings: initial.settings }),
    [settledNodes, edges, initial.settings],
  );
  const violations = useMemo(
    () => validate(toDraft({ nodes: structure, edges, settings: initial.settings })),
    [structure, edges, initial.settings],
  );
  const draftJson = useMemo(() => JSON.stringify({ name: name.trim(), draft }), [name, draft]);
  const editable = journey.status !== "archived" && viewing === null;

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
    { enabled: journey.status !== "archived" },
  );

  const counts = useLiveCounts(journey.id, viewing?.version ?? journey.currentVersion);
  const trace = useMemo(() => {
    if (!testRun || !testRunOpen) return null;
    const order = new Map<string, number>();
    testRun.path.forEach((p, i) => {
      if (!order.has(p.nodeId)) order.set(p.nodeId, i + 1);
    });
    return order;
  }, [testRun, testRunOpen]);
  const view = useMemo<EditorView>(() => {
    const byNode = new Map<string, Violation[]>();
    if (!viewing) {
      for (const v of violations) {
        const nodeId = v.nodeId ?? edges.find((e) => e.id === v.edgeId)?.source;
        if (nodeId) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), v]);
      }
    }
    return { violationsByNode: byNode, counts, trace };
  }, [violations, edges, counts, trace, viewing]);

  const shownNodes = viewing ? viewing.canvas.nodes : nodes;
  const shownEdges = useMemo(() => {
    const base = viewing ? viewing.canvas.edges : edges;
    if (!testRun || !testRunOpen) return base;
    // An arrow lights up when the run went from its source straight to its target.
    const walked = new Set<string>();
    for (let i = 1; i < testRun.path.length; i++) {
      walked.add(`${testRun.path[i - 1]?.nodeId}>${testRun.path[i]?.nodeId}`);
    }
    return base.map((e) =>
      walked.has(`${e.source}>${e.target}`)
        ? { ...e, className: "edge-traced", animated: true }
        : e,
    );
  }, [viewing, edges, testRun, testRunOpen]);

  const selectedNodes = shownNodes.filter((n) => n.selected);
  const selected = selectedNodes.length === 1 ? (selectedNodes[0] ?? null) : null;

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
    [flow, addStep, editable, record, setNodes, setEdges],
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

  const focusNode = useCallback(
    (nodeId: string) => {
      const select = (list: StepNode[]) =>
        list.map((n) =>
          n.selected !== (n.id === nodeId) ? { ...n, selected: n.id === nodeId } : n,
        );
      if (viewing)
        setViewing({
          ...viewing,
          canvas: { ...viewing.canvas, nodes: select(viewing.canvas.nodes) },
        });
      else setNodes(select);
      void flow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.1 });
    },
    [setNodes, flow, viewing],
  );

  const tidy = useCallback(() => {
    record();
    setNodes((nodesNow) => autoLayout(nodesNow, latest.current.edges));
    requestAnimationFrame(
      () => void flow.fitView({ duration: 300, maxZoom: 1, padding: FIT_PADDING }),
    );
  }, [record, setNodes, flow]);

  // Keyboard: undo/redo, copy/paste. Delete is React Flow's own (deleteKeyCode).
  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && event.shiftKey) history.redo();
      else if (key === "z" || key === "y") (key === "y" ? history.redo : history.undo)();
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
  }, [editable, history.redo, history.undo, record, setNodes, setEdges]);

  async function openVersion(version: number | null) {
    setTestRunOpen(false);
    if (version === null) {
      setViewing(null);
      return;
    }
    try {
      const v = await journeyApi.version(journey.id, version);
      setViewing({ version: v.version, publishedAt: v.publishedAt, canvas: toCanvas(v.graph) });
      requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, padding: FIT_PADDING }));
    } catch (error) {
      setActionError(errorMessage(error));
    }
  }

  async function runAction(action: ConfirmAction | "resume") {
    setBusy(true);
    setActionError(null);
    try {
      if (action === "publish" && !(await autosave.flush())) return;
      if (action === "duplicate") {
        await autosave.flush();
        const copy = await api.duplicateJourney(journey.id);
        navigate(`/journeys/${copy.id}`);
        return;
      }
      const next = await api.journeyAction(journey.id, action);
      setJourney(next);
      setConfirm(null);
      if (action === "archive") navigate("/journeys");
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const triggerNode = nodes.find((n) => n.type === "trigger-event");
  const triggerEvent =
    triggerNode && typeof triggerNode.data.event === "string" && triggerNode.data.event
      ? triggerNode.data.event
      : null;
  const stepName = useCallback((nodeId: string) => {
    const node = latest.current.nodes.find((n) => n.id === nodeId);
    if (!node) return nodeId;
    const label = typeof node.data.name === "string" && node.data.name ? node.data.name : null;
    return label ?? stepLabel(node.type ?? "");
  }, []);

  return (
    <div className="content-wide editor">
      <EditorHeader
        journey={journey}
        name={name}
        onRename={setName}
        save={autosave.state}
        problems={violations.length}
        busy={busy}
        viewing={viewing?.version ?? null}
        onView={(v) => void openVersion(v)}
        testRunOpen={testRunOpen}
        onTestRun={() => setTestRunOpen((open) => !open)}
        onConfirm={(action) => {
          setActionError(null);
          setConfirm(action);
        }}
        onResume={() => void runAction("resume")}
      />
      {actionError && !confirm ? (
        <p className="alert alert-error" role="alert">
          <span>{actionError}</span>
        </p>
      ) : null}
      {viewing ? (
        <p className="alert alert-info version-banner" role="status">
          <span>{t.viewingVersion(viewing.version, formatDate(viewing.publishedAt))}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => void openVersion(null)}
          >
            {t.editDraft}
          </button>
        </p>
      ) : null}
      <div
        className={`editor-body ${viewing ? "editor-readonly" : ""} ${testRunOpen || !paletteOpen ? "editor-testing" : ""}`}
      >
        {editable && !testRunOpen && paletteOpen ? <Palette onAdd={addStep} /> : null}
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
              nodes={shownNodes}
              edges={shownEdges}
              nodeTypes={nodeTypes}
              onNodesChange={
                viewing
                  ? (changes) =>
                      setViewing(
                        (v) =>
                          v && {
                            ...v,
                            canvas: {
                              ...v.canvas,
                              nodes: v.canvas.nodes.map((n) => {
                                const c = changes.find((x) => x.type === "select" && x.id === n.id);
                                return c && c.type === "select"
                                  ? { ...n, selected: c.selected }
                                  : n;
                              }),
                            },
                          },
                      )
                  : onNodesChange
              }
              onEdgesChange={viewing ? undefined : onEdgesChange}
              onConnect={onConnect}
              onNodeDragStart={() => record()}
              onBeforeDelete={async () => {
                record();
                return true;
              }}
              nodesDraggable={editable}
              nodesConnectable={editable}
              deleteKeyCode={editable ? deleteKeys : null}
              multiSelectionKeyCode={["Meta", "Control"]}
              selectionKeyCode="Shift"
              defaultEdgeOptions={{ type: "smoothstep" }}
              onlyRenderVisibleElements={shownNodes.length >= VISIBLE_ONLY_FROM}
              // An empty canvas stays at 100%: fitting to the first dropped step would jump.
              fitView={initial.nodes.length > 0}
              fitViewOptions={opening}
              minZoom={0.1}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={20} color="#dcdce4" />
              <Controls showInteractive={false} />
              {editable ? (
                <Panel position="top-left" className="canvas-toolbar">
                  {testRunOpen ? null : (
                    <button
                      type="button"
                      className={`button button-small ${paletteOpen ? "button-pressed" : ""}`}
                      aria-pressed={paletteOpen}
                      onClick={() => setPaletteOpen((open) => !open)}
                    >
                      {t.palette}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small"
                    onClick={history.undo}
                    disabled={!history.canUndo}
                    aria-label={t.undo}
                    title={`${t.undo} (Ctrl+Z)`}
                  >
                    ↶
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={history.redo}
                    disabled={!history.canRedo}
                    aria-label={t.redo}
                    title={`${t.redo} (Ctrl+Shift+Z)`}
                  >
                    ↷
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={tidy}
                    disabled={nodes.length < 2}
                    title={t.autoLayoutHint}
                  >
                    {t.autoLayout}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      void flow.fitView({ duration: 300, maxZoom: 1, padding: FIT_PADDING })
                    }
                    disabled={nodes.length === 0}
                  >
                    {t.fitView}
                  </button>
                </Panel>
              ) : null}
              {shownNodes.length > 0 ? (
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
          {shownNodes.length === 0 ? <p className="canvas-empty">{t.emptyCanvas}</p> : null}
        </section>
        <div className="editor-side">
          {testRunOpen ? (
            <TestRunPanel
              journeyId={journey.id}
              triggerEvent={triggerEvent}
              problems={violations.length}
              beforeRun={autosave.flush}
              stepName={stepName}
              onResult={(result) => {
                setTestRun(result);
                const visited = [...new Set(result?.path.map((p) => p.nodeId) ?? [])];
                if (visited.length > 0) {
                  // After the panel's own re-render (the palette folds away, the canvas widens).
                  setTimeout(() => {
                    void flow.fitView({
                      nodes: visited.map((id) => ({ id })),
                      maxZoom: 1,
                      padding: FIT_PADDING,
                    });
                  }, 60);
                }
              }}
              onFocus={focusNode}
              onClose={() => setTestRunOpen(false)}
            />
          ) : (
            <StepPanel
              node={selected}
              selectedCount={selectedNodes.length}
              readOnly={!editable}
              problems={selected ? (view.violationsByNode.get(selected.id) ?? []) : []}
              onChange={changeData}
              onDelete={(nodeId) => void flow.deleteElements({ nodes: [{ id: nodeId }] })}
            />
          )}
          {viewing ? null : (
            <ProblemList
              violations={violations}
              nodeLabel={(nodeId) => {
                const node = nodes.find((n) => n.id === nodeId);
                return node ? stepLabel(node.type ?? "") : null;
              }}
              onFocus={(v) => {
                const nodeId = v.nodeId ?? edges.find((e) => e.id === v.edgeId)?.source;
                if (nodeId) focusNode(nodeId);
              }}
            />
          )}
        </div>
      </div>
      {confirm ? (
        <EditorDialog
          action={confirm}
          journey={journey}
          draft={draft}
          busy={busy}
          error={actionError}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void runAction(confirm)}
        />
      ) : null}
    </div>
  );
}
