import type { Condition } from "@voronka/journey";
import { panelStrings as t } from "../strings.ts";
import { ConditionBuilder } from "./condition/ConditionBuilder.tsx";
import { asCondition } from "./condition/model.ts";
import { DurationFields } from "./DurationFields.tsx";
import { isObject, type StepFormProps, TextField } from "./fields.tsx";
import { formStrings as f } from "./form-strings.ts";
import { EventNameField } from "./pickers/EventNameField.tsx";

/** `data` with `filter` set, or without it when the builder has no rules. */
function withFilter(data: Record<string, unknown>, filter: Condition | undefined) {
  const { filter: _old, ...rest } = data;
  return filter ? { ...rest, filter } : rest;
}

/** Which event, and optionally which of its properties must match (e.g. cartValue > 0). */
function EventMatchFields({
  data,
  onChange,
  filterLabel,
  eventLabel = t.eventName,
  placeholder,
}: StepFormProps & { filterLabel: string; eventLabel?: string; placeholder?: string }) {
  return (
    <>
      <EventNameField
        label={eventLabel}
        value={data.event}
        hint={t.eventNameHint}
        placeholder={placeholder}
        onChange={(event) => onChange({ ...data, event })}
      />
      <ConditionBuilder
        label={filterLabel}
        value={asCondition(data.filter)}
        defaultKind="property"
        emptyText={f.filterEmpty}
        onChange={(filter) => onChange(withFilter(data, filter))}
      />
    </>
  );
}

/** "Event performed": which event starts the journey. */
export function TriggerEventForm({ data, onChange }: StepFormProps) {
  return (
    <EventMatchFields
      data={data}
      onChange={onChange}
      filterLabel={f.filter}
      placeholder="cart_abandoned"
    />
  );
}

/** "Wait": a fixed time in human terms; other modes fall back to the JSON settings. */
export function WaitForm({ data, onChange }: StepFormProps) {
  if (data.mode !== "duration") {
    return (
      <div className="form-note">
        <p className="muted small">{t.waitOther}</p>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange({ mode: "duration", duration: { amount: 1, unit: "days" } })}
        >
          {t.waitUseDuration}
        </button>
      </div>
    );
  }
  return (
    <fieldset className="fieldset">
      <legend>{t.waitFor}</legend>
      <DurationFields
        value={data.duration}
        onChange={(duration) => onChange({ ...data, duration })}
      />
    </fieldset>
  );
}

/** "Wait for event": the event and how long to wait before taking the timeout path. */
export function WaitForEventForm({ data, onChange }: StepFormProps) {
  return (
    <>
      <EventMatchFields data={data} onChange={onChange} filterLabel={f.filter} />
      <fieldset className="fieldset">
        <legend>{t.giveUpAfter}</legend>
        <DurationFields
          value={data.timeout}
          onChange={(timeout) => onChange({ ...data, timeout })}
        />
      </fieldset>
    </>
  );
}

/** "Goal": a name and the event that counts as reaching it. */
export function GoalForm({ data, onChange }: StepFormProps) {
  const event = isObject(data.event) ? data.event : {};
  const setEvent = (next: Record<string, unknown>) => {
    const { event: _old, ...rest } = data;
    // No event name and no filter: the goal has no event, rather than an empty one.
    onChange(next.event || next.filter ? { ...rest, event: next } : rest);
  };
  return (
    <>
      <TextField
        label={t.goalName}
        value={data.name}
        onChange={(name) => onChange({ ...data, name })}
      />
      <EventMatchFields
        data={event}
        onChange={setEvent}
        filterLabel={f.goalFilter}
        eventLabel={t.goalEvent}
        placeholder="order_completed"
      />
    </>
  );
}

/** "Exit": an optional reason for reports. */
export function ExitForm({ data, onChange }: StepFormProps) {
  return (
    <TextField
      label={t.exitReason}
      value={data.reason}
      hint={t.exitReasonHint}
      onChange={(reason) => onChange(reason ? { ...data, reason } : {})}
    />
  );
}
