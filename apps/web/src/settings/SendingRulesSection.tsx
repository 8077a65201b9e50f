import type { SendingRules, SendingRulesState } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { useMe } from "../session/SessionProvider.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { formatDateTime } from "../ui/format.ts";
import { plural } from "../ui/plural.ts";
import { rulesStrings as t } from "./sending-rules-strings.ts";
import { workspaceApi } from "./workspace-api.ts";
import "../styles/settings-rules.css";
import { SettingsCard } from "./SettingsCard.tsx";

type Unit = NonNullable<SendingRules["frequencyCap"]>["per"]["unit"];
const UNITS: Unit[] = ["minutes", "hours", "days", "weeks"];

/** Workspace-wide quiet hours and frequency cap, filled into journeys when they are published. */
export function SendingRulesSection() {
  const { state, setState, reload } = useQuery(workspaceApi.sendingRules);
  const canEdit = useMe().workspace.role !== "member";

  return (
    <SettingsCard
      id="rules"
      title={t.title}
      hint={t.hint}
      loadingLabel={t.loading}
      state={state}
      reload={reload}
    >
      {(rules) => (
        <RulesForm
          rules={rules}
          canEdit={canEdit}
          onSaved={(data) => setState({ status: "success", data })}
        />
      )}
    </SettingsCard>
  );
}

/** "9:00" → "09:00"; undefined when it is not a 24-hour time. */
function clock(text: string): string | undefined {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return m?.[1] && m[2] ? `${m[1].padStart(2, "0")}:${m[2]}` : undefined;
}

function wholeIn(text: string, min: number, max: number): number | undefined {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : undefined;
}

const messages = (n: number) => `${n} ${plural(n, t.capMessages)}`;
const period = (n: number, unit: Unit) => `${n} ${plural(n, t.units[unit])}`;

function RulesForm(props: {
  rules: SendingRulesState;
  canEdit: boolean;
  onSaved(data: SendingRulesState): void;
}) {
  const { rules } = props;
  const [quietOn, setQuietOn] = useState(rules.quietHours !== null);
  const [from, setFrom] = useState(rules.quietHours?.from ?? "21:00");
  const [to, setTo] = useState(rules.quietHours?.to ?? "09:00");
  const [capOn, setCapOn] = useState(rules.frequencyCap !== null);
  const [max, setMax] = useState(String(rules.frequencyCap?.max ?? 3));
  const [amount, setAmount] = useState(String(rules.frequencyCap?.per.amount ?? 1));
  const [unit, setUnit] = useState<Unit>(rules.frequencyCap?.per.unit ?? "weeks");
  const [confirming, setConfirming] = useState<SendingRules | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const next: SendingRules = { quietHours: null, frequencyCap: null };
    if (quietOn) {
      const f = clock(from);
      const u = clock(to);
      if (!f || !u) return setMessage({ ok: false, text: t.badTime });
      if (f === u) return setMessage({ ok: false, text: t.sameTime });
      next.quietHours = { from: f, to: u };
      setFrom(f);
      setTo(u);
    }
    if (capOn) {
      const m = wholeIn(max, 1, 1000);
      if (m === undefined) return setMessage({ ok: false, text: t.badMax });
      const a = wholeIn(amount, 1, 365);
      if (a === undefined) return setMessage({ ok: false, text: t.badAmount });
      next.frequencyCap = { max: m, per: { amount: a, unit } };
    }
    setConfirming(next);
  }

  async function save(next: SendingRules) {
    setPending(true);
    try {
      const saved = await workspaceApi.saveSendingRules(next);
      setConfirming(null);
      props.onSaved(saved);
      setMessage({ ok: true, text: t.saved });
    } catch (caught) {
      setConfirming(null);
      setMessage({ ok: false, text: errorMessage(caught) });
    } finally {
      setPending(false);
    }
  }

  const maxNumber = Number(max) || 0;
  const amountNumber = Number(amount) || 1;

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <fieldset className="rules-fieldset stack" disabled={!props.canEdit}>
        <div className="subcard stack-sm">
          <label className="rules-toggle">
            <input
              type="checkbox"
              checked={quietOn}
              onChange={(e) => setQuietOn(e.target.checked)}
            />
            <span>{t.quietTitle}</span>
          </label>
          <p className={quietOn ? "rules-sentence" : "rules-sentence rules-off"}>
            <span>{t.quietBefore}</span>
            <input
              className="input rules-time mono"
              aria-label={t.quietFrom}
              inputMode="numeric"
              placeholder="21:00"
              maxLength={5}
              disabled={!quietOn}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
            <span>{t.quietMiddle}</span>
            <input
              className="input rules-time mono"
              aria-label={t.quietTo}
              inputMode="numeric"
              placeholder="09:00"
              maxLength={5}
              disabled={!quietOn}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
            <span>{t.quietAfter}</span>
          </p>
          <p className="field-hint">{t.quietHint}</p>
        </div>

        <div className="subcard stack-sm">
          <label className="rules-toggle">
            <input type="checkbox" checked={capOn} onChange={(e) => setCapOn(e.target.checked)} />
            <span>{t.capTitle}</span>
          </label>
          <p className={capOn ? "rules-sentence" : "rules-sentence rules-off"}>
            <span>{t.capBefore}</span>
            <input
              className="input rules-number"
              aria-label={t.capMax}
              inputMode="numeric"
              disabled={!capOn}
              value={max}
              onChange={(e) => setMax(e.target.value)}
            />
            <span>
              {plural(maxNumber, t.capMessages)} {t.capPer}
            </span>
            <input
              className="input rules-number"
              aria-label={t.capAmount}
              inputMode="numeric"
              disabled={!capOn}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
            <select
              className="input select rules-unit"
              aria-label={t.capUnit}
              disabled={!capOn}
              value={unit}
              onChange={(e) => setUnit(UNITS.find((u) => u === e.target.value) ?? "weeks")}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {plural(amountNumber, t.units[u])}
                </option>
              ))}
            </select>
            <span>{t.capAfter}</span>
          </p>
          <p className="field-hint">{t.capHint}</p>
        </div>
      </fieldset>

      <p className="rules-note">{t.appliesNote}</p>
      {props.canEdit ? null : <p className="muted">{t.readOnly}</p>}

      <div className="form-actions">
        {props.canEdit ? (
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t.saving : t.save}
          </button>
        ) : null}
        {message ? (
          <span className={message.ok ? "form-ok" : "field-error"} role="status">
            {message.text}
          </span>
        ) : (
          <span className="muted rules-when">
            {rules.updatedAt ? t.lastChanged(formatDateTime(rules.updatedAt)) : t.neverSaved}
          </span>
        )}
      </div>

      {confirming ? (
        <Dialog title={t.confirmTitle} busy={pending} onClose={() => setConfirming(null)}>
          <ul className="rules-summary">
            <li>
              {confirming.quietHours
                ? t.confirmQuiet(confirming.quietHours.from, confirming.quietHours.to)
                : t.confirmNoQuiet}
            </li>
            <li>
              {confirming.frequencyCap
                ? t.confirmCap(
                    messages(confirming.frequencyCap.max),
                    period(confirming.frequencyCap.per.amount, confirming.frequencyCap.per.unit),
                  )
                : t.confirmNoCap}
            </li>
          </ul>
          <p className="muted">{t.confirmNote}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              disabled={pending}
              onClick={() => setConfirming(null)}
            >
              {t.cancel}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={pending}
              onClick={() => void save(confirming)}
            >
              {pending ? t.saving : t.confirm}
            </button>
          </div>
        </Dialog>
      ) : null}
    </form>
  );
}
