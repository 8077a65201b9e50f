import type { FunnelList } from "@voronka/contract";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { listStrings as t } from "./strings.ts";

interface Props {
  funnels: FunnelList | null;
  funnel: string;
  stage: string;
  onChange(funnel: string, stage: string): void;
}

/** Pick a funnel, then (optionally) one of its stages. */
export function StageFilter({ funnels, funnel, stage, onChange }: Props) {
  const detail = useQuery(() => (funnel ? api.funnel(funnel) : Promise.resolve(null)), [funnel]);
  const stages = detail.state.status === "success" ? (detail.state.data?.stages ?? []) : [];

  return (
    <>
      <div className="field">
        <label htmlFor="contacts-funnel">{t.funnel}</label>
        <select
          id="contacts-funnel"
          className="input select"
          value={funnel}
          onChange={(e) => onChange(e.target.value, "")}
        >
          <option value="">{t.anyFunnel}</option>
          {funnels?.data.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contacts-stage">{t.stage}</label>
        <select
          id="contacts-stage"
          className="input select"
          value={stage}
          disabled={!funnel}
          onChange={(e) => onChange(funnel, e.target.value)}
        >
          <option value="">{funnel ? t.anyStage : t.pickFunnelFirst}</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
