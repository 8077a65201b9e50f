import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { audiencesApi } from "./audiences-api.ts";
import { audienceStrings as t } from "./strings.ts";

interface FunnelSetting {
  id: string;
  name: string;
  perStage: boolean;
  audiences: number;
}

async function loadSettings(): Promise<FunnelSetting[]> {
  const funnels = (await api.listFunnels()).data;
  return Promise.all(
    funnels.map(async (f) => {
      const s = await audiencesApi.stageSetting(f.id);
      return {
        id: f.id,
        name: f.name,
        perStage: s.perStage,
        audiences: s.stages.filter((x) => x.audienceId).length,
      };
    }),
  );
}

/** "Each stage has its audience", one switch per funnel. */
export function StageAudiencesPanel({ onChanged }: { onChanged: () => void }) {
  const { state, reload } = useQuery(loadSettings);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle(f: FunnelSetting) {
    setBusy(f.id);
    setError(null);
    try {
      await audiencesApi.setStageSetting(f.id, !f.perStage);
      reload();
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card audience-stages" aria-labelledby="stage-audiences-title">
      <div className="card-header">
        <h2 id="stage-audiences-title">{t.stagesTitle}</h2>
        <p className="muted">{t.stagesHint}</p>
      </div>
      <div className="card-body">
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
        {state.status === "success" && state.data.length === 0 ? (
          <p className="muted">{t.noFunnels}</p>
        ) : null}
        {state.status === "success" ? (
          <ul className="audience-stage-list">
            {state.data.map((f) => (
              <li key={f.id}>
                <label className="audience-stage-toggle">
                  <input
                    type="checkbox"
                    checked={f.perStage}
                    disabled={busy === f.id}
                    onChange={() => toggle(f)}
                  />
                  <span className="table-strong">{f.name}</span>
                </label>
                <span className={f.perStage ? "badge badge-success" : "badge badge-neutral"}>
                  {f.perStage ? t.stagesOn(f.audiences) : t.stagesOff}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
