import { panelStrings as t } from "../strings.ts";
import { isObject, SelectField, type StepFormProps, TextField } from "./fields.tsx";

const OPS = Object.entries(t.ops).map(([value, label]) => ({ value, label }));
const UNARY = new Set(["exists", "not-exists"]);

/** A number when the marketer typed one, so `guests at least 50` compares numbers. */
function parseValue(text: string): string | number {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

/**
 * "If / else" with one rule on a contact field. Conditions built elsewhere (groups, events)
 * are left alone and edited in the advanced settings.
 */
export function ConditionForm({ data, onChange }: StepFormProps) {
  const rule = isObject(data.condition) ? data.condition : {};
  if (rule.kind !== "attribute") return <p className="muted small">{t.ruleComplex}</p>;
  const op = typeof rule.op === "string" ? rule.op : "eq";
  const set = (patch: Record<string, unknown>) => {
    const next = { ...rule, ...patch };
    if (UNARY.has(String(next.op))) delete next.value;
    onChange({ ...data, condition: next });
  };
  return (
    <fieldset className="fieldset">
      <legend>{t.ruleIntro}</legend>
      <TextField
        label={t.ruleAttribute}
        value={rule.attribute}
        placeholder="plan"
        onChange={(attribute) => set({ attribute: attribute.trim() })}
      />
      <SelectField
        label={t.ruleOp}
        value={op}
        options={OPS}
        onChange={(next) => set({ op: next })}
      />
      {UNARY.has(op) ? null : (
        <TextField
          label={t.ruleValue}
          value={rule.value === undefined || rule.value === null ? "" : String(rule.value)}
          placeholder="pro"
          onChange={(value) => set({ value: parseValue(value) })}
        />
      )}
    </fieldset>
  );
}
