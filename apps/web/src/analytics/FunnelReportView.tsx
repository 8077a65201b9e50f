import type { FunnelReport } from "@voronka/contract";
import { useState } from "react";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { AnalyticsIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { analyticsApi, csvUrl, type FunnelDrill, type Range } from "./api.ts";
import { Pyramid } from "./charts.tsx";
import { fmtDuration, fmtInt, fmtPct } from "./format.ts";
import { ContactsDialog, Drill, Panel, Stat } from "./parts.tsx";
import { ReportPicker } from "./ReportPicker.tsx";
import { t } from "./strings.ts";

const s = t.funnel;

export function FunnelReportView({ range, toolbar }: { range: Range; toolbar: React.ReactNode }) {
  const funnels = useQuery(() => api.listFunnels());
  if (funnels.state.status === "loading") return <Loading label={t.loading} />;
  if (funnels.state.status === "error")
    return <LoadError error={funnels.state.error} onRetry={funnels.reload} />;
  return (
    <ReportPicker
      items={funnels.state.data.data}
      labels={{
        pick: s.pick,
        emptyTitle: s.noFunnels,
        emptyBody: s.noFunnelsBody,
        create: s.createFunnel,
      }}
      createTo="/funnels/new"
      toolbar={toolbar}
    >
      {(funnelId) => <FunnelBody funnelId={funnelId} range={range} />}
    </ReportPicker>
  );
}

function FunnelBody({ funnelId, range }: { funnelId: string; range: Range }) {
  const q = useQuery(() => analyticsApi.funnel(funnelId, range), [funnelId, range.from, range.to]);
  const [drill, setDrill] = useState<{ title: string; drill: FunnelDrill } | null>(null);
  if (q.state.status === "loading") return <Loading label={t.loading} />;
  if (q.state.status === "error") return <LoadError error={q.state.error} onRetry={q.reload} />;
  const r = q.state.data;
  const csv = (table: string) =>
    csvUrl(`/api/analytics/funnels/${funnelId}/export.csv`, { ...range, table });
  const open = (title: string, d: FunnelDrill) => setDrill({ title, drill: d });
  return (
    <>
      <div className="an-stats">
        <Stat label={s.entered} value={fmtInt(r.entered)} />
        <Stat
          label={s.won}
          value={fmtInt(r.won)}
          hint={fmtPct(r.entered ? r.won / r.entered : null)}
        />
        <Stat
          label={s.lost}
          value={fmtInt(r.lost)}
          hint={fmtPct(r.entered ? r.lost / r.entered : null)}
        />
      </div>
      {r.entered === 0 ? (
        <EmptyState icon={<AnalyticsIcon size={28} />} title={s.empty}>
          <p>{s.emptyBody}</p>
        </EmptyState>
      ) : (
        <div className="an-two">
          <Panel title={s.pyramid}>
            <Pyramid
              title={s.pyramid}
              steps={r.stages
                .filter((x) => x.kind !== "lost")
                .map((x) => ({
                  label: x.name,
                  value: x.reached,
                  conversion: x.conversionFromPrevious,
                  ...(x.kind === "won" ? { tone: "won" as const } : {}),
                }))}
            />
          </Panel>
          <Panel title={s.lostBy} csv={csv("lost")}>
            {r.lostBy.length === 0 ? (
              <p className="muted">{s.noLost}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{s.lostAt}</th>
                    <th>{s.reason}</th>
                    <th className="num">{t.journey.contacts}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.lostBy.map((l) => (
                    <tr key={`${l.stageId}:${l.reasonId}`}>
                      <td>{l.stageName}</td>
                      <td>{l.reason}</td>
                      <td className="num">
                        <Drill
                          n={l.contacts}
                          onOpen={() =>
                            open(`${s.lost}: ${l.stageName} · ${l.reason}`, {
                              metric: "lost",
                              ...(l.stageId ? { stageId: l.stageId } : {}),
                              ...(l.reasonId ? { reasonId: l.reasonId } : {}),
                            })
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
        </div>
      )}
      <Panel title={s.stages} csv={csv("stages")}>
        <StageTable report={r} onOpen={open} />
      </Panel>
      {r.cohorts.length > 0 ? (
        <Panel title={s.cohorts} csv={csv("cohorts")}>
          <CohortTable report={r} onOpen={open} />
        </Panel>
      ) : null}
      {drill ? (
        <ContactsDialog
          title={drill.title}
          load={(offset) => analyticsApi.funnelContacts(funnelId, range, drill.drill, offset)}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </>
  );
}

type Open = (title: string, d: FunnelDrill) => void;

function StageTable({ report, onOpen }: { report: FunnelReport; onOpen: Open }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{s.stage}</th>
            <th className="num">{s.reached}</th>
            <th className="num">{s.fromPrevious}</th>
            <th className="num">{s.fromStart}</th>
            <th className="num">{s.median}</th>
            <th className="num">{s.p90}</th>
            <th className="num">{s.now}</th>
            <th className="num">{s.stalled}</th>
          </tr>
        </thead>
        <tbody>
          {report.stages.map((x) => (
            <tr key={x.stageId}>
              <td className="table-strong">{x.name}</td>
              <td className="num">
                <Drill
                  n={x.reached}
                  onOpen={() =>
                    onOpen(`${s.reached}: ${x.name}`, { metric: "reached", stageId: x.stageId })
                  }
                />
              </td>
              <td className="num">{fmtPct(x.conversionFromPrevious)}</td>
              <td className="num">{fmtPct(x.conversionFromStart)}</td>
              <td className="num">{fmtDuration(x.medianHours)}</td>
              <td className="num">{fmtDuration(x.p90Hours)}</td>
              <td className="num">
                <Drill
                  n={x.now}
                  onOpen={() =>
                    onOpen(`${s.now}: ${x.name}`, { metric: "now", stageId: x.stageId })
                  }
                />
              </td>
              <td className="num">
                {x.kind === "open" ? (
                  <span className={x.stalledNow > 0 ? "an-warn" : ""}>
                    <Drill
                      n={x.stalledNow}
                      onOpen={() =>
                        onOpen(`${s.stalled}: ${x.name}`, { metric: "stalled", stageId: x.stageId })
                      }
                    />
                  </span>
                ) : (
                  <span className="muted">{t.none}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CohortTable({ report, onOpen }: { report: FunnelReport; onOpen: Open }) {
  const reachable = report.stages.filter((x) => x.kind !== "lost");
  return (
    <div className="table-wrap">
      <table className="table an-cohorts">
        <thead>
          <tr>
            <th>{s.week}</th>
            <th className="num">{s.entered}</th>
            {reachable.slice(1).map((x) => (
              <th key={x.stageId} className="num">
                {x.name}
              </th>
            ))}
            <th className="num">{s.lost}</th>
          </tr>
        </thead>
        <tbody>
          {report.cohorts.map((w) => (
            <tr key={w.week}>
              <td>{w.week}</td>
              <td className="num">
                <Drill
                  n={w.entered}
                  onOpen={() => onOpen(`${s.week} ${w.week}`, { metric: "entered", week: w.week })}
                />
              </td>
              {reachable.slice(1).map((x, i) => {
                const n = w.reached[i + 1] ?? 0;
                return (
                  <td
                    key={x.stageId}
                    className="num an-heat"
                    style={{ ["--share" as string]: w.entered ? n / w.entered : 0 }}
                  >
                    {fmtPct(w.entered ? n / w.entered : null)}
                  </td>
                );
              })}
              <td className="num">{fmtInt(w.lost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
