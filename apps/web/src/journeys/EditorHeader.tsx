import type { Journey } from "@voronka/contract";
import { useRef } from "react";
import { Link } from "react-router-dom";
import { formatDate } from "../ui/format.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { editorStrings as t } from "./strings.ts";
import type { SaveState } from "./use-autosave.ts";

/** Lifecycle actions that ask for confirmation first. */
export type ConfirmAction = "publish" | "pause" | "stop" | "archive" | "duplicate";

interface Props {
  journey: Journey;
  name: string;
  onRename(name: string): void;
  save: SaveState;
  problems: number;
  busy: boolean;
  /** The published version on screen, or null for the draft. */
  viewing: number | null;
  onView(version: number | null): void;
  testRunOpen: boolean;
  onTestRun(): void;
  onConfirm(action: ConfirmAction): void;
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

/** Name, status, save state, versions and the lifecycle buttons above the canvas. */
export function EditorHeader(props: Props) {
  const { journey, name, save, problems, busy, viewing } = props;
  useDocumentTitle(name || journey.name);
  const archived = journey.status === "archived";
  const canStop = journey.status === "live" || journey.status === "paused";
  const canArchive = journey.status === "draft" || journey.status === "stopped";
  const menu = useRef<HTMLDetailsElement>(null);
  // A menu item closes the menu before its confirmation opens.
  const choose = (action: ConfirmAction) => {
    if (menu.current) menu.current.open = false;
    props.onConfirm(action);
  };
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
          readOnly={viewing !== null || archived}
          onChange={(e) => props.onRename(e.target.value)}
        />
        <StatusBadge status={journey.status} />
        {journey.versions.length > 0 ? (
          <select
            className="input select editor-versions"
            aria-label={t.history}
            value={viewing ?? ""}
            onChange={(e) => props.onView(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">
              {journey.currentVersion === null
                ? t.draftOption
                : t.draftWithLive(journey.currentVersion)}
            </option>
            {journey.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {t.versionOption(v.version, formatDate(v.publishedAt))}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      <div className="editor-header-actions">
        <span
          className={`save-state save-${save.status}`}
          role="status"
          aria-live="polite"
          data-testid="save-state"
        >
          {viewing === null ? saveText(save) : null}
        </span>
        {viewing === null && !archived ? (
          <button
            type="button"
            className={`button ${props.testRunOpen ? "button-pressed" : ""}`}
            aria-pressed={props.testRunOpen}
            onClick={props.onTestRun}
          >
            {t.testRunButton}
          </button>
        ) : null}
        {journey.status === "live" ? (
          <button
            type="button"
            className="button"
            onClick={() => props.onConfirm("pause")}
            disabled={busy}
          >
            {t.pause}
          </button>
        ) : null}
        {journey.status === "paused" ? (
          <button type="button" className="button" onClick={props.onResume} disabled={busy}>
            {t.resume}
          </button>
        ) : null}
        <details className="menu" ref={menu}>
          <summary className="button" aria-label={t.more}>
            ⋯
          </summary>
          <div className="menu-items" role="menu">
            <button
              type="button"
              role="menuitem"
              onClick={() => choose("duplicate")}
              disabled={busy}
            >
              {t.duplicate}
            </button>
            {canStop ? (
              <button
                type="button"
                role="menuitem"
                className="menu-danger"
                onClick={() => choose("stop")}
                disabled={busy}
              >
                {t.stop}
              </button>
            ) : null}
            {canArchive ? (
              <button
                type="button"
                role="menuitem"
                className="menu-danger"
                onClick={() => choose("archive")}
                disabled={busy}
              >
                {t.archive}
              </button>
            ) : null}
          </div>
        </details>
        <button
          type="button"
          className="button button-primary"
          onClick={() => props.onConfirm("publish")}
          disabled={busy || problems > 0 || archived || viewing !== null}
          title={problems > 0 ? t.publishBlocked(problems) : undefined}
        >
          {t.publish}
        </button>
      </div>
    </header>
  );
}
