import type { FunnelList } from "@voronka/contract";
import { useState } from "react";
import { api, type ContactListParams } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { BulkEnroll } from "./BulkEnroll.tsx";
import { bulkStrings as t } from "./bulk-strings.ts";

interface Props {
  /** The contacts ticked on this page. */
  selected: string[];
  funnels: FunnelList | null;
  /** The list's current filters, for the CSV export. */
  filters: ContactListParams;
  onClear(): void;
}

/** The bar above the contacts table: what to do with the ticked contacts. */
export function BulkActions({ selected, funnels, filters, onClear }: Props) {
  const [funnel, setFunnel] = useState("");
  const [stage, setStage] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const detail = useQuery(() => (funnel ? api.funnel(funnel) : Promise.resolve(null)), [funnel]);
  const stages = detail.state.status === "success" ? (detail.state.data?.stages ?? []) : [];
  // Lost needs a reason, which the board asks for; from here contacts go to ordinary stages.
  const targets = stages.filter((s) => s.kind !== "lost");

  async function move() {
    const target = targets.find((s) => s.id === stage);
    if (!target || selected.length === 0) return;
    setBusy(true);
    setResult(null);
    // The moves API takes one contact per call.
    const outcomes = await Promise.allSettled(
      selected.map((contactId) => api.moveContact(funnel, { contactId, stageId: stage })),
    );
    let moved = 0;
    let already = 0;
    let failed = 0;
    for (const o of outcomes) {
      if (o.status === "rejected") failed++;
      else if (o.value.moved) moved++;
      else already++;
    }
    const parts = [t.moved(moved, target.name)];
    if (already > 0) parts.push(t.alreadyThere(already));
    if (failed > 0) parts.push(t.failed(failed));
    setResult(parts.join(" · "));
    setBusy(false);
  }

  const exportQuery = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key !== "limit" && key !== "cursor" && value) exportQuery.set(key, String(value));
  }
  const exportHref = `/api/contacts/export.csv${exportQuery.size > 0 ? `?${exportQuery}` : ""}`;

  return (
    <section className="contacts-bulk" aria-label={t.barLabel}>
      <div className="toolbar">
        {selected.length > 0 ? (
          <>
            <strong className="contacts-bulk-count">{t.selected(selected.length)}</strong>
            <div className="field">
              <label htmlFor="bulk-funnel">{t.addToStage}</label>
              <select
                id="bulk-funnel"
                className="input select"
                value={funnel}
                onChange={(e) => {
                  setFunnel(e.target.value);
                  setStage("");
                }}
              >
                <option value="">{t.pickFunnel}</option>
                {funnels?.data.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bulk-stage">{t.stage}</label>
              <select
                id="bulk-stage"
                className="input select"
                value={stage}
                disabled={!funnel}
                onChange={(e) => setStage(e.target.value)}
              >
                <option value="">{t.pickStage}</option>
                {targets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button button-primary"
              disabled={!stage || busy}
              onClick={move}
            >
              {busy ? t.moving : t.move}
            </button>
          </>
        ) : (
          <span className="muted small contacts-bulk-count">{t.hint}</span>
        )}
        <a className="button contacts-bulk-export" href={exportHref} download title={t.exportHint}>
          {t.exportCsv}
        </a>
      </div>
      {selected.length > 0 ? (
        <div className="toolbar">
          <BulkEnroll selected={selected} onResult={setResult} />
          <button type="button" className="button button-ghost" onClick={onClear}>
            {t.clear}
          </button>
        </div>
      ) : null}
      {result ? (
        <p className="contacts-bulk-result" role="status">
          {result}
        </p>
      ) : null}
    </section>
  );
}
