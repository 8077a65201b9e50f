import type { Funnel, Stage } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { boardColumns } from "./board.ts";
import { settingsStrings as t } from "./strings.ts";

interface Props {
  funnel: Funnel;
  onChanged(funnel: Funnel): void;
  onReload(): void;
}

/** Rename, reorder, add and delete the open stages; Won and Lost are shown, fixed, at the end. */
export function StagesSection({ funnel, onChanged, onReload }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newName, setNewName] = useState("");
  const columns = boardColumns(funnel.stages);
  const open = columns.filter((s) => s.kind === "open");

  async function run(action: () => Promise<Funnel | undefined>) {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      if (next) onChanged(next);
      else onReload();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function handleAdd(event: FormEvent) {
    event.preventDefault();
    if (!newName.trim()) return;
    if (await run(() => api.addStage(funnel.id, { name: newName.trim() }))) setNewName("");
  }

  return (
    <section className="card" aria-labelledby="stages-heading">
      <div className="card-header">
        <h2 id="stages-heading">{t.stages}</h2>
        <p className="muted small">{t.stagesHint}</p>
      </div>
      <div className="card-body stack">
        <ol className="settings-list">
          {columns.map((stage) =>
            stage.kind === "open" ? (
              <StageRow
                key={`${stage.id}:${stage.name}`}
                stage={stage}
                index={open.indexOf(stage)}
                last={open.indexOf(stage) === open.length - 1}
                busy={busy}
                onRename={(name) => run(() => api.updateStage(funnel.id, stage.id, { name }))}
                onMove={(position) => run(() => api.updateStage(funnel.id, stage.id, { position }))}
                onDelete={() =>
                  run(() => api.deleteStage(funnel.id, stage.id).then(() => undefined))
                }
              />
            ) : (
              <li key={stage.id} className="settings-item settings-item-fixed">
                <span
                  className={`badge ${stage.kind === "won" ? "badge-success" : "badge-danger"}`}
                >
                  {stage.name}
                </span>
                <span className="muted small settings-grow">{t.outcome}</span>
                <span className="muted small">{t.contacts(stage.contacts)}</span>
              </li>
            ),
          )}
        </ol>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <form className="settings-row" onSubmit={handleAdd}>
          <div className="field settings-grow">
            <label htmlFor="new-stage">{t.newStage}</label>
            <input
              id="new-stage"
              className="input"
              maxLength={120}
              placeholder={t.newStagePlaceholder}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy || !newName.trim()}>
            {t.addStage}
          </button>
        </form>
      </div>
    </section>
  );
}

interface RowProps {
  stage: Stage;
  index: number;
  last: boolean;
  busy: boolean;
  onRename(name: string): Promise<boolean>;
  onMove(position: number): Promise<boolean>;
  onDelete(): Promise<boolean>;
}

function StageRow({ stage, index, last, busy, onRename, onMove, onDelete }: RowProps) {
  const [name, setName] = useState(stage.name);
  const changed = name.trim() !== "" && name.trim() !== stage.name;
  const inputId = `stage-name-${stage.id}`;

  return (
    <li className="settings-item">
      <span className="name-list-number">{index + 1}</span>
      <form
        className="settings-grow settings-rename"
        onSubmit={(event) => {
          event.preventDefault();
          if (changed) void onRename(name.trim());
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t.stageName(stage.name)}
        </label>
        <input
          id={inputId}
          className="input"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {changed ? (
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            {t.rename}
          </button>
        ) : null}
      </form>
      <span className="muted small settings-count">{t.contacts(stage.contacts)}</span>
      <button
        type="button"
        className="button button-small button-ghost"
        aria-label={t.moveUp(stage.name)}
        disabled={busy || index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small button-ghost"
        aria-label={t.moveDown(stage.name)}
        disabled={busy || last}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button-small button-danger-ghost"
        aria-label={t.deleteStage(stage.name)}
        disabled={busy}
        onClick={onDelete}
      >
        {t.delete}
      </button>
    </li>
  );
}
