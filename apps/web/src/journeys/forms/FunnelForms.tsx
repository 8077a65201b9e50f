import { api } from "../../api/endpoints.ts";
import { useQuery } from "../../api/use-query.ts";
import { LoadError } from "../../ui/LoadError.tsx";
import { SelectField, type StepFormProps } from "./fields.tsx";
import { moreStrings as m } from "./more-form-strings.ts";

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The workspace's funnels and the chosen one (the list has no stages or lost reasons). */
function useFunnels(funnelId: string) {
  const list = useQuery(api.listFunnels);
  const chosen = useQuery(
    () => (funnelId ? api.funnel(funnelId) : Promise.resolve(null)),
    [funnelId],
  );
  return { list, funnel: chosen.state.status === "success" ? chosen.state.data : null };
}

/** A funnel select; `null` while there is nothing to pick from (the form shows why instead). */
function FunnelSelect({
  funnelId,
  list,
  onChange,
}: {
  funnelId: string;
  list: ReturnType<typeof useFunnels>["list"];
  onChange(funnel: string): void;
}) {
  const { state, reload } = list;
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  const funnels = state.status === "success" ? state.data.data : [];
  if (state.status === "success" && funnels.length === 0) {
    return <p className="muted small">{m.noFunnels}</p>;
  }
  const options = funnels.map((f) => ({ value: f.id, label: f.name }));
  // A funnel from another workspace (a copied journey) or since archived stays visible.
  if (funnelId && state.status === "success" && !options.some((o) => o.value === funnelId)) {
    options.unshift({ value: funnelId, label: m.notFound });
  }
  return (
    <SelectField
      label={m.funnel}
      value={funnelId}
      placeholder={m.pickFunnel}
      options={options}
      onChange={onChange}
    />
  );
}

/**
 * "Mark lost": a funnel and one of its lost reasons. The step keeps the reason's words (the
 * engine writes them as the move's lost note), so reports read the same after a rename.
 */
export function MarkLostForm({ data, onChange }: StepFormProps) {
  const funnelId = str(data.funnel);
  const reason = str(data.reason);
  const { list, funnel } = useFunnels(funnelId);
  const reasons = funnel?.lostReasons ?? [];
  const options = reasons.map((r) => ({ value: r.label, label: r.label }));
  if (funnel && reason && !options.some((o) => o.value === reason)) {
    options.unshift({ value: reason, label: m.reasonMissing(reason) });
  }
  return (
    <>
      <FunnelSelect
        funnelId={funnelId}
        list={list}
        onChange={(next) => onChange({ ...data, funnel: next, reason: "" })}
      />
      {funnelId ? (
        <>
          <SelectField
            label={m.lostReason}
            value={reason}
            placeholder={m.pickLostReason}
            options={options}
            onChange={(next) => onChange({ ...data, reason: next })}
          />
          <span className="field-hint">
            {funnel && reasons.length === 0 ? m.noLostReasons : m.lostReasonHint}
          </span>
        </>
      ) : null}
    </>
  );
}

/** "Funnel stage entered or lost": the funnel, entered or lost, and for entered the stage. */
export function TriggerStageForm({ data, onChange }: StepFormProps) {
  const funnelId = str(data.funnel);
  const on = data.on === "lost" ? "lost" : "entered";
  const { list, funnel } = useFunnels(funnelId);
  const stages = (funnel?.stages ?? []).filter((s) => s.kind !== "lost");
  return (
    <>
      <FunnelSelect
        funnelId={funnelId}
        list={list}
        onChange={(next) => {
          const { stage: _old, ...rest } = data;
          onChange({ ...rest, on, funnel: next });
        }}
      />
      <SelectField
        label={m.stageOn}
        value={on}
        options={(["entered", "lost"] as const).map((value) => ({
          value,
          label: m.stageOnChoices[value],
        }))}
        onChange={(next) => {
          const { stage: _old, ...rest } = data;
          onChange(next === "lost" ? { ...rest, on: next } : { ...data, on: next });
        }}
      />
      {on === "entered" && funnelId ? (
        <SelectField
          label={m.stage}
          value={str(data.stage)}
          placeholder={m.pickStage}
          options={stages.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(stage) => {
            const { stage: _old, ...rest } = data;
            onChange(stage ? { ...rest, on, stage } : { ...rest, on });
          }}
        />
      ) : null}
    </>
  );
}
