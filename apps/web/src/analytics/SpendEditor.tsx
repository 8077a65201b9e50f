import { useState } from "react";
import { ApiError } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { analyticsApi, csvUrl } from "./api.ts";
import { fmtMoney } from "./format.ts";
import { Panel } from "./parts.tsx";
import { t } from "./strings.ts";

const s = t.channels;

/** The spend table: one row per channel and month, typed in or imported from CSV. */
export function SpendEditor({ onSaved }: { onSaved(): void }) {
  const list = useQuery(() => analyticsApi.spend());
  const [channel, setChannel] = useState("");
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [amount, setAmount] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (saved: number) => {
    setMessage({ ok: true, text: s.saved(saved) });
    list.reload();
    onSaved();
  };
  const fail = (e: unknown) => {
    const details =
      e instanceof ApiError && e.details ? e.details.map((d) => `${d.path}: ${d.message}`) : [];
    setMessage({
      ok: false,
      text: [e instanceof Error ? e.message : String(e), ...details].join(" "),
    });
  };
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    analyticsApi
      .saveSpend([{ channel: channel.trim(), month, amount: Number(amount.replace(",", ".")) }])
      .then((r) => {
        setAmount("");
        done(r.saved);
      }, fail);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    analyticsApi.importSpend(await file.text()).then((r) => done(r.saved), fail);
  };
  const rows = list.state.status === "success" ? list.state.data.data : [];
  return (
    <Panel
      title={s.spendTable}
      csv={csvUrl("/api/analytics/channels/export.csv", { table: "spend" })}
    >
      <p className="muted">{s.spendHint}</p>
      <form className="an-spend-form" onSubmit={save}>
        <label className="an-field">
          <span>{s.channel}</span>
          <input
            className="input"
            required
            maxLength={100}
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
            placeholder="google"
          />
        </label>
        <label className="an-field">
          <span>{s.month}</span>
          <input
            className="input"
            type="month"
            required
            value={month}
            onChange={(e) => setMonth(e.target.value)}
          />
        </label>
        <label className="an-field">
          <span>{s.amount}</span>
          <input
            className="input an-narrow"
            inputMode="decimal"
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary">
          {s.add}
        </button>
        <label className="button an-file">
          {s.importCsv}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => importFile(e.target.files?.[0])}
          />
        </label>
      </form>
      {message ? (
        <p className={message.ok ? "an-note" : "alert alert-error"}>{message.text}</p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{s.noSpend}</p>
      ) : (
        <div className="table-wrap an-spend-list">
          <table className="table">
            <thead>
              <tr>
                <th>{s.month}</th>
                <th>{s.channel}</th>
                <th className="num">{s.amount}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 12).map((r) => (
                <tr key={`${r.channel}:${r.month}`}>
                  <td>{r.month}</td>
                  <td>{r.channel}</td>
                  <td className="num">{fmtMoney(r.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
