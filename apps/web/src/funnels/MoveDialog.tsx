import type { Funnel, Stage } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { boardColumns } from "./board.ts";
import { moveStrings as t } from "./strings.ts";

export interface MoveRequest {
  contactId: string;
  contactName: string;
  fromStageId: string;
  /** Preselected target, e.g. the Lost column a card was dropped on. */
  toStageId?: string;
}

interface Props {
  funnel: Funnel;
  request: MoveRequest;
  onCancel(): void;
  onMoved(toStage: Stage): void;
}

/** Pick the stage to move a contact to; for Lost, the reason and an optional note. */
export function MoveDialog({ funnel, request, onCancel, onMoved }: Props) {
  const targets = boardColumns(funnel.stages).filter((s) => s.id !== request.fromStageId);
  const [stageId, setStageId] = useState(request.toStageId ?? targets[0]?.id ?? "");
  const [reasonId, setReasonId] = useState("");
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = funnel.stages.find((s) => s.id === stageId);
  const lost = target?.kind === "lost";
  const presetLost = request.toStageId !== undefined && lost;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    if (lost && !reasonId) {
      setError(t.needReason);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await api.moveContact(funnel.id, {
        contactId: request.contactId,
        stageId: target.id,
        ...(lost
          ? { lostReasonId: reasonId, ...(note.trim() ? { lostNote: note.trim() } : {}) }
          : {}),
      });
      onMoved(target);
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <Dialog
      title={presetLost ? t.lostTitle(request.contactName) : t.title(request.contactName)}
      onClose={onCancel}
      busy={pending}
    >
      <form className="form move-form" onSubmit={handleSubmit} noValidate>
        {presetLost ? null : (
          <div className="field">
            <label htmlFor="move-target">{t.target}</label>
            <select
              id="move-target"
              className="input select"
              value={stageId}
              onChange={(e) => {
                setStageId(e.target.value);
                setError(null);
              }}
            >
              {targets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {lost && funnel.lostReasons.length === 0 ? (
          <p className="muted small">
            {t.noReasons} <Link to={`/funnels/${funnel.id}/settings`}>{t.openSettings}</Link>
          </p>
        ) : null}
        {lost && funnel.lostReasons.length > 0 ? (
          <>
            <fieldset className="fieldset">
              <legend>{t.reason}</legend>
              <div className="radio-list">
                {funnel.lostReasons.map((reason) => (
                  <label key={reason.id} className="radio">
                    <input
                      type="radio"
                      name="lost-reason"
                      value={reason.id}
                      checked={reasonId === reason.id}
                      onChange={() => {
                        setReasonId(reason.id);
                        setError(null);
                      }}
                    />
                    <span>{reason.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="move-note">{t.note}</label>
              <textarea
                id="move-note"
                className="input textarea"
                maxLength={2000}
                placeholder={t.notePlaceholder}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          </>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            {t.cancel}
          </button>
          <button
            type="submit"
            className={`button ${lost ? "button-danger" : "button-primary"}`}
            disabled={pending || !target || (lost && funnel.lostReasons.length === 0)}
          >
            {pending ? t.moving : lost ? t.markLost : t.move}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
