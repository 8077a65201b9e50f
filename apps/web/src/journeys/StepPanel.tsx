import type { Violation } from "@voronka/journey";
import type { ComponentType } from "react";
import { PromoCodeForm, SendEmailForm, SendMessageForm } from "./forms/ActionForms.tsx";
import { AudienceForm } from "./forms/AudienceForm.tsx";
import { ConditionForm } from "./forms/ConditionForm.tsx";
import { MarkLostForm, TriggerStageForm } from "./forms/FunnelForms.tsx";
import type { StepFormProps } from "./forms/fields.tsx";
import { JsonSettings } from "./forms/JsonSettings.tsx";
import { MoveStageForm } from "./forms/MoveStageForm.tsx";
import {
  ExitForm,
  GoalForm,
  TriggerEventForm,
  WaitForEventForm,
  WaitForm,
} from "./forms/SimpleForms.tsx";
import { SplitForm } from "./forms/SplitForm.tsx";
import { NotifyManagerForm, UpdateContactForm, WebhookForm } from "./forms/TeamForms.tsx";
import {
  TriggerAttributeForm,
  TriggerDateForm,
  TriggerLeadForm,
  TriggerManualForm,
  TriggerSegmentForm,
} from "./forms/TriggerForms.tsx";
import { type StepData, type StepNode, stepType } from "./graph.ts";
import { stepDescription, stepLabel } from "./step-text.ts";
import { panelStrings as t } from "./strings.ts";
import { violationText } from "./violation-text.ts";

/** Step kinds with a plain-language form; the rest get the JSON settings only. */
const FORMS: Partial<Record<string, ComponentType<StepFormProps>>> = {
  "trigger-event": TriggerEventForm,
  "trigger-lead": TriggerLeadForm,
  "trigger-stage": TriggerStageForm,
  "trigger-attribute": TriggerAttributeForm,
  "trigger-date": TriggerDateForm,
  "trigger-segment": TriggerSegmentForm,
  "trigger-manual": TriggerManualForm,
  wait: WaitForm,
  "wait-for-event": WaitForEventForm,
  condition: ConditionForm,
  split: SplitForm,
  "send-email": SendEmailForm,
  "send-message": SendMessageForm,
  "promo-code": PromoCodeForm,
  "move-stage": MoveStageForm,
  "mark-lost": MarkLostForm,
  audience: AudienceForm,
  "update-contact": UpdateContactForm,
  webhook: WebhookForm,
  "notify-manager": NotifyManagerForm,
  goal: GoalForm,
  exit: ExitForm,
};

interface Props {
  node: StepNode | null;
  /** How many steps are selected (the form shows for exactly one). */
  selectedCount: number;
  /** A published version is shown: settings can be read, not changed. */
  readOnly: boolean;
  problems: readonly Violation[];
  onChange(nodeId: string, data: StepData): void;
  onDelete(nodeId: string): void;
}

/** The selected step's settings, its problems, and a way to delete it. */
export function StepPanel({ node, selectedCount, readOnly, problems, onChange, onDelete }: Props) {
  if (!node || selectedCount > 1) {
    return (
      <section className="step-panel" aria-label={t.title}>
        <h2 className="panel-title">{t.title}</h2>
        <p className="muted small">
          {selectedCount > 1 ? t.selectedMany(selectedCount) : t.nothingSelected}
        </p>
      </section>
    );
  }
  const type = stepType(node);
  const Form = FORMS[type];
  const change = (data: StepData) => onChange(node.id, data);

  return (
    <section className="step-panel" aria-label={t.title}>
      <h2 className="panel-title">{stepLabel(type)}</h2>
      <p className="muted small">{stepDescription(type)}</p>
      {problems.length > 0 ? (
        <ul className="panel-problems">
          {problems.map((p) => (
            <li key={`${p.code}:${p.path ?? ""}:${p.message}`}>{violationText(p)}</li>
          ))}
        </ul>
      ) : null}
      {/* Keyed by node so a form's local state never leaks from one step into another. */}
      <fieldset className="form panel-form" key={node.id} disabled={readOnly}>
        {Form ? <Form data={node.data} onChange={change} /> : null}
        <JsonSettings key={node.id} data={node.data} onChange={change} open={!Form} />
      </fieldset>
      {readOnly ? null : (
        <div className="panel-footer">
          <button
            type="button"
            className="button button-small button-danger-ghost"
            onClick={() => onDelete(node.id)}
          >
            {t.delete}
          </button>
          <span className="muted small">{t.deleteHint}</span>
        </div>
      )}
    </section>
  );
}
