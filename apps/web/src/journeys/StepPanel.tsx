import type { Violation } from "@voronka/journey";
import type { ComponentType } from "react";
import { ConditionForm } from "./forms/ConditionForm.tsx";
import type { StepFormProps } from "./forms/fields.tsx";
import { JsonSettings } from "./forms/JsonSettings.tsx";
import { MoveStageForm } from "./forms/MoveStageForm.tsx";
import {
  ExitForm,
  GoalForm,
  SendEmailForm,
  TriggerEventForm,
  WaitForEventForm,
  WaitForm,
} from "./forms/SimpleForms.tsx";
import { SplitForm } from "./forms/SplitForm.tsx";
import { catalogueEntry, type StepData, type StepNode, stepType } from "./graph.ts";
import { panelStrings as t } from "./strings.ts";

/** Step kinds with a plain-language form; the rest get the JSON settings only. */
const FORMS: Partial<Record<string, ComponentType<StepFormProps>>> = {
  "trigger-event": TriggerEventForm,
  wait: WaitForm,
  "wait-for-event": WaitForEventForm,
  condition: ConditionForm,
  split: SplitForm,
  "send-email": SendEmailForm,
  "move-stage": MoveStageForm,
  goal: GoalForm,
  exit: ExitForm,
};

interface Props {
  node: StepNode | null;
  problems: readonly Violation[];
  onChange(nodeId: string, data: StepData): void;
  onDelete(nodeId: string): void;
}

/** The selected step's settings, its problems, and a way to delete it. */
export function StepPanel({ node, problems, onChange, onDelete }: Props) {
  if (!node) {
    return (
      <section className="step-panel" aria-label={t.title}>
        <h2 className="panel-title">{t.title}</h2>
        <p className="muted small">{t.nothingSelected}</p>
      </section>
    );
  }
  const type = stepType(node);
  const entry = catalogueEntry(type);
  const Form = FORMS[type];
  const change = (data: StepData) => onChange(node.id, data);

  return (
    <section className="step-panel" aria-label={t.title}>
      <h2 className="panel-title">{entry?.label ?? type}</h2>
      {entry ? <p className="muted small">{entry.description}</p> : null}
      {problems.length > 0 ? (
        <ul className="panel-problems">
          {problems.map((p) => (
            <li key={`${p.code}:${p.path ?? ""}:${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      {/* Keyed by node so a form's local state never leaks from one step into another. */}
      <div className="form panel-form" key={node.id}>
        {Form ? <Form data={node.data} onChange={change} /> : null}
        <JsonSettings key={node.id} data={node.data} onChange={change} open={!Form} />
      </div>
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
    </section>
  );
}
