import type { Journey } from "@voronka/contract";
import { Link } from "react-router-dom";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { editorStrings as t } from "./strings.ts";
import type { SaveState } from "./use-autosave.ts";

interface Props {
  journey: Journey;
  name: string;
  onRename(name: string): void;
  save: SaveState;
  problems: number;
  busy: boolean;
  onPublish(): void;
  onPause(): void;
  onResume(): void;
}

function saveText(save: SaveState): string {
  switch (save.status) {
    case "saved":
      return t.saved;
    case "pending":
      return t.unsaved;
    case "saving":
      return t.saving;
    case "error":
      return t.saveFailed(save.message);
  }
}

/** Name, status, save state and the lifecycle buttons above the canvas. */
export function EditorHeader(props: Props) {
  const { journey, name, save, problems, busy } = props;
  useDocumentTitle(name || journey.name);
  return (
    <header className="editor-header">
      <div className="editor-header-main">
        <Link className="editor-back" to="/journeys">
          {t.back}
        </Link>
        <input
          className="editor-name"
          aria-label={t.nameLabel}
          value={name}
          onChange={(e) => props.onRename(e.target.value)}
        />
        <StatusBadge status={journey.status} />
        {journey.currentVersion !== null ? (
          <span className="muted small">{t.liveVersion(journey.currentVersion)}</span>
        ) : null}
      </div>
      <div className="editor-header-actions">
        <span
          className={`save-state save-${save.status}`}
          role="status"
          aria-live="polite"
          data-testid="save-state"
        >
          {saveText(save)}
        </span>
        {journey.status === "live" ? (
          <button type="button" className="button" onClick={props.onPause} disabled={busy}>
            {t.pause}
          </button>
        ) : null}
        {journey.status === "paused" ? (
          <button type="button" className="button" onClick={props.onResume} disabled={busy}>
            {t.resume}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          onClick={props.onPublish}
          disabled={busy || problems > 0 || journey.status === "archived"}
          title={problems > 0 ? t.publishBlocked(problems) : undefined}
        >
          {t.publish}
        </button>
      </div>
    </header>
  );
}
