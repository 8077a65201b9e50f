import type { JourneySummary } from "@voronka/contract";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatRelative } from "../ui/format.ts";
import { JourneysIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { NewJourneyDialog } from "./NewJourneyDialog.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { journeyListStrings as t } from "./strings.ts";

/** The workspace's journeys with their status; each opens the editor. */
export function JourneysPage() {
  const { state, reload } = useQuery(api.listJourneys);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<JourneySummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }
  const journeys =
    state.status === "success" ? state.data.data.filter((j) => j.status !== "archived") : [];
  const newButton = (label: string) => (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      {label}
    </button>
  );

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={journeys.length > 0 ? newButton(t.newJourney) : null}
      />
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && journeys.length === 0 ? (
        <EmptyState icon={<JourneysIcon size={28} />} title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
          <p>{newButton(t.createFirst)}</p>
        </EmptyState>
      ) : null}
      {journeys.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t.columns.name}</th>
                <th>{t.columns.status}</th>
                <th>{t.columns.version}</th>
                <th>{t.columns.edited}</th>
                <th>
                  <span className="visually-hidden">{t.columns.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {journeys.map((journey) => (
                <tr key={journey.id}>
                  <td className="table-strong">
                    <Link to={`/journeys/${journey.id}`}>{journey.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={journey.status} />
                  </td>
                  <td className="muted">
                    {journey.currentVersion === null
                      ? t.noVersion
                      : t.version(journey.currentVersion)}
                  </td>
                  <td className="muted">{formatRelative(journey.updatedAt)}</td>
                  <td className="table-actions">
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      disabled={busy}
                      onClick={() =>
                        void act(async () => {
                          const copy = await api.duplicateJourney(journey.id);
                          navigate(`/journeys/${copy.id}`);
                        })
                      }
                    >
                      {t.duplicate}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      disabled={busy || journey.status === "live" || journey.status === "paused"}
                      title={
                        journey.status === "live" || journey.status === "paused"
                          ? t.archiveLiveHint
                          : undefined
                      }
                      onClick={() => setArchiving(journey)}
                    >
                      {t.archive}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {creating ? <NewJourneyDialog onClose={() => setCreating(false)} /> : null}
      {error && !archiving ? (
        <p className="alert alert-error" role="alert">
          <span>{error}</span>
        </p>
      ) : null}
      {archiving ? (
        <Dialog title={t.archiveTitle} onClose={() => setArchiving(null)} busy={busy}>
          <p>{t.archiveBody}</p>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setArchiving(null)}
              disabled={busy}
            >
              {t.cancel}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await api.journeyAction(archiving.id, "archive");
                  setArchiving(null);
                  reload();
                })
              }
            >
              {t.archive}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
