import { Channel, CompareOp, CountOp, DurationUnit, EngagementAction } from "@voronka/journey";
import { SelectField, TextField } from "../fields.tsx";
import { EventNameField } from "../pickers/EventNameField.tsx";
import type { RuleRow, Window } from "./model.ts";
import { conditionStrings as t } from "./strings.ts";

/** The option among `options` that `value` names (select values are plain strings). */
function pick<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((o) => o === value);
}

const choices = <T extends string>(options: readonly T[], labels: Record<T, string>) =>
  options.map((value) => ({ value, label: labels[value] }));

const COMPARE = choices(CompareOp.options, t.ops);
const COUNT = choices(CountOp.options, t.countOps);
const CHANNELS = choices(Channel.options, t.channels);
/** "Opened an email", "Did not open an email"…: the action and did / did not in one choice. */
const ENGAGEMENTS = (["did", "did-not"] as const).flatMap((op) =>
  EngagementAction.options.map((action) => ({
    value: `${op}|${action}`,
    label: t.engagements[op][action],
    op,
    action,
  })),
);
const UNITS = [{ value: "", label: t.ever }, ...choices(DurationUnit.options, t.units)];

/** "In the last 7 days" — or "ever" when no unit is chosen. */
function WindowFields({
  value,
  invalid,
  onChange,
}: {
  value: Window;
  invalid: boolean;
  onChange(w: Window): void;
}) {
  const unit = (
    <SelectField
      label={t.unit}
      value={value.unit}
      options={UNITS}
      onChange={(next) =>
        onChange({ amount: value.amount || "7", unit: pick(DurationUnit.options, next) ?? "" })
      }
    />
  );
  return (
    <fieldset className="cond-window">
      <legend>{t.within}</legend>
      {value.unit === "" ? (
        unit
      ) : (
        <div className="form-row">
          <TextField
            label={t.amount}
            value={value.amount}
            inputMode="decimal"
            invalid={invalid}
            onChange={(amount) => onChange({ ...value, amount })}
          />
          {unit}
        </div>
      )}
    </fieldset>
  );
}

interface Props<R extends RuleRow> {
  row: R;
  missing: readonly string[];
  onChange(row: R): void;
}

/** The fields of one rule, by its kind (stage rules have their own component). */
export function RuleFields({ row, missing, onChange }: Props<RuleRow>) {
  const has = (field: string) => missing.includes(field);
  switch (row.kind) {
    case "attribute":
    case "property": {
      const list = row.op === "in" || row.op === "not-in";
      return (
        <>
          <TextField
            label={row.kind === "attribute" ? t.field : t.property}
            value={row.field}
            placeholder={row.kind === "attribute" ? "plan" : "cartValue"}
            invalid={has("field")}
            onChange={(field) => onChange({ ...row, field })}
          />
          <SelectField
            label={t.op}
            value={row.op}
            options={COMPARE}
            onChange={(op) => onChange({ ...row, op: pick(CompareOp.options, op) ?? row.op })}
          />
          {row.op === "exists" || row.op === "not-exists" ? null : (
            <TextField
              label={t.value}
              value={row.value}
              hint={list ? t.valueListHint : undefined}
              invalid={has("value")}
              onChange={(value) => onChange({ ...row, value })}
            />
          )}
        </>
      );
    }
    case "event":
      return (
        <>
          <EventNameField
            label={t.eventName}
            value={row.event}
            placeholder="order_completed"
            invalid={has("event")}
            onChange={(event) => onChange({ ...row, event })}
          />
          <div className="form-row">
            <SelectField
              label={t.countOp}
              value={row.op}
              options={COUNT}
              onChange={(op) => onChange({ ...row, op: pick(CountOp.options, op) ?? row.op })}
            />
            <TextField
              label={t.count}
              value={row.count}
              inputMode="numeric"
              invalid={has("count")}
              onChange={(count) => onChange({ ...row, count })}
            />
          </div>
          <WindowFields
            value={row.within}
            invalid={has("within")}
            onChange={(within) => onChange({ ...row, within })}
          />
        </>
      );
    case "consent":
      return (
        <SelectField
          label={t.consentText}
          value={row.channel}
          options={CHANNELS}
          onChange={(c) => onChange({ ...row, channel: pick(Channel.options, c) ?? row.channel })}
        />
      );
    case "engagement":
      return (
        <>
          <SelectField
            label={t.engagement}
            value={`${row.op}|${row.action}`}
            options={ENGAGEMENTS}
            onChange={(value) => {
              const next = ENGAGEMENTS.find((e) => e.value === value);
              if (next) onChange({ ...row, op: next.op, action: next.action });
            }}
          />
          <WindowFields
            value={row.within}
            invalid={has("within")}
            onChange={(within) => onChange({ ...row, within })}
          />
        </>
      );
    case "stage":
    case "kept":
      return null;
  }
}
