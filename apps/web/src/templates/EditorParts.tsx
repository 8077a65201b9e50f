import { AlertIcon, CheckIcon } from "../ui/Icons.tsx";
import { MjmlEditor, type SourceIssue } from "./MjmlEditor.tsx";
import type { SaveStatus } from "./use-autosave.ts";

/** The words a save badge shows; each editor brings its own (a block says "not saved", a template counts errors). */
export interface SaveBadgeLabels {
  saved(version: number): string;
  saving: string;
  unsaved: string;
  invalid: string;
}

/** Where the draft stands: saved as version N, saving, unsaved, rejected, or failed with a reason. */
export function SaveBadge({ status, labels }: { status: SaveStatus; labels: SaveBadgeLabels }) {
  switch (status.kind) {
    case "saved":
      return (
        <span className="save-badge save-badge-ok" role="status">
          <CheckIcon size={14} />
          {labels.saved(status.version)}
        </span>
      );
    case "saving":
      return (
        <span className="save-badge" role="status">
          {labels.saving}
        </span>
      );
    case "dirty":
      return (
        <span className="save-badge" role="status">
          {labels.unsaved}
        </span>
      );
    case "invalid":
      return (
        <span className="save-badge save-badge-error" role="status">
          <AlertIcon size={14} />
          {labels.invalid}
        </span>
      );
    case "failed":
      return (
        <span className="save-badge save-badge-error" role="status">
          <AlertIcon size={14} />
          {status.message}
        </span>
      );
  }
}

interface SourcePaneProps {
  initial: string;
  issues: SourceIssue[];
  /** Every problem in words, MJML ones with their line, ready to list under the editor. */
  problems: string[];
  labels: { source: string; sourceHint: string; errorsTitle: string };
  onChange(mjml: string): void;
}

/** The MJML code editor with its title, hint and the list of what to fix before it saves. */
export function SourcePane({ initial, issues, problems, labels, onChange }: SourcePaneProps) {
  return (
    <section className="source-pane" aria-label={labels.source}>
      <div className="pane-title">
        <span>{labels.source}</span>
        <span className="muted small">{labels.sourceHint}</span>
      </div>
      <MjmlEditor initial={initial} issues={issues} label={labels.source} onChange={onChange} />
      {problems.length > 0 ? (
        <div className="source-problems" role="alert">
          <strong>{labels.errorsTitle}</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
