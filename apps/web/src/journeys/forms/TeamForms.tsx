import { useEffect, useId, useState } from "react";
import { SelectField, type StepFormProps, TextField } from "./fields.tsx";
import { type SetRow, setFromRows, setRows, tagList, tagText } from "./form-values.ts";
import { moreStrings as m } from "./more-form-strings.ts";
import { MemberPicker } from "./pickers/MemberPicker.tsx";
import "./forms.css";
import "./more-forms.css";

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** `data` with `key` set to `value`, or without `key` when `value` is empty. */
function setOptional(data: Record<string, unknown>, key: string, value: unknown) {
  const { [key]: _old, ...rest } = data;
  return value === "" || value === undefined ? rest : { ...rest, [key]: value };
}

/** A labelled multi-line text input. */
function TextArea({
  label,
  value,
  hint,
  rows = 3,
  onChange,
}: {
  label: string;
  value: unknown;
  hint?: string;
  rows?: number;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        value={str(value)}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

/** "Notify a manager": a task or an email, to whom, and what it says. */
export function NotifyManagerForm({ data, onChange }: StepFormProps) {
  const via = data.via === "email" ? "email" : "task";
  return (
    <>
      <SelectField
        label={m.via}
        value={via}
        options={(["task", "email"] as const).map((value) => ({
          value,
          label: m.viaChoices[value],
        }))}
        onChange={(next) => onChange({ ...data, via: next })}
      />
      <TextArea
        label={m.message}
        value={data.message}
        hint={m.messageHint}
        onChange={(message) => onChange({ ...data, via, message })}
      />
      <MemberPicker
        value={str(data.assignee)}
        onChange={(assignee) => onChange(setOptional(data, "assignee", assignee))}
      />
    </>
  );
}

/** Tags typed with commas; the text is kept as typed so "vip, " survives until the next tag. */
function TagsField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: unknown;
  onChange(tags: string[]): void;
}) {
  const [text, setText] = useState(() => tagText(value));
  const incoming = tagText(value);
  // Undo or the JSON settings changed the tags: show theirs (typing never differs from them).
  useEffect(() => {
    setText((shown) => (tagText(tagList(shown)) === incoming ? shown : incoming));
  }, [incoming]);
  return (
    <TextField
      label={label}
      value={text}
      hint={m.tagsHint}
      placeholder="vip, banquet"
      onChange={(next) => {
        setText(next);
        onChange(tagList(next));
      }}
    />
  );
}

/** "Update contact": fields to set as name/value rows, tags to add or remove, points to add. */
export function UpdateContactForm({ data, onChange }: StepFormProps) {
  const [rows, setRowState] = useState<SetRow[]>(() => setRows(data.set));
  const incoming = JSON.stringify(data.set ?? {});
  // Undo or the JSON settings changed the fields: show theirs (half-typed rows never differ).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change from outside matters.
  useEffect(() => {
    setRowState((shown) =>
      JSON.stringify(setFromRows(shown, data.set)) === incoming ? shown : setRows(data.set),
    );
  }, [incoming]);
  const writeRows = (next: SetRow[]) => {
    setRowState(next);
    onChange({ ...data, set: setFromRows(next, data.set) });
  };
  const points = typeof data.addPoints === "number" ? data.addPoints : 0;
  return (
    <>
      <fieldset className="fieldset">
        <legend>{m.setFields}</legend>
        {rows.map((row, i) => (
          <div className="set-field-row" key={row.key}>
            <TextField
              label={m.fieldName(i + 1)}
              value={row.name}
              placeholder="plan"
              onChange={(name) => writeRows(rows.map((r) => (r === row ? { ...r, name } : r)))}
            />
            <TextField
              label={m.fieldValue(i + 1)}
              value={row.value}
              onChange={(value) => writeRows(rows.map((r) => (r === row ? { ...r, value } : r)))}
            />
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={m.removeField(i + 1)}
              onClick={() => writeRows(rows.filter((r) => r !== row))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            setRowState([
              ...rows,
              { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, name: "", value: "" },
            ])
          }
        >
          {m.addField}
        </button>
      </fieldset>
      <TagsField
        label={m.addTags}
        value={data.addTags}
        onChange={(addTags) => onChange({ ...data, addTags })}
      />
      <TagsField
        label={m.removeTags}
        value={data.removeTags}
        onChange={(removeTags) => onChange({ ...data, removeTags })}
      />
      <TextField
        label={m.addPoints}
        value={points === 0 ? "" : String(points)}
        placeholder="0"
        inputMode="numeric"
        hint={m.addPointsHint}
        onChange={(text) => onChange({ ...data, addPoints: Number(text) || 0 })}
      />
    </>
  );
}

/** "Call a webhook": the address, method, optional body, and whether to wait for the reply. */
export function WebhookForm({ data, onChange }: StepFormProps) {
  const method = data.method === "PUT" || data.method === "GET" ? data.method : "POST";
  const awaits = data.awaitResponse === true;
  return (
    <>
      <TextField
        label={m.url}
        value={data.url}
        placeholder="https://example.com/hooks/voronka"
        onChange={(url) => onChange({ ...data, url: url.trim() })}
      />
      <SelectField
        label={m.method}
        value={method}
        options={["POST", "PUT", "GET"].map((value) => ({ value, label: value }))}
        onChange={(next) => onChange({ ...data, method: next })}
      />
      {method !== "GET" ? (
        <TextArea
          label={m.body}
          value={data.body}
          hint={m.bodyHint}
          rows={4}
          onChange={(body) => onChange(setOptional(data, "body", body))}
        />
      ) : null}
      <label className="form-check">
        <input
          type="checkbox"
          checked={awaits}
          onChange={(e) =>
            onChange(
              e.target.checked
                ? { ...data, awaitResponse: true }
                : setOptional({ ...data, awaitResponse: false }, "saveAs", ""),
            )
          }
        />
        {m.awaitResponse}
      </label>
      {awaits ? (
        <TextField
          label={m.saveResponseAs}
          value={data.saveAs}
          placeholder="crmReply"
          onChange={(saveAs) => onChange(setOptional(data, "saveAs", saveAs.trim()))}
        />
      ) : null}
    </>
  );
}
