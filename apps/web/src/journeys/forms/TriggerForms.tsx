import { LeadChannel } from "@voronka/journey";
import { useId } from "react";
import { ConditionBuilder } from "./condition/ConditionBuilder.tsx";
import { asCondition } from "./condition/model.ts";
import { DurationFields } from "./DurationFields.tsx";
import { isObject, SelectField, type StepFormProps, TextField } from "./fields.tsx";
import { type DateSide, dateOffset, dateSide } from "./form-values.ts";
import { moreStrings as m } from "./more-form-strings.ts";
import "./forms.css";

const SIDES: readonly DateSide[] = ["before", "on", "after"];
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** "Lead captured": the channels the lead may come from; none ticked means any. */
export function TriggerLeadForm({ data, onChange }: StepFormProps) {
  const chosen = new Set(Array.isArray(data.channels) ? data.channels : []);
  const toggle = (channel: string, on: boolean) =>
    onChange({
      ...data,
      channels: LeadChannel.options.filter((c) => (c === channel ? on : chosen.has(c))),
    });
  return (
    <fieldset className="fieldset">
      <legend>{m.leadChannels}</legend>
      {LeadChannel.options.map((channel) => (
        <label key={channel} className="form-check">
          <input
            type="checkbox"
            checked={chosen.has(channel)}
            onChange={(e) => toggle(channel, e.target.checked)}
          />
          {m.channels[channel] ?? channel}
        </label>
      ))}
      <span className="field-hint">{m.leadChannelsHint}</span>
    </fieldset>
  );
}

/** "Contact field changed": which field, and optionally what the new value must be. */
export function TriggerAttributeForm({ data, onChange }: StepFormProps) {
  return (
    <>
      <TextField
        label={m.field}
        value={data.attribute}
        placeholder="plan"
        hint={m.fieldHint}
        onChange={(attribute) => onChange({ ...data, attribute: attribute.trim() })}
      />
      <ConditionBuilder
        label={m.attributeFilter}
        value={asCondition(data.filter)}
        emptyText={m.attributeFilterEmpty}
        onChange={(filter) => {
          const { filter: _old, ...rest } = data;
          onChange(filter ? { ...rest, filter } : rest);
        }}
      />
    </>
  );
}

/** "Date comes round": the date field, how long before or after it, the hour, yearly or once. */
export function TriggerDateForm({ data, onChange }: StepFormProps) {
  const atId = useId();
  const offset = isObject(data.offset) ? data.offset : {};
  const amount = typeof offset.amount === "number" ? offset.amount : 0;
  const unit = typeof offset.unit === "string" ? offset.unit : "days";
  const when = dateSide(amount);
  const setOffset = (side: DateSide, size: number, nextUnit: string) =>
    onChange({ ...data, offset: dateOffset(side, size, nextUnit) });
  return (
    <>
      <TextField
        label={m.dateField}
        value={data.attribute}
        placeholder="birthday"
        hint={m.dateFieldHint}
        onChange={(attribute) => onChange({ ...data, attribute: attribute.trim() })}
      />
      <SelectField
        label={m.when}
        value={when}
        options={SIDES.map((value) => ({
          value,
          label: m.whenChoices[value],
        }))}
        onChange={(next) => setOffset(SIDES.find((side) => side === next) ?? "on", amount, unit)}
      />
      {when !== "on" ? (
        <DurationFields
          value={{ amount: Math.abs(amount), unit }}
          onChange={(d) => setOffset(when, d.amount, d.unit)}
        />
      ) : null}
      <div className="field">
        <label htmlFor={atId}>{m.at}</label>
        <input
          id={atId}
          className="input"
          type="time"
          value={str(data.at) || "09:00"}
          onChange={(e) => onChange({ ...data, at: e.target.value || "09:00" })}
        />
      </div>
      <label className="form-check">
        <input
          type="checkbox"
          checked={data.yearly === true}
          onChange={(e) => onChange({ ...data, yearly: e.target.checked })}
        />
        {m.yearly}
      </label>
    </>
  );
}

/** "Entered a segment": there is no segments list yet, so the name is typed. */
export function TriggerSegmentForm({ data, onChange }: StepFormProps) {
  return (
    <TextField
      label={m.segment}
      value={data.segment}
      placeholder="vip"
      hint={m.segmentHint}
      onChange={(segment) => onChange({ ...data, segment: segment.trim() })}
    />
  );
}

/** "Added by hand": nothing to set, only how contacts get in. */
export function TriggerManualForm() {
  return <p className="form-note">{m.manual}</p>;
}
