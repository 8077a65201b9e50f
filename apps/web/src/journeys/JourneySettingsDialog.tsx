import { useState } from "react";
import { Dialog } from "../ui/Dialog.tsx";
import { applyForm, formProblems, toForm, UNITS, type Unit } from "./journey-settings.ts";
import { journeySettingsStrings as t } from "./strings.ts";

interface Props {
  settings: unknown;
  /** A published version, or an archived journey: shown, not changed. */
  readOnly: boolean;
  onSave(settings: Record<string, unknown>): void;
  onClose(): void;
}

/** Quiet hours and the per-contact send limit of the journey, each switched on or off. */
export function JourneySettingsDialog({ settings, readOnly, onSave, onClose }: Props) {
  const [form, setForm] = useState(() => toForm(settings));
  const [tried, setTried] = useState(false);
  const problems = formProblems(form);
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));

  return (
    <Dialog title={t.title} onClose={onClose}>
      <form
        className="form journey-settings"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (problems.length === 0) onSave(applyForm(settings, form));
        }}
      >
        {readOnly ? <p className="muted small">{t.readOnly}</p> : null}
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.quiet}
                disabled={readOnly}
                onChange={(e) => set({ quiet: e.target.checked })}
              />
              {t.quietHours}
            </label>
          </legend>
          <span className="field-hint">{t.quietHint}</span>
          <div className="settings-row">
            <label className="field">
              <span>{t.from}</span>
              <input
                className="input settings-time"
                inputMode="numeric"
                placeholder="21:00"
                value={form.from}
                disabled={!form.quiet}
                onChange={(e) => set({ from: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t.to}</span>
              <input
                className="input settings-time"
                inputMode="numeric"
                placeholder="08:00"
                value={form.to}
                disabled={!form.quiet}
                onChange={(e) => set({ to: e.target.value })}
              />
            </label>
          </div>
        </fieldset>
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.cap}
                disabled={readOnly}
                onChange={(e) => set({ cap: e.target.checked })}
              />
              {t.cap}
            </label>
          </legend>
          <span className="field-hint">{t.capHint}</span>
          <div className="settings-row">
            <span>{t.max}</span>
            <input
              className="input settings-number"
              inputMode="numeric"
              aria-label={t.max}
              value={form.max}
              disabled={!form.cap}
              onChange={(e) => set({ max: e.target.value })}
            />
            <span>{t.messages}</span>
          </div>
          <div className="settings-row">
            <span>{t.perWord}</span>
            <input
              className="input settings-number"
              inputMode="decimal"
              aria-label={t.perAmount}
              value={form.perAmount}
              disabled={!form.cap}
              onChange={(e) => set({ perAmount: e.target.value })}
            />
            <select
              className="input select"
              aria-label={t.perUnit}
              value={form.perUnit}
              disabled={!form.cap}
              onChange={(e) => set({ perUnit: e.target.value as Unit })} // the options are UNITS
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {t.unitLabels[u]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {tried && problems.length > 0 ? (
          <ul className="field-error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {readOnly ? t.close : t.cancel}
          </button>
          {readOnly ? null : (
            <button type="submit" className="button button-primary">
              {t.save}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
