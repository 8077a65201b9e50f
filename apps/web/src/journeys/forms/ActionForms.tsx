import { SendChannel } from "@voronka/journey";
import { useId } from "react";
import { panelStrings as t } from "../strings.ts";
import { DurationFields } from "./DurationFields.tsx";
import { SelectField, type StepFormProps, TextField } from "./fields.tsx";
import { formStrings as f } from "./form-strings.ts";
import "./forms.css";
import { TemplateGlance } from "./pickers/TemplateGlance.tsx";
import { TemplatePicker } from "./pickers/TemplatePicker.tsx";

/** `data` with `key` set to `value`, or without `key` when `value` is empty. */
function setOptional(data: Record<string, unknown>, key: string, value: unknown) {
  const { [key]: _old, ...rest } = data;
  return value === "" || value === undefined ? rest : { ...rest, [key]: value };
}

/** "Send email": template and optional subject. */
export function SendEmailForm({ data, onChange }: StepFormProps) {
  return (
    <>
      <TemplatePicker
        value={typeof data.templateId === "string" ? data.templateId : ""}
        onChange={(templateId) => onChange({ ...data, templateId })}
      />
      <TextField
        label={t.subject}
        value={data.subject}
        hint={t.subjectHint}
        onChange={(subject) => onChange(setOptional(data, "subject", subject))}
      />
      <TemplateGlance
        value={typeof data.templateId === "string" ? data.templateId : ""}
        subject={typeof data.subject === "string" ? data.subject : ""}
      />
    </>
  );
}

/** "Send SMS or message": the channel and the text (WhatsApp: an approved template). */
export function SendMessageForm({ data, onChange }: StepFormProps) {
  const textId = useId();
  const channel = typeof data.channel === "string" ? data.channel : "";
  return (
    <>
      <SelectField
        label={f.channel}
        value={channel}
        placeholder={channel ? undefined : f.pickChannel}
        options={SendChannel.options.map((value) => ({ value, label: f.channels[value] }))}
        onChange={(next) => onChange({ ...data, channel: next })}
      />
      <div className="field">
        <label htmlFor={textId}>{f.messageText}</label>
        <textarea
          id={textId}
          className="input textarea"
          rows={3}
          value={typeof data.text === "string" ? data.text : ""}
          onChange={(e) => onChange(setOptional(data, "text", e.target.value))}
        />
        <span className="field-hint">{f.messageTextHint}</span>
      </div>
      {channel === "whatsapp" || typeof data.templateId === "string" ? (
        <TextField
          label={f.messageTemplate}
          value={data.templateId}
          hint={f.messageTemplateHint}
          onChange={(id) => onChange(setOptional(data, "templateId", id.trim()))}
        />
      ) : null}
    </>
  );
}

/** "Issue promo code": the discount, how long the code lasts and the name it is kept under. */
export function PromoCodeForm({ data, onChange }: StepFormProps) {
  const expires = data.validFor !== undefined;
  return (
    <>
      <TextField
        label={f.discount}
        value={typeof data.discountPercent === "number" ? String(data.discountPercent) : ""}
        inputMode="decimal"
        placeholder="10"
        onChange={(text) =>
          onChange(setOptional(data, "discountPercent", text.trim() ? Number(text) : undefined))
        }
      />
      <label className="form-check">
        <input
          type="checkbox"
          checked={expires}
          onChange={(e) =>
            onChange(
              setOptional(data, "validFor", e.target.checked ? { amount: 7, unit: "days" } : ""),
            )
          }
        />
        {f.expires}
      </label>
      {expires ? (
        <fieldset className="fieldset">
          <legend>{f.validFor}</legend>
          <DurationFields
            value={data.validFor}
            onChange={(validFor) => onChange({ ...data, validFor })}
          />
        </fieldset>
      ) : null}
      <TextField
        label={f.saveAs}
        value={data.saveAs}
        placeholder="promoCode"
        hint={f.saveAsHint}
        onChange={(saveAs) => onChange(setOptional(data, "saveAs", saveAs.trim()))}
      />
    </>
  );
}
