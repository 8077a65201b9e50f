import type { ChannelReport } from "@voronka/contract";
import { useState } from "react";
import { useQuery } from "../api/use-query.ts";
import { sourceLabel } from "../contacts/labels.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { AnalyticsIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { analyticsApi, csvUrl, type Range } from "./api.ts";
import { ShareBar, SignedBar } from "./charts.tsx";
import { fmtDec, fmtInt, fmtMoney, fmtPct, fmtSignedPct } from "./format.ts";
import { Panel, Stat } from "./parts.tsx";
import { SpendEditor } from "./SpendEditor.tsx";
import { t } from "./strings.ts";

const s = t.channels;

export function ChannelsView({ range, toolbar }: { range: Range; toolbar: React.ReactNode }) {
  const [marginPct, setMarginPct] = useState(100);
  const margin = Math.min(100, Math.max(1, marginPct)) / 100;
  const q = useQuery(() => analyticsApi.channels(range, margin), [range.from, range.to, margin]);
  return (
    <>
      <div className="toolbar an-toolbar">
        {toolbar}
        <label className="an-field">
          <span>{s.margin}</span>
          <input
            className="input an-narrow"
            type="number"
            min={1}
            max={100}
            value={marginPct}
            onChange={(e) => setMarginPct(Number(e.target.value) || 100)}
          />
        </label>
      </div>
      {q.state.status === "loading" ? <Loading label={t.loading} /> : null}
      {q.state.status === "error" ? <LoadError error={q.state.error} onRetry={q.reload} /> : null}
      {q.state.status === "success" ? (
        <ChannelBody r={q.state.data} range={range} margin={margin} />
      ) : null}
      <SpendEditor onSaved={q.reload} />
    </>
  );
}

function ChannelBody({ r, range, margin }: { r: ChannelReport; range: Range; margin: number }) {
  const csv = (table: string) =>
    csvUrl("/api/analytics/channels/export.csv", { ...range, margin, table });
  const tt = r.totals;
  return (
    <>
      <div className="an-stats">
        <Stat label={s.leads} value={fmtInt(tt.leads)} />
        <Stat label={s.customers} value={fmtInt(tt.customers)} hint={fmtPct(tt.conversion)} />
        <Stat label={s.revenue} value={fmtMoney(tt.revenue)} />
        <Stat label={s.spend} value={fmtMoney(tt.spend)} />
        <Stat label={s.cac} value={fmtMoney(tt.cac)} />
        <Stat label={s.romi} value={fmtSignedPct(tt.romi)} />
      </div>
      {tt.leads === 0 ? (
        <EmptyState icon={<AnalyticsIcon size={28} />} title={s.empty}>
          <p>{s.emptyBody}</p>
        </EmptyState>
      ) : (
        <>
          <Panel title={s.byChannel} csv={csv("channels")}>
            <ChannelTable
              rows={r.byChannel}
              keyLabel={s.channel}
              total={tt.leads}
              label={sourceLabel}
            />
          </Panel>
          <Panel title={s.bySource} csv={csv("sources")}>
            <ChannelTable rows={r.bySource} keyLabel={s.source} total={tt.leads} />
          </Panel>
        </>
      )}
      <div className="an-two">
        <Panel title={s.formula} csv={csv("formula")}>
          <Formula r={r} />
        </Panel>
        <Panel title={s.cohorts} csv={csv("cohorts")}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{s.month}</th>
                  <th className="num">{s.leads}</th>
                  <th className="num">{s.customers}</th>
                  <th className="num">{s.ltv}</th>
                  <th className="num">{s.cac}</th>
                </tr>
              </thead>
              <tbody>
                {r.cohorts.map((c) => (
                  <tr key={c.month}>
                    <td>{c.month}</td>
                    <td className="num">{fmtInt(c.leads)}</td>
                    <td className="num">{fmtInt(c.customers)}</td>
                    <td className="num">{fmtMoney(c.ltv)}</td>
                    <td className="num">{fmtMoney(c.cac)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
      </div>
    </>
  );
}

function ChannelTable({
  rows,
  keyLabel,
  total,
  label = (key) => key,
}: {
  rows: ChannelReport["byChannel"];
  keyLabel: string;
  total: number;
  /** How a row's key reads on screen ("web_form" → "Web form" for channels). */
  label?: (key: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{keyLabel}</th>
            <th>{s.leads}</th>
            <th className="num">{s.customers}</th>
            <th className="num">{s.conversion}</th>
            <th className="num">{s.revenue}</th>
            <th className="num">{s.spend}</th>
            <th className="num">{s.cpl}</th>
            <th className="num">{s.cac}</th>
            <th className="num">{s.romi}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.key}>
              <td className="table-strong">{label(x.key)}</td>
              <td className="an-bar-cell">
                <ShareBar value={total ? x.leads / total : 0} />
                <span>{fmtInt(x.leads)}</span>
              </td>
              <td className="num">{fmtInt(x.customers)}</td>
              <td className="num">{fmtPct(x.conversion)}</td>
              <td className="num">{fmtMoney(x.revenue)}</td>
              <td className="num">{fmtMoney(x.spend)}</td>
              <td className="num">{fmtMoney(x.cpl)}</td>
              <td className="num">{fmtMoney(x.cac)}</td>
              <td
                className={`num ${x.romi !== null && x.romi < 0 ? "an-neg" : x.romi !== null ? "an-pos" : ""}`}
              >
                {fmtSignedPct(x.romi)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Formula({ r }: { r: ChannelReport }) {
  const f = r.formula;
  const keys = ["leads", "conversion", "averageCheck", "transactions", "margin"] as const;
  const max = Math.max(...keys.map((k) => Math.abs(f.contributions[k])));
  const show = (k: (typeof keys)[number], v: number) =>
    k === "leads"
      ? fmtInt(v)
      : k === "conversion" || k === "margin"
        ? fmtPct(v)
        : k === "averageCheck"
          ? fmtMoney(v)
          : fmtDec(v);
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{s.factor}</th>
            <th className="num">{s.before}</th>
            <th className="num">{s.after}</th>
            <th className="an-effect">{s.effect}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <td>{s.factors[k]}</td>
              <td className="num">{show(k, f.before[k])}</td>
              <td className="num">{show(k, f.after[k])}</td>
              <td className="an-effect">
                <SignedBar value={f.contributions[k]} max={max} />
                <span className={f.contributions[k] < 0 ? "an-neg" : "an-pos"}>
                  {f.contributions[k] > 0 ? "+" : ""}
                  {fmtMoney(f.contributions[k])}
                </span>
              </td>
            </tr>
          ))}
          <tr className="table-strong">
            <td>{s.value}</td>
            <td className="num">{fmtMoney(f.before.value)}</td>
            <td className="num">{fmtMoney(f.after.value)}</td>
            <td className="an-effect">
              {f.after.value - f.before.value > 0 ? "+" : ""}
              {fmtMoney(f.after.value - f.before.value)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
