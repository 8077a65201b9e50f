import type { RfmReport, RfmSegmentName } from "@voronka/contract";
import { useState } from "react";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDateTime } from "../ui/format.ts";
import { AnalyticsIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { analyticsApi, csvUrl, type RfmPick } from "./api.ts";
import { fmtInt, fmtMoney } from "./format.ts";
import { ContactsDialog, Panel } from "./parts.tsx";
import { t } from "./strings.ts";

const s = t.rfm;

export function RfmView() {
  const q = useQuery(() => analyticsApi.rfm());
  const [busy, setBusy] = useState(false);
  const [pick, setPick] = useState<{ title: string; pick: RfmPick } | null>(null);
  const refresh = () => {
    setBusy(true);
    analyticsApi
      .refreshRfm()
      .then((r) => q.setState({ status: "success", data: r }))
      .finally(() => setBusy(false));
  };
  if (q.state.status === "loading") return <Loading label={t.loading} />;
  if (q.state.status === "error") return <LoadError error={q.state.error} onRetry={q.reload} />;
  const r = q.state.data;
  const action = (
    <button type="button" className="button" onClick={refresh} disabled={busy}>
      {s.refresh}
    </button>
  );
  if (r.customers === 0) {
    return (
      <EmptyState icon={<AnalyticsIcon size={28} />} title={s.empty}>
        <p>{s.emptyBody}</p>
        <p>{action}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="toolbar an-toolbar">
        <span className="muted">
          {s.computed}: {r.computedAt ? formatDateTime(r.computedAt) : t.none} ·{" "}
          {fmtInt(r.customers)} {s.customers}
        </span>
        <span className="toolbar-grow" />
        {action}
      </div>
      <div className="an-two an-rfm">
        <Panel title={s.grid} csv={csvUrl("/api/analytics/rfm/export.csv", { table: "grid" })}>
          <Grid r={r} onPick={(title, p) => setPick({ title, pick: p })} />
        </Panel>
        <Panel
          title={s.segments}
          csv={csvUrl("/api/analytics/rfm/export.csv", { table: "segments" })}
        >
          <p className="muted">{s.pickSegment}</p>
          <ul className="an-segments">
            {r.segments.map((seg) => (
              <li key={seg.segment}>
                <button
                  type="button"
                  className={`an-seg an-seg-${seg.segment}`}
                  disabled={seg.contacts === 0}
                  onClick={() =>
                    setPick({ title: s.names[seg.segment], pick: { segment: seg.segment } })
                  }
                >
                  <span className="an-seg-name">{s.names[seg.segment]}</span>
                  <span className="an-seg-n">{fmtInt(seg.contacts)}</span>
                  <span className="an-seg-rev">
                    {s.avgRevenue} {fmtMoney(seg.revenue)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      {pick ? (
        <ContactsDialog
          title={pick.title}
          load={(offset) => analyticsApi.rfmContacts(pick.pick, offset)}
          onClose={() => setPick(null)}
          footer={<EnrollForm pick={pick.pick} />}
        />
      ) : null}
    </>
  );
}

function Grid({ r, onPick }: { r: RfmReport; onPick(title: string, p: RfmPick): void }) {
  const max = Math.max(1, ...r.cells.map((c) => c.contacts));
  return (
    <div className="an-grid-wrap">
      <div className="an-grid-y">
        <span>{s.recency}</span>
        <span className="muted">
          ↑ {s.recent} · {s.old} ↓
        </span>
      </div>
      <fieldset className="an-grid" aria-label={s.grid}>
        {r.cells.map((c) => (
          <button
            type="button"
            key={`${c.recency}${c.frequency}`}
            className={`an-cell an-seg-${c.segment}`}
            style={{ ["--fill" as string]: 0.25 + (0.75 * c.contacts) / max }}
            title={`${s.names[c.segment]} · R${c.recency} F${c.frequency}`}
            disabled={c.contacts === 0}
            onClick={() =>
              onPick(`${s.names[c.segment]} · R${c.recency} F${c.frequency}`, {
                recency: c.recency,
                frequency: c.frequency,
              })
            }
          >
            <span className="an-cell-n">{fmtInt(c.contacts)}</span>
            <span className="an-cell-name">{s.names[c.segment as RfmSegmentName]}</span>
          </button>
        ))}
      </fieldset>
      <div className="an-grid-x">
        <span>{s.frequency}</span>
        <span className="muted">
          ← {s.rare} · {s.often} →
        </span>
      </div>
    </div>
  );
}

function EnrollForm({ pick }: { pick: RfmPick }) {
  const journeys = useQuery(() => api.listJourneys());
  const [journeyId, setJourneyId] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const live =
    journeys.state.status === "success"
      ? journeys.state.data.data.filter((j) => j.status === "live")
      : [];
  if (live.length === 0) return null;
  const enroll = () =>
    analyticsApi.enrollRfm(pick, journeyId || (live[0]?.id ?? "")).then(
      (r) => setMessage({ ok: true, text: s.enrolled(r.enrolled, r.contacts) }),
      (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    );
  return (
    <div className="an-enroll">
      <label className="an-field">
        <span>{s.enrollPick}</span>
        <select
          className="input select"
          value={journeyId}
          onChange={(e) => setJourneyId(e.target.value)}
        >
          {live.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={enroll}>
        {s.enroll}
      </button>
      {message ? (
        <p className={message.ok ? "an-note" : "alert alert-error"}>{message.text}</p>
      ) : null}
    </div>
  );
}
