import { api } from "../../../api/endpoints.ts";
import { useQuery } from "../../../api/use-query.ts";
import { LoadError } from "../../../ui/LoadError.tsx";
import { SelectField } from "../fields.tsx";
import type { RuleRow } from "./model.ts";
import { conditionStrings as t } from "./strings.ts";

type StageRow = Extract<RuleRow, { kind: "stage" }>;

const OPS = (["in", "not-in", "lost"] as const).map((value) => ({
  value,
  label: t.stageOps[value],
}));

/** "Contact is in one of these stages of this funnel" (or not in them, or lost in it). */
export function StageRuleFields({
  row,
  onChange,
}: {
  row: StageRow;
  onChange(row: StageRow): void;
}) {
  const { state, reload } = useQuery(api.listFunnels);
  // The list has no stages; the chosen funnel is loaded on its own for its stages.
  const chosen = useQuery(
    () => (row.funnel ? api.funnel(row.funnel) : Promise.resolve(null)),
    [row.funnel],
  );
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  const funnels = state.status === "success" ? state.data.data : [];
  if (state.status === "success" && funnels.length === 0) {
    return <p className="muted small">{t.noFunnels}</p>;
  }
  const stages = chosen.state.status === "success" ? (chosen.state.data?.stages ?? []) : [];
  const toggle = (id: string, on: boolean) =>
    onChange({ ...row, stages: on ? [...row.stages, id] : row.stages.filter((s) => s !== id) });
  return (
    <>
      <SelectField
        label={t.funnel}
        value={row.funnel}
        placeholder={t.pickFunnel}
        options={funnels.map((f) => ({ value: f.id, label: f.name }))}
        onChange={(funnel) => onChange({ ...row, funnel, stages: [] })}
      />
      <SelectField
        label={t.stageOp}
        value={row.op}
        options={OPS}
        onChange={(op) => {
          const next = OPS.find((o) => o.value === op)?.value;
          if (next) onChange({ ...row, op: next, stages: next === "lost" ? [] : row.stages });
        }}
      />
      {row.op === "lost" ? null : (
        <fieldset className="cond-checks">
          <legend>{t.stages}</legend>
          {row.funnel ? null : <p className="muted small">{t.pickFunnelFirst}</p>}
          {stages.map((s) => (
            <label key={s.id} className="cond-check">
              <input
                type="checkbox"
                checked={row.stages.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
              />
              {s.name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
