import type { Journey } from "@voronka/contract";
import { useEffect, useState } from "react";
import { Dialog } from "../ui/Dialog.tsx";
import type { ConfirmAction } from "./EditorHeader.tsx";
import { journeyApi } from "./journey-api.ts";
import { type ChangeSummary, summarizeChanges } from "./publish-summary.ts";
import { editorStrings as t } from "./strings.ts";

interface Props {
  action: ConfirmAction;
  journey: Journey;
  /** The draft as the canvas holds it now, compared with the live version before publishing. */
  draft: Record<string, unknown>;
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(): void;
}

const TEXT = {
  publish: () => ({ title: t.publishTitle, button: t.publish, danger: false }),
  pause: () => ({ title: t.pauseTitle, button: t.pause, danger: false }),
  stop: () => ({ title: t.stopTitle, button: t.stop, danger: true }),
  archive: () => ({ title: t.archiveTitle, button: t.archive, danger: true }),
  duplicate: () => ({ title: t.duplicateTitle, button: t.duplicate, danger: false }),
};

/** What changed since the live version, in a few plain lines. */
function Changes({ journey, draft }: { journey: Journey; draft: Record<string, unknown> }) {
  const [changes, setChanges] = useState<ChangeSummary | null>(null);
  const live = journey.currentVersion;
  useEffect(() => {
    if (live === null) return;
    let current = true;
    journeyApi.version(journey.id, live).then(
      (v) => current && setChanges(summarizeChanges(v.graph, draft)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [journey.id, live, draft]);
  if (live === null || !changes) return null;
  const lines = [
    changes.added ? t.changesAdded(changes.added) : null,
    changes.removed ? t.changesRemoved(changes.removed) : null,
    changes.edited ? t.changesEdited(changes.edited) : null,
    changes.links ? t.changesLinks(changes.links) : null,
    changes.settings ? t.changesSettings : null,
  ].filter((line): line is string => line !== null);
  return (
    <div className="publish-changes" data-testid="publish-changes">
      <h3>{t.changesTitle}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t.noChanges}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The confirmation before a lifecycle action, saying what happens to contacts in flight. */
export function EditorDialog({ action, journey, draft, busy, error, onCancel, onConfirm }: Props) {
  const text = TEXT[action]();
  const body = {
    publish: t.publishBody(journey.currentVersion),
    pause: t.pauseBody,
    stop: t.stopBody,
    archive: t.archiveBody,
    duplicate: t.duplicateBody,
  }[action];
  return (
    <Dialog title={text.title} onClose={onCancel} busy={busy}>
      <p>{body}</p>
      {action === "publish" ? <Changes journey={journey} draft={draft} /> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
        <button
          type="button"
          className={`button ${text.danger ? "button-danger" : "button-primary"}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {action === "publish" && busy ? t.publishing : text.button}
        </button>
      </div>
    </Dialog>
  );
}
