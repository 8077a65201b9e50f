import type { ContactImport } from "@voronka/contract";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { formatNumber, isRussian } from "../ui/plural.ts";
import { statusBadge } from "./ChooseFileStep.tsx";
import { importStrings as t } from "./strings.ts";

const POLL_MS = 600;

interface Props {
  started: ContactImport;
  onAnother(): void;
}

/** The import's progress bar, then its counts and the rows it rejected. */
export function ImportProgress({ started, onAnother }: Props) {
  const [current, setCurrent] = useState(started);
  const [pollError, setPollError] = useState<string | null>(null);
  const finished = current.status === "done" || current.status === "failed";

  useEffect(() => {
    if (finished) return;
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const next = await api.contactImport(current.id);
        if (live) {
          setCurrent(next);
          setPollError(null);
        }
      } catch (caught) {
        // Keep polling: a blip in the connection shouldn't end the wait.
        if (live) {
          setPollError(errorMessage(caught));
          setCurrent((c) => ({ ...c }));
        }
      }
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [current, finished]);

  const total = current.totalRows;
  const percent =
    current.status === "done"
      ? 100
      : total
        ? Math.min(99, Math.floor((current.processedRows / total) * 100))
        : 0;
  const title =
    current.status === "done"
      ? t.doneTitle
      : current.status === "failed"
        ? t.failedTitle
        : t.progressTitle;

  return (
    <div className="stack-lg">
      <section className="card" aria-labelledby="progress-heading">
        <div className="card-header import-progress-header">
          <h2 id="progress-heading">{title}</h2>
          <span className={`badge ${statusBadge(current.status)}`}>
            {t.status[current.status] ?? current.status}
          </span>
        </div>
        <div className="card-body stack">
          <p className="small import-file-name">{current.fileName}</p>
          <div className="progress-row">
            <div
              className="progress"
              role="progressbar"
              aria-label={t.progressLabel}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <div
                className={`progress-bar${current.status === "failed" ? " progress-bar-failed" : ""}`}
                style={{ width: `${percent}%` }}
              />
            </div>
            <span className="progress-percent">{percent} %</span>
          </div>
          <p className="muted small">
            {current.status === "pending" ? t.waiting : t.progress(current.processedRows, total)}
          </p>
          {pollError ? (
            <p className="field-error" role="alert">
              {pollError}
            </p>
          ) : null}
          {current.error ? (
            <p className="field-error" role="alert">
              {current.error}
            </p>
          ) : null}
          <dl className="import-counts">
            <div>
              <dt>{t.inserted}</dt>
              <dd>{formatNumber(current.inserted)}</dd>
            </div>
            <div>
              <dt>{t.updated}</dt>
              <dd>{formatNumber(current.updated)}</dd>
            </div>
            <div>
              <dt>{t.duplicates}</dt>
              <dd>{formatNumber(current.duplicates)}</dd>
            </div>
            <div className={current.rejected > 0 ? "import-count-bad" : ""}>
              <dt>{t.rejected}</dt>
              <dd>{formatNumber(current.rejected)}</dd>
            </div>
          </dl>
        </div>
        {finished ? (
          <div className="card-footer form-actions">
            <button type="button" className="button" onClick={onAnother}>
              {t.importAnother}
            </button>
            <Link className="button button-primary" to="/contacts">
              {t.viewContacts}
            </Link>
          </div>
        ) : null}
      </section>

      {finished && current.status === "done" ? <RejectedRows result={current} /> : null}
    </div>
  );
}

function RejectedRows({ result }: { result: ContactImport }) {
  return (
    <section className="card" aria-labelledby="rejected-heading">
      <div className="card-header">
        <h2 id="rejected-heading">{t.rejectedTitle}</h2>
        <p className="muted small">{t.rejectedHint}</p>
      </div>
      <div className="card-body stack">
        {result.report.length === 0 ? (
          <p className="muted small">{t.noRejected}</p>
        ) : (
          <>
            {result.rejected > result.report.length ? (
              <p className="muted small">{t.rejectedMore(result.report.length, result.rejected)}</p>
            ) : null}
            <div className="table-wrap import-rejected">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t.colRow}</th>
                    <th scope="col">{t.colReason}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.report.map((item) => (
                    <tr key={`${item.row}:${item.reason}`}>
                      <td className="table-strong import-row-number">{item.row}</td>
                      <td>{reasonText(item.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

/** The importer's reason as a sentence: "no email, phone or userId" → "No email, phone or user ID". */
export function reasonText(reason: string): string {
  const text = isRussian() ? russianReason(reason) : reason.replace(/\buserId\b/g, "user ID");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ruFields: Record<string, string> = {
  email: "email",
  phone: "телефон",
  userId: "ID пользователя",
};

/** The importer reports reasons in English; these are the ones it has. */
function russianReason(reason: string): string {
  if (reason === "no email, phone or userId")
    return "нет ни email, ни телефона, ни ID пользователя";
  let m = /^invalid (\w+) (.*)$/.exec(reason);
  if (m) return `неверный ${ruFields[m[1] ?? ""] ?? m[1]}: ${m[2]}`;
  m = /^bad date (.*) \(use .*\)$/.exec(reason);
  if (m) return `неверная дата ${m[1]} (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)`;
  m = /^unknown time zone (.*)$/.exec(reason);
  if (m) return `неизвестный часовой пояс ${m[1]}`;
  return reason;
}
