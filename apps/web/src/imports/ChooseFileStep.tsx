import { type ChangeEvent, useState } from "react";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { type CsvPreview, previewCsv } from "./csv-preview.ts";
import { importStrings as t } from "./strings.ts";

/** A file read in the browser, ready to be mapped and sent. */
export interface ChosenFile {
  name: string;
  text: string;
  preview: CsvPreview;
}

const MAX_BYTES = 50 * 1024 * 1024;

interface Props {
  onChosen(file: ChosenFile): void;
}

/** Pick a CSV file; below, the workspace's recent imports. */
export function ChooseFileStep({ onChosen }: Props) {
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) return setError(t.tooLarge);
    setReading(true);
    try {
      const text = await file.text();
      const preview = previewCsv(text);
      if (preview.header.filter(Boolean).length === 0) {
        setError(t.emptyFile);
        return;
      }
      onChosen({ name: file.name, text, preview });
    } catch {
      setError(t.unreadable);
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="stack-lg">
      <section className="card import-drop">
        <div className="card-body import-drop-body">
          <h2>{t.chooseTitle}</h2>
          <p className="muted">{t.chooseHint}</p>
          <label className="button button-primary import-file-button">
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              className="visually-hidden"
              aria-label={t.fileLabel}
              onChange={handleFile}
              disabled={reading}
            />
            {reading ? t.reading : t.chooseButton}
          </label>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </section>
      <RecentImports />
    </div>
  );
}

function RecentImports() {
  const { state, reload } = useQuery(api.listImports);
  return (
    <section className="card" aria-labelledby="recent-imports">
      <div className="card-header">
        <h2 id="recent-imports">{t.recentTitle}</h2>
      </div>
      <div className="card-body">
        {state.status === "loading" ? <p className="muted small">…</p> : null}
        {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
        {state.status === "success" && state.data.data.length === 0 ? (
          <p className="muted small">{t.noRecent}</p>
        ) : null}
        {state.status === "success" && state.data.data.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.colFile}</th>
                  <th scope="col">{t.colStatus}</th>
                  <th scope="col">{t.colResult}</th>
                  <th scope="col">{t.colStarted}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.data.slice(0, 10).map((item) => (
                  <tr key={item.id}>
                    <td className="table-strong">{item.fileName}</td>
                    <td>
                      <span className={`badge ${statusBadge(item.status)}`}>
                        {t.status[item.status] ?? item.status}
                      </span>
                    </td>
                    <td>{t.resultLine(item.inserted, item.updated, item.rejected)}</td>
                    <td>
                      <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
                        {formatRelative(item.createdAt)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}

export function statusBadge(status: string): string {
  if (status === "done") return "badge-success";
  if (status === "failed") return "badge-danger";
  return "badge-secret";
}
