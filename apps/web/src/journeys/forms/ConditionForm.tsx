import { ConditionBuilder } from "./condition/ConditionBuilder.tsx";
import { asCondition } from "./condition/model.ts";
import type { StepFormProps } from "./fields.tsx";
import { formStrings as f } from "./form-strings.ts";

/**
 * "If / else": rules about the contact (fields, events done, funnel stage, consent, email
 * engagement) and about the event that started the journey, grouped with all / any.
 */
export function ConditionForm({ data, onChange }: StepFormProps) {
  return (
    <ConditionBuilder
      label={f.conditionTitle}
      value={asCondition(data.condition)}
      onChange={(condition) => {
        const { condition: _old, ...rest } = data;
        onChange(condition ? { ...rest, condition } : rest);
      }}
    />
  );
}
