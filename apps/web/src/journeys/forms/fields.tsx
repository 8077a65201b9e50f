import { type ReactNode, useId } from "react";

interface TextFieldProps {
  label: string;
  value: unknown;
  onChange(value: string): void;
  hint?: ReactNode;
  placeholder?: string;
  /** Id of a `<datalist>` with suggestions (typing anything else stays possible). */
  list?: string;
  /** Marks the input as still missing something. */
  invalid?: boolean;
  inputMode?: "numeric" | "decimal";
}

/** A labelled one-line text input with an optional hint under it. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  placeholder,
  list,
  invalid,
  inputMode,
}: TextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={typeof value === "string" || typeof value === "number" ? value : ""}
        placeholder={placeholder}
        list={list}
        inputMode={inputMode}
        aria-invalid={invalid || undefined}
        autoComplete={list ? "off" : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  placeholder?: string;
}

/** A labelled select; `placeholder` adds an empty first choice. */
export function SelectField({ label, value, options, onChange, placeholder }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A form for one step kind: the step's `data` in, a whole new `data` out. */
export interface StepFormProps {
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
}
