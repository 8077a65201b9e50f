import { useReactFlow } from "@xyflow/react";
import { FIT_PADDING } from "./canvas-view.ts";
import { editorStrings as t } from "./strings.ts";

interface Props {
  /** The palette toggle is hidden while the test-run panel has the side. */
  testRunOpen: boolean;
  paletteOpen: boolean;
  onTogglePalette(): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onTidy(): void;
  /** Steps in the draft: tidying needs two, showing all needs one. */
  stepCount: number;
}

/** The canvas's own tools: palette, undo/redo, tidy up, show all. */
export function CanvasToolbar(p: Props) {
  const flow = useReactFlow();
  return (
    <div className="canvas-toolbar">
      {p.testRunOpen ? null : (
        <button
          type="button"
          className={`button button-small ${p.paletteOpen ? "button-pressed" : ""}`}
          aria-pressed={p.paletteOpen}
          onClick={p.onTogglePalette}
        >
          {t.palette}
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={p.onUndo}
        disabled={!p.canUndo}
        aria-label={t.undo}
        title={`${t.undo} (Ctrl+Z)`}
      >
        ↶
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={p.onRedo}
        disabled={!p.canRedo}
        aria-label={t.redo}
        title={`${t.redo} (Ctrl+Shift+Z)`}
      >
        ↷
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={p.onTidy}
        disabled={p.stepCount < 2}
        title={t.autoLayoutHint}
      >
        {t.autoLayout}
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => void flow.fitView({ duration: 300, maxZoom: 1, padding: FIT_PADDING })}
        disabled={p.stepCount === 0}
      >
        {t.fitView}
      </button>
    </div>
  );
}
