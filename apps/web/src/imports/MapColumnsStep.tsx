import { type ContactImport, ImportMapping } from "@voronka/contract";
import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import type { ChosenFile } from "./ChooseFileStep.tsx";
import { type ColumnChoice, customKey, fieldLabels, guessColumn, profileFields } from "./fields.ts";
import { importStrings as t } from "./strings.ts";

interface Props {
  file: ChosenFile;
  onBack(): void;
  onStarted(started: ContactImport): void;
}

/** Choose what each column becomes, optionally a funnel stage for everyone, and start. */
export function MapColumnsStep({ file, onBack, onStarted }: Props) {
  const { header, rows } = file.preview;
  const [choices, setChoices] = useState<ColumnChoice[]>(() => {
    // A field is guessed for the first column that looks like it only.
    const taken = new Set<ColumnChoice>();
    return header.map((h) => {
      const guess = guessColumn(h);
      if (guess !== "custom" && guess !== "skip" && taken.has(guess)) return "custom";
      taken.add(guess);
      return guess;
    });
  });
  const [funnelId, setFunnelId] = useState("");
  const [stageId, setStageId] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const funnels = useQuery(api.listFunnels);
  const funnel = useQuery(
    () => (funnelId ? api.funnel(funnelId) : Promise.resolve(null)),
    [funnelId],
  );
  const stages =
    funnel.state.status === "success"
      ? (funnel.state.data?.stages.filter((s) => s.kind !== "lost") ?? [])
      : [];

  const target = (i: number): string | null => {
    const choice = choices[i];
    const column = header[i];
    if (!choice || choice === "skip" || column === undefined) return null;
    return choice === "custom" ? customKey(column, i) : choice;
  };
  const mapped = header.flatMap((column, i) => {
    const to = target(i);
    return to && column ? [[column, to] as const] : [];
  });
  const label = (to: string) =>
    to.startsWith("traits.") ? t.custom(to) : (fieldLabels[to as keyof typeof fieldLabels] ?? to);

  function problem(): string | null {
    const seen = new Set<string>();
    for (const [, to] of mapped) {
      if (seen.has(to)) return t.duplicateField(label(to));
      seen.add(to);
    }
    if (!mapped.some(([, to]) => to === "email" || to === "phone" || to === "userId")) {
      return t.needIdentifier;
    }
    if (funnelId && !stageId) return t.needStage;
    return null;
  }

  async function handleStart() {
    const found = problem();
    const mapping = ImportMapping.safeParse(Object.fromEntries(mapped));
    if (found || !mapping.success) {
      setError(found ?? t.needIdentifier);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onStarted(
        await api.startImport(file.text, {
          fileName: file.name,
          mapping: mapping.data,
          ...(funnelId && stageId ? { funnelId, stageId } : {}),
        }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <div className="stack-lg">
      <section className="card" aria-labelledby="map-heading">
        <div className="card-header">
          <h2 id="map-heading">{t.mapTitle}</h2>
          <p className="muted small">{t.mapHint}</p>
          <p className="small import-file-name">{t.file(file.name, header.length)}</p>
        </div>
        <div className="card-body">
          <div className="table-wrap">
            <table className="table import-map">
              <thead>
                <tr>
                  <th scope="col">{t.colColumn}</th>
                  <th scope="col">{t.colSample}</th>
                  <th scope="col">{t.colImportAs}</th>
                </tr>
              </thead>
              <tbody>
                {header.map((column, i) => (
                  // Columns are positions in the file; two may even share a name.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                  <tr key={i}>
                    <td className="table-strong">{column || <span className="muted">—</span>}</td>
                    <td className="import-samples muted">
                      {rows
                        .map((r) => r[i] ?? "")
                        .filter(Boolean)
                        .slice(0, 3)
                        .join(", ") || "—"}
                    </td>
                    <td>
                      <select
                        className="input select"
                        aria-label={t.importAs(column)}
                        value={choices[i] ?? "skip"}
                        onChange={(e) => {
                          const value = e.target.value as ColumnChoice; // the options below are ColumnChoice values
                          setChoices(choices.map((c, j) => (j === i ? value : c)));
                          setError(null);
                        }}
                      >
                        <option value="skip">{t.skip}</option>
                        <optgroup label={t.fieldsGroup}>
                          {profileFields.map((field) => (
                            <option key={field} value={field}>
                              {fieldLabels[field]}
                            </option>
                          ))}
                        </optgroup>
                        <optgroup label={t.otherGroup}>
                          <option value="custom">{t.custom(customKey(column, i))}</option>
                        </optgroup>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="stage-heading">
        <div className="card-header">
          <h2 id="stage-heading">{t.stageTitle}</h2>
        </div>
        <div className="card-body toolbar">
          <div className="field">
            <label htmlFor="import-funnel">{t.stageFunnel}</label>
            <select
              id="import-funnel"
              className="input select"
              value={funnelId}
              onChange={(e) => {
                setFunnelId(e.target.value);
                setStageId("");
              }}
            >
              <option value="">{t.noFunnel}</option>
              {funnels.state.status === "success"
                ? funnels.state.data.data.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))
                : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-stage">{t.stageStage}</label>
            <select
              id="import-stage"
              className="input select"
              value={stageId}
              disabled={!funnelId}
              onChange={(e) => setStageId(e.target.value)}
            >
              <option value="">{t.pickStage}</option>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="preview-heading">
        <div className="card-header">
          <h2 id="preview-heading">{t.previewTitle}</h2>
          <p className="muted small">{t.previewHint(rows.length)}</p>
        </div>
        <div className="card-body">
          {mapped.length === 0 ? (
            <p className="table-empty">{t.nothingMapped}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    {mapped.map(([column, to]) => (
                      <th key={column} scope="col">
                        {label(to)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity.
                    <tr key={r}>
                      {mapped.map(([column]) => (
                        <td key={column}>{row[header.indexOf(column)] ?? ""}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div className="card-footer import-actions">
          {error ? (
            <p className="field-error import-error" role="alert">
              {error}
            </p>
          ) : (
            <span />
          )}
          <button type="button" className="button" onClick={onBack} disabled={pending}>
            {t.chooseAnother}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={handleStart}
            disabled={pending}
          >
            {pending ? t.starting : t.start}
          </button>
        </div>
      </section>
    </div>
  );
}
