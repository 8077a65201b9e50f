import type { Funnel } from "@voronka/contract";
import { leadStrings as t } from "./strings.ts";

export interface Target {
  funnelId: string | null;
  stageId: string | null;
}

interface Props {
  funnels: Funnel[];
  value: Target;
  onChange(next: Target): void;
}

/** The funnel and open stage new leads of a source go to. */
export function TargetPicker({ funnels, value, onChange }: Props) {
  const funnel = funnels.find((f) => f.id === value.funnelId);
  const openStages = funnel?.stages.filter((s) => s.kind === "open") ?? [];
  return (
    <div className="lead-target">
      <div className="lead-target-row">
        <div className="field">
          <label htmlFor="lead-funnel">{t.funnel}</label>
          <select
            id="lead-funnel"
            className="input select"
            value={value.funnelId ?? ""}
            onChange={(e) => onChange({ funnelId: e.target.value || null, stageId: null })}
          >
            <option value="">{funnels.length > 0 ? t.anyFunnel : t.noFunnelYet}</option>
            {funnels.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lead-stage">{t.stage}</label>
          <select
            id="lead-stage"
            className="input select"
            value={value.stageId ?? ""}
            disabled={!funnel}
            onChange={(e) => onChange({ ...value, stageId: e.target.value || null })}
          >
            <option value="">{t.firstStage}</option>
            {openStages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="field-hint">{t.targetHint}</p>
    </div>
  );
}

/** "Banquets → Offer sent", in words, for the list and the test-lead result. */
export function describeTarget(funnels: Funnel[], target: Target): string {
  const funnel = funnels.find((f) => f.id === target.funnelId);
  if (!funnel) return funnels.length > 0 ? t.oldestFunnel : t.noFunnelYet;
  const stage = funnel.stages.find((s) => s.id === target.stageId);
  return stage ? `${funnel.name} → ${stage.name}` : t.firstStageOf(funnel.name);
}
