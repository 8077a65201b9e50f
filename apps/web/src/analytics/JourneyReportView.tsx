import type { AbSplit, JourneyReport } from "@voronka/contract";
import { useState } from "react";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { analyticsApi, csvUrl, type Range } from "./api.ts";
import { GoalBars, ShareBar } from "./charts.tsx";
import { fmtDec, fmtInt, fmtPct, fmtSignedPct } from "./format.ts";
import { Panel, Stat } from "./parts.tsx";
import { ReportPicker } from "./ReportPicker.tsx";
import { t } from "./strings.ts";

const s = t.journey;

export function JourneyReportView({ range, toolbar }: { range: Range; toolbar: React.ReactNode }) {
  const journeys = useQuery(() => api.listJourneys());
  if (journeys.state.status === "loading") return <Loading label={t.loading} />;
  if (journeys.state.status === "error")
    return <LoadError error={journeys.state.error} onRetry={journeys.reload} />;
  return (
    <ReportPicker
      items={journeys.state.data.data.filter((j) => j.currentVersion !== null)}
      labels={{
        pick: s.pick,
        emptyTitle: s.noJourneys,
        emptyBody: s.noJourneysBody,
        create: s.createJourney,
      }}
      createTo="/journeys"
      toolbar={toolbar}
    >
      {(journeyId) => <JourneyBody journeyId={journeyId} range={range} />}
    </ReportPicker>
  );
}

function JourneyBody({ journeyId, range }: { journeyId: string; range: Range }) {
  const q = useQuery(
    () => Promise.all([analyticsApi.journey(journeyId, range), analyticsApi.ab(journeyId, range)]),
    [journeyId, range.from, range.to],
  );
  if (q.state.status === "loading") return <Loading label={t.loading} />;
  if (q.state.status === "error") return <LoadError error={q.state.error} onRetry={q.reload} />;
  const [r, ab] = q.state.data;
  const csv = (table: string) =>
    csvUrl(`/api/analytics/journeys/${journeyId}/export.csv`, { ...range, table });
  return (
    <>
      <div className="an-stats">
        <Stat label={s.started} value={fmtInt(r.started)} />
        <Stat label={s.converted} value={fmtInt(r.converted)} />
        <Stat label={s.rate} value={fmtPct(r.started ? r.converted / r.started : null)} />
      </div>
      <Panel title={s.ab} csv={ab.data.length > 0 ? csv("ab") : undefined}>
        {ab.data.length === 0 ? (
          <p className="muted">{s.noSplit}</p>
        ) : (
          ab.data.map((split) => <AbTable key={split.nodeId} split={split} />)
        )}
      </Panel>
      <Panel title={s.goal} csv={csv("goal")}>
        {r.goal.length === 0 ? (
          <p className="muted">{s.noRuns}</p>
        ) : (
          <GoalBars points={r.goal} title={s.goal} />
        )}
      </Panel>
      <div className="an-two">
        <Panel title={s.nodes} csv={csv("nodes")}>
          <NodeTable report={r} />
        </Panel>
        <Panel title={s.messages} csv={csv("messages")}>
          <MessageTable report={r} />
        </Panel>
      </div>
    </>
  );
}

function AbTable({ split }: { split: AbSplit }) {
  const base = split.arms.find((a) => a.id === split.baseline);
  const leader = split.arms.find((a) => a.id === split.leader);
  return (
    <div className="an-ab">
      <h3>{split.label}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{s.branch}</th>
              <th className="num">{s.contacts}</th>
              <th className="num">{s.conversions}</th>
              <th className="num">{s.rate}</th>
              <th className="num">
                {s.uplift} {base?.holdout ? s.holdout.toLowerCase() : base?.name}
              </th>
              <th className="num">{s.interval}</th>
              <th className="num">{s.pValue}</th>
              <th>{s.best}</th>
            </tr>
          </thead>
          <tbody>
            {split.arms.map((a) => (
              <tr key={a.id} className={a.id === split.leader ? "an-leader" : ""}>
                <td className="table-strong">{a.holdout ? s.holdout : a.name}</td>
                <td className="num">{fmtInt(a.contacts)}</td>
                <td className="num">{fmtInt(a.conversions)}</td>
                <td className="num">{fmtPct(a.rate)}</td>
                <td className="num">{a.id === split.baseline ? t.none : fmtSignedPct(a.uplift)}</td>
                <td className="num">
                  {a.diffLow === null || a.diffHigh === null
                    ? t.none
                    : `${fmtSignedPct(a.diffLow)} … ${fmtSignedPct(a.diffHigh)}`}
                </td>
                <td className="num">{a.pValue === null ? t.none : fmtDec(a.pValue)}</td>
                <td>
                  {a.probabilityBest === null ? (
                    <span className="muted">{t.none}</span>
                  ) : (
                    <span className="an-best">
                      <ShareBar
                        value={a.probabilityBest}
                        tone={a.id === split.leader ? "good" : undefined}
                      />
                      {fmtPct(a.probabilityBest)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={split.thinData ? "an-note an-note-warn" : "an-note"}>
        {split.thinData
          ? split.requiredPerArm
            ? s.thin(split.requiredPerArm)
            : s.thinUnknown
          : leader
            ? s.leader(leader.name)
            : s.noLeader}
      </p>
    </div>
  );
}

function NodeTable({ report }: { report: JourneyReport }) {
  const versions = [...new Set(report.nodes.map((n) => n.version))];
  const [version, setVersion] = useState(versions[0] ?? report.journey.currentVersion ?? 1);
  const rows = report.nodes.filter((n) => n.version === version);
  return (
    <>
      {versions.length > 1 ? (
        <label className="an-field an-inline">
          <span>{s.version}</span>
          <select
            className="input select"
            value={version}
            onChange={(e) => setVersion(Number(e.target.value))}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{s.step}</th>
              <th className="num">{s.entered}</th>
              <th className="num">{s.passed}</th>
              <th className="num">{s.waiting}</th>
              <th className="num">{s.converted}</th>
              <th className="num">{s.exited}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <td>{n.label}</td>
                <td className="num">{fmtInt(n.entered)}</td>
                <td className="num">{fmtInt(n.passed)}</td>
                <td className="num">{fmtInt(n.waiting)}</td>
                <td className="num">{fmtInt(n.converted)}</td>
                <td className="num">{fmtInt(n.exited)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function MessageTable({ report }: { report: JourneyReport }) {
  const rows = report.messages.filter((m) => m.sent + m.skipped > 0);
  if (rows.length === 0) return <p className="muted">{s.noMessages}</p>;
  const rate = (n: number, of: number) => (of > 0 ? ` · ${fmtPct(n / of)}` : "");
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{s.step}</th>
            <th className="num">{s.sent}</th>
            <th className="num">{s.delivered}</th>
            <th className="num">{s.opened}</th>
            <th className="num">{s.clicked}</th>
            <th className="num">{s.unsubscribed}</th>
            <th className="num">{s.bounced}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={`${m.version}:${m.nodeId}`}>
              <td>
                {m.label}
                <span className="muted"> · v{m.version}</span>
              </td>
              <td className="num">{fmtInt(m.sent)}</td>
              <td className="num">{fmtInt(m.delivered)}</td>
              <td className="num">
                {fmtInt(m.opened)}
                <span className="muted">{rate(m.opened, m.delivered)}</span>
              </td>
              <td className="num">
                {fmtInt(m.clicked)}
                <span className="muted">{rate(m.clicked, m.delivered)}</span>
              </td>
              <td className="num">{fmtInt(m.unsubscribed)}</td>
              <td className="num">{fmtInt(m.bounced)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
