import { panelStrings as t } from "../strings.ts";
import { isObject, SelectField, TextField } from "./fields.tsx";

const UNITS = (["minutes", "hours", "days", "weeks"] as const).map((u) => ({
  value: u,
  label: t.units[u],
}));

/** A duration as amount + unit, e.g. 3 days. */
export function DurationFields({
  value,
  onChange,
}: {
  value: unknown;
  onChange(value: { amount: number; unit: string }): void;
}) {
  const d = isObject(value) ? value : {};
  const amount = typeof d.amount === "number" ? d.amount : 1;
  const unit = typeof d.unit === "string" ? d.unit : "days";
  return (
    <div className="form-row">
      <TextField
        label={t.amount}
        value={String(amount)}
        onChange={(text) => onChange({ amount: Number(text) || 0, unit })}
      />
      <SelectField
        label={t.unit}
        value={unit}
        options={UNITS}
        onChange={(next) => onChange({ amount, unit: next })}
      />
    </div>
  );
}
