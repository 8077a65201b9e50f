import type { Draft } from "./draft.ts";
import { moveRow, SITE_TEXT } from "./form-fields.ts";
import { leadStrings as t } from "./strings.ts";

interface Props {
  draft: Draft;
  onChange(next: Draft): void;
}

/** The web form's fields (shown, in order) and its texts. */
export function FormSettings({ draft, onChange }: Props) {
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t.formFields}</legend>
        <p className="field-hint">{t.formFieldsHint}</p>
        <ol className="lead-fields">
          {draft.rows.map((row, index) => {
            const label = t.fields[row.field] ?? row.field;
            return (
              <li key={row.field} className="lead-field-row">
                <label className="lead-field-check">
                  <input
                    type="checkbox"
                    checked={row.shown}
                    onChange={(e) =>
                      set(
                        "rows",
                        draft.rows.map((r, i) =>
                          i === index ? { ...r, shown: e.target.checked } : r,
                        ),
                      )
                    }
                  />
                  <span>{label}</span>
                </label>
                <input
                  className="input lead-field-label"
                  aria-label={t.fieldLabel(label)}
                  maxLength={60}
                  placeholder={SITE_TEXT.labels[row.field]}
                  value={draft.labels[row.field]}
                  onChange={(e) => set("labels", { ...draft.labels, [row.field]: e.target.value })}
                />
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t.moveUp(label)}
                  disabled={index === 0}
                  onClick={() => set("rows", moveRow(draft.rows, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t.moveDown(label)}
                  disabled={index === draft.rows.length - 1}
                  onClick={() => set("rows", moveRow(draft.rows, index, 1))}
                >
                  ↓
                </button>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <div className="field">
        <label htmlFor="lead-form-title">{t.heading}</label>
        <input
          id="lead-form-title"
          className="input"
          maxLength={200}
          value={draft.title}
          onChange={(e) => set("title", e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="lead-form-button">{t.buttonText}</label>
        <input
          id="lead-form-button"
          className="input"
          maxLength={60}
          placeholder="Send"
          value={draft.buttonText}
          onChange={(e) => set("buttonText", e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="lead-form-thanks">{t.thankYou}</label>
        <textarea
          id="lead-form-thanks"
          className="input textarea"
          rows={2}
          maxLength={1000}
          placeholder="Thank you! We will be in touch soon."
          value={draft.thankYouText}
          onChange={(e) => set("thankYouText", e.target.value)}
        />
        <span className="field-hint">{t.thankYouHint}</span>
      </div>
      <div className="field">
        <label htmlFor="lead-form-redirect">{t.redirectUrl}</label>
        <input
          id="lead-form-redirect"
          className="input"
          type="url"
          placeholder="https://"
          maxLength={2000}
          value={draft.redirectUrl}
          onChange={(e) => set("redirectUrl", e.target.value)}
        />
        <span className="field-hint">{t.redirectHint}</span>
      </div>
    </>
  );
}
