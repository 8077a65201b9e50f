import { api } from "../../api/endpoints.ts";
import { useQuery } from "../../api/use-query.ts";
import { LoadError } from "../../ui/LoadError.tsx";
import { panelStrings as t } from "../strings.ts";
import { SelectField, type StepFormProps } from "./fields.tsx";

/** "Move funnel stage": pick a funnel, then one of its stages. */
export function MoveStageForm({ data, onChange }: StepFormProps) {
  const { state, reload } = useQuery(api.listFunnels);
  const funnelId = typeof data.funnel === "string" ? data.funnel : "";
  // The list has no stages; the chosen funnel is loaded on its own for its stages.
  const chosen = useQuery(
    () => (funnelId ? api.funnel(funnelId) : Promise.resolve(null)),
    [funnelId],
  );
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  const funnels = state.status === "success" ? state.data.data : [];
  if (state.status === "success" && funnels.length === 0) {
    return <p className="muted small">{t.noFunnels}</p>;
  }
  const stages = chosen.state.status === "success" ? (chosen.state.data?.stages ?? []) : [];
  return (
    <>
      <SelectField
        label={t.funnel}
        value={funnelId}
        placeholder={t.pickFunnel}
        options={funnels.map((f) => ({ value: f.id, label: f.name }))}
        onChange={(funnel) => onChange({ ...data, funnel, stage: "" })}
      />
      <SelectField
        label={t.stage}
        value={typeof data.stage === "string" ? data.stage : ""}
        placeholder={t.pickStage}
        options={stages.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(stage) => onChange({ ...data, stage })}
      />
    </>
  );
}
