import type { Funnel } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { settingsStrings as t } from "./strings.ts";

interface Props {
  funnel: Funnel;
  onChanged(funnel: Funnel): void;
  onReload(): void;
}

/** The list a user picks from when marking a contact lost. */
export function LostReasonsSection({ funnel, onChanged, onReload }: Props) {
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleAdd(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.addLostReason(funnel.id, { label: label.trim() }));
      setLabel("");
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function handleRemove(reasonId: string) {
    setBusy(true);
    setError(null);
    try {
      await api.removeLostReason(funnel.id, reasonId);
      onChanged({ ...funnel, lostReasons: funnel.lostReasons.filter((r) => r.id !== reasonId) });
    } catch (caught) {
      setError(errorMessage(caught));
      onReload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="reasons-heading">
      <div className="card-header">
        <h2 id="reasons-heading">{t.lostReasons}</h2>
        <p className="muted small">{t.lostReasonsHint}</p>
      </div>
      <div className="card-body stack">
        {funnel.lostReasons.length === 0 ? (
          <p className="table-empty">{t.noReasons}</p>
        ) : (
          <ul className="settings-list">
            {funnel.lostReasons.map((reason) => (
              <li key={reason.id} className="settings-item">
                <span className="settings-grow">{reason.label}</span>
                <button
                  type="button"
                  className="button button-small button-danger-ghost"
                  aria-label={t.removeReason(reason.label)}
                  disabled={busy}
                  onClick={() => handleRemove(reason.id)}
                >
                  {t.remove}
                </button>
              </li>
            ))}
          </ul>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <form className="settings-row" onSubmit={handleAdd}>
          <div className="field settings-grow">
            <label htmlFor="new-reason">{t.newReason}</label>
            <input
              id="new-reason"
              className="input"
              maxLength={120}
              placeholder={t.newReasonPlaceholder}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy || !label.trim()}>
            {t.addReason}
          </button>
        </form>
      </div>
    </section>
  );
}
