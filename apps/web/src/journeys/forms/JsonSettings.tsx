import { useEffect, useId, useState } from "react";
import { panelStrings as t } from "../strings.ts";
import { isObject, type StepFormProps } from "./fields.tsx";

/** The step's settings as JSON, for kinds without a form yet (and for the odd extra field). */
export function JsonSettings({ data, onChange, open }: StepFormProps & { open: boolean }) {
  const id = useId();
  const current = JSON.stringify(data, null, 2);
  const [text, setText] = useState(current);
  const [bad, setBad] = useState(false);

  // The form above may change the data; show it unless the marketer is mid-edit of bad JSON.
  useEffect(() => {
    if (!bad) setText(current);
  }, [current, bad]);

  return (
    <details className="json-settings" open={open}>
      <summary>{t.advanced}</summary>
      {open ? <p className="field-hint">{t.advancedHint}</p> : null}
      <label htmlFor={id} className="visually-hidden">
        {t.advanced}
      </label>
      <textarea
        id={id}
        className="input textarea json-textarea"
        spellCheck={false}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (!isObject(parsed)) throw new Error("not an object");
            setBad(false);
            onChange(parsed);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad ? <p className="field-error">{t.badJson}</p> : null}
    </details>
  );
}
