import type { Journey, TestRunResult } from "@voronka/contract";
import { validate } from "@voronka/journey";
import { type NodeChange, useEdgesState, useNodesState, useReactFlow } from "@xyflow/react";
import { useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { formatDate } from "../ui/format.ts";
import { CanvasToolbar } from "./CanvasToolbar.tsx";
import { FIT_PADDING, openingView, useStructure } from "./canvas-view.ts";
import { EditorDialog } from "./EditorDialog.tsx";
import { type ConfirmAction, EditorHeader } from "./EditorHeader.tsx";
import { type CanvasGraph, type StepNode, toCanvas, toDraft } from "./graph.ts";
import { JourneyCanvas } from "./JourneyCanvas.tsx";
import { JourneySettingsButton } from "./JourneySettingsButton.tsx";
import { journeyApi } from "./journey-api.ts";
import { Palette } from "./Palette.tsx";
import { ProblemList } from "./ProblemList.tsx";
import { StepPanel } from "./StepPanel.tsx";
import { stepLabel } from "./step-text.ts";
import { editorStrings as t } from "./strings.ts";
import { TestRunPanel } from "./TestRunPanel.tsx";
import { useAutosave } from "./use-autosave.ts";
import { useCanvasEdits } from "./use-canvas-edits.ts";
import { useCanvasOverlay } from "./use-canvas-overlay.ts";
import { useEditorShortcuts } from "./use-editor-shortcuts.ts";
import { type CanvasSnapshot, useHistory } from "./use-history.ts";
import { useLiveCounts } from "./use-live-counts.ts";

/** A published version opened read-only. */
interface Viewing {
  version: number;
  publishedAt: string;
  canvas: CanvasGraph;
}

/** A version looked at can't be edited, but its steps can still be selected to read them. */
function selectIn(viewing: Viewing, changes: NodeChange<StepNode>[]): Viewing {
  return {
    ...viewing,
    canvas: {
      ...viewing.canvas,
      nodes: viewing.canvas.nodes.map((n) => {
        const c = changes.find((x) => x.type === "select" && x.id === n.id);
        return c && c.type === "select" ? { ...n, selected: c.selected } : n;
      }),
    },
  };
}

/** Below this window width the palette and the side panel would leave a drawn journey too small. */
const NARROW_PX = 1400;

function narrowScreen(): boolean {
  return typeof window !== "undefined" && window.innerWidth < NARROW_PX;
}

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
  // Quiet hours, send limit, re-entry…: journey-wide, edited in the settings dialog.
  const [settings, setSettings] = useState<unknown>(initial.settings);
  // A running journey is mostly watched, and on a laptop screen a drawn journey needs the width
  // to be readable: the canvas gets the room until a step is to be added ("Add a step").
  const [paletteOpen, setPaletteOpen] = useState(
    () =>
      loaded.status !== "live" &&
      loaded.status !== "paused" &&
      !(initial.nodes.length > 0 && narrowScreen()),
  );
  const flow = useReactFlow<StepNode>();
  const navigate = useNavigate();

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
    () => toDraft({ nodes: settledNodes, edges, settings }),
    [settledNodes, edges, settings],
  );
  const violations = useMemo(
    () => validate(toDraft({ nodes: structure, edges, settings })),
    [structure, edges, settings],
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

  const live = useLiveCounts(journey.id, viewing?.version ?? journey.currentVersion);
  const shownNodes = viewing ? viewing.canvas.nodes : nodes;
  const { view, shownEdges } = useCanvasOverlay({
    violations,
    edges: viewing ? viewing.canvas.edges : edges,
    showProblems: !viewing,
    live,
    testRun: testRunOpen ? testRun : null,
  });

  const selectedNodes = shownNodes.filter((n) => n.selected);
  const selected = selectedNodes.length === 1 ? (selectedNodes[0] ?? null) : null;

  const { addStep, onDrop, onConnect, changeData, tidy } = useCanvasEdits({
    flow,
    editable,
    latest,
    record,
    setNodes,
    setEdges,
  });
  useEditorShortcuts({
    enabled: editable,
    latest,
    undo: history.undo,
    redo: history.redo,
    record,
    setNodes,
    setEdges,
  });

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
        <JourneyCanvas
          nodes={shownNodes}
          edges={shownEdges}
          view={view}
          editable={editable}
          fitOnOpen={initial.nodes.length > 0}
          opening={opening}
          onNodesChange={
            viewing ? (changes) => setViewing((v) => v && selectIn(v, changes)) : onNodesChange
          }
          onEdgesChange={viewing ? undefined : onEdgesChange}
          onConnect={onConnect}
          onDrop={onDrop}
          onBeforeChange={() => record()}
          toolbar={
            <>
              {editable ? (
                <CanvasToolbar
                  testRunOpen={testRunOpen}
                  paletteOpen={paletteOpen}
                  onTogglePalette={() => setPaletteOpen((open) => !open)}
                  canUndo={history.canUndo}
                  canRedo={history.canRedo}
                  onUndo={history.undo}
                  onRedo={history.redo}
                  onTidy={tidy}
                  stepCount={nodes.length}
                />
              ) : null}
              <JourneySettingsButton
                settings={viewing ? viewing.canvas.settings : settings}
                readOnly={!editable}
                onChange={setSettings}
              />
            </>
          }
        />
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
