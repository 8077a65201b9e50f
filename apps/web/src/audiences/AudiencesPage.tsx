import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { AudiencesIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { type AudienceData, audiencesApi } from "./audiences-api.ts";
import { DestinationStatus } from "./DestinationStatus.tsx";
import { StageAudiencesPanel } from "./StageAudiencesPanel.tsx";
import { audienceStrings as t } from "./strings.ts";
import "../styles/audiences.css";

/** The workspace's ad audiences with each platform's sync status. */
export function AudiencesPage() {
  const { state, reload } = useQuery(audiencesApi.list);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<Set<string>>(new Set());

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await audiencesApi.create(name.trim());
      setName("");
      setAdding(false);
      reload();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function sync(a: AudienceData) {
    setError(null);
    try {
      await audiencesApi.sync(a.id);
      setQueued((q) => new Set(q).add(a.id));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  const form = adding ? (
    <form className="audience-new" onSubmit={create}>
      <input
        className="input"
        aria-label={t.namePlaceholder}
        placeholder={t.namePlaceholder}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the form opens on the user's click to type a name.
        autoFocus
      />
      <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
        {busy ? t.creating : t.create}
      </button>
      <button type="button" className="button" onClick={() => setAdding(false)}>
        {t.cancel}
      </button>
    </form>
  ) : (
    <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
      {t.newAudience}
    </button>
  );

  const list = state.status === "success" ? state.data.data : [];
  return (
    <>
      <PageHeader title={t.title} description={t.description} actions={form} />
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && list.length === 0 ? (
        <EmptyState icon={<AudiencesIcon size={28} />} title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table audiences-table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colMembers}</th>
                <th scope="col">{t.colPlatforms}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id}>
                  <td>
                    <div className="table-strong">{a.name}</div>
                    <div className="muted audience-kind">{t.kind[a.kind]}</div>
                  </td>
                  <td>{t.members(a.members)}</td>
                  <td>
                    {a.destinations.length === 0 ? (
                      <span className="muted">{t.notLinked}</span>
                    ) : (
                      <ul className="audience-dests">
                        {a.destinations.map((d) => (
                          <DestinationStatus key={d.platform} d={d} />
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="table-actions">
                    <div className="audience-actions">
                      {a.destinations.some((d) => d.accountConfigured) ? (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={queued.has(a.id)}
                          onClick={() => sync(a)}
                        >
                          {queued.has(a.id) ? t.syncQueued : t.syncNow}
                        </button>
                      ) : null}
                      {a.members > 0 ? (
                        <>
                          <a
                            className="button button-small"
                            href={audiencesApi.exportUrl(a.id, false)}
                          >
                            {t.download}
                          </a>
                          <a
                            className="button button-small"
                            href={audiencesApi.exportUrl(a.id, true)}
                          >
                            {t.downloadHashed}
                          </a>
                        </>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state.status === "success" ? <StageAudiencesPanel onChanged={reload} /> : null}
    </>
  );
}
