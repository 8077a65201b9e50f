import type { ReportContactPage } from "@voronka/contract";
import { type ReactNode, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { Dialog } from "../ui/Dialog.tsx";
import { fmtInt, type RangeKey } from "./format.ts";
import { t } from "./strings.ts";

/** The period select shared by the reports. */
export function RangeSelect({ value, onChange }: { value: RangeKey; onChange(v: RangeKey): void }) {
  return (
    <label className="an-field">
      <span>{t.range}</span>
      <select
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value as RangeKey)}
      >
        {(Object.keys(t.ranges) as RangeKey[]).map((k) => (
          <option key={k} value={k}>
            {t.ranges[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A titled panel of a report, with an optional CSV download of its table. */
export function Panel({
  title,
  csv,
  children,
  aside,
}: {
  title: string;
  csv?: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section className="card an-panel" aria-label={title}>
      <header className="an-panel-head">
        <h2>{title}</h2>
        <div className="an-panel-aside">
          {aside}
          {csv ? (
            <a className="button button-ghost button-small" href={csv} download>
              {t.csv}
            </a>
          ) : null}
        </div>
      </header>
      <div className="an-panel-body">{children}</div>
    </section>
  );
}

/** A big number with its label. */
export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="an-stat">
      <div className="an-stat-label">{label}</div>
      <div className="an-stat-value">{value}</div>
      {hint ? <div className="an-stat-hint">{hint}</div> : null}
    </div>
  );
}

/** A number that opens the list of contacts behind it. */
export function Drill({ n, onOpen }: { n: number; onOpen(): void }) {
  if (n === 0) return <span className="muted">0</span>;
  return (
    <button type="button" className="an-drill" onClick={onOpen}>
      {fmtInt(n)}
    </button>
  );
}

/** A dialog listing the contacts a loader returns, 50 at a time, with links to their cards. */
export function ContactsDialog({
  title,
  load,
  onClose,
  footer,
}: {
  title: string;
  load(offset: number): Promise<ReportContactPage>;
  onClose(): void;
  footer?: ReactNode;
}) {
  const [rows, setRows] = useState<ReportContactPage["contacts"]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loader is fixed for the dialog's life.
  useEffect(() => {
    load(0).then(
      (p) => {
        setRows(p.contacts);
        setTotal(p.total);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const more = () => load(rows.length).then((p) => setRows((r) => [...r, ...p.contacts]));
  return (
    <Dialog title={title} onClose={onClose}>
      <p className="muted">{total === null ? t.loading : `${fmtInt(total)} ${t.list.total}`}</p>
      {error ? <p className="alert alert-error">{error}</p> : null}
      <div className="table-wrap an-dialog-table">
        <table className="table">
          <thead>
            <tr>
              <th>{t.list.name}</th>
              <th>{t.list.email}</th>
              <th>{t.list.phone}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/contacts/${c.id}`}>
                    {c.name || c.email || c.phone || c.id.slice(0, 8)}
                  </Link>
                </td>
                <td>{c.email ?? ""}</td>
                <td>{c.phone ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {footer}
      <div className="dialog-actions">
        {total !== null && rows.length < total ? (
          <button type="button" className="button" onClick={more}>
            {t.list.more}
          </button>
        ) : null}
        <button type="button" className="button button-primary" onClick={onClose}>
          {t.list.close}
        </button>
      </div>
    </Dialog>
  );
}
