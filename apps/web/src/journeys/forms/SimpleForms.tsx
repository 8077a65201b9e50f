import { panelStrings as t } from "../strings.ts";
import { isObject, SelectField, type StepFormProps, TextField } from "./fields.tsx";

const UNITS = (["minutes", "hours", "days", "weeks"] as const).map((u) => ({
  value: u,
  label: t.units[u],
}));

/** "Event performed": which event starts the journey. */
export function TriggerEventForm({ data, onChange }: StepFormProps) {
  return (
    <TextField
      label={t.eventName}
      value={data.event}
      hint={t.eventNameHint}
      placeholder="cart_abandoned"
      onChange={(event) => onChange({ ...data, event: event.trim() })}
    />
  );
}

/** A duration as amount + unit, e.g. 3 days. */
function DurationFields({
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
      <TextField
        label={t.eventName}
        value={data.event}
        hint={t.eventNameHint}
        onChange={(event) => onChange({ ...data, event: event.trim() })}
      />
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

/** "Send email": template and optional subject. */
export function SendEmailForm({ data, onChange }: StepFormProps) {
  return (
    <>
      <TextField
        label={t.templateId}
        value={data.templateId}
        hint={t.templateHint}
        placeholder="welcome"
        onChange={(templateId) => onChange({ ...data, templateId: templateId.trim() })}
      />
      <TextField
        label={t.subject}
        value={data.subject}
        hint={t.subjectHint}
        onChange={(subject) => {
          const { subject: _old, ...rest } = data;
          onChange(subject ? { ...rest, subject } : rest);
        }}
      />
    </>
  );
}

/** "Goal": a name and the event that counts as reaching it. */
export function GoalForm({ data, onChange }: StepFormProps) {
  const event = isObject(data.event) ? data.event : {};
  return (
    <>
      <TextField
        label={t.goalName}
        value={data.name}
        onChange={(name) => onChange({ ...data, name })}
      />
      <TextField
        label={t.goalEvent}
        value={event.event}
        placeholder={t.goalEventHint}
        onChange={(name) => onChange({ ...data, event: { ...event, event: name.trim() } })}
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
