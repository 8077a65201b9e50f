import type { Funnel } from "@voronka/contract";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { LostReasonsSection } from "./LostReasonsSection.tsx";
import { StagesSection } from "./StagesSection.tsx";
import { settingsStrings as t } from "./strings.ts";

/** A funnel's name, stall threshold, stages and lost reasons. */
export function FunnelSettingsPage() {
  const { funnelId = "" } = useParams();
  const { state, setState, reload } = useQuery(() => api.funnel(funnelId), [funnelId]);
  const back = <Link to={`/funnels/${funnelId}`}>{t.back}</Link>;

  if (state.status !== "success") {
    return (
      <>
        <PageHeader title={t.pageTitle} back={back} />
        {state.status === "loading" ? (
          <Loading label={t.loading} />
        ) : (
          <LoadError error={state.error} onRetry={reload} />
        )}
      </>
    );
  }
  const funnel = state.data;
  const update = (next: Funnel) => setState({ status: "success", data: next });
  return (
    <>
      <PageHeader title={t.title(funnel.name)} back={back} />
      <div className="stack-lg settings-narrow">
        <GeneralSection funnel={funnel} onSaved={update} />
        <StagesSection funnel={funnel} onChanged={update} onReload={reload} />
        <LostReasonsSection funnel={funnel} onChanged={update} onReload={reload} />
        <ArchiveSection funnel={funnel} />
      </div>
    </>
  );
}

function GeneralSection({ funnel, onSaved }: { funnel: Funnel; onSaved(f: Funnel): void }) {
  const [name, setName] = useState(funnel.name);
  const [stallDays, setStallDays] = useState(String(funnel.stallDays));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const days = Number(stallDays);
    if (!name.trim()) return setMessage({ text: t.needName, error: true });
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      return setMessage({ text: t.badStallDays, error: true });
    }
    setPending(true);
    setMessage(null);
    try {
      onSaved(await api.updateFunnel(funnel.id, { name: name.trim(), stallDays: days }));
      setMessage({ text: t.saved, error: false });
    } catch (caught) {
      setMessage({ text: errorMessage(caught), error: true });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="general-heading">
      <div className="card-header">
        <h2 id="general-heading">{t.general}</h2>
      </div>
      <form className="card-body form" onSubmit={handleSubmit} noValidate>
        <div className="settings-row">
          <div className="field settings-grow">
            <label htmlFor="settings-name">{t.name}</label>
            <input
              id="settings-name"
              className="input"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field settings-days">
            <label htmlFor="settings-stall">{t.stallDays}</label>
            <input
              id="settings-stall"
              className="input"
              type="number"
              min={1}
              max={365}
              value={stallDays}
              onChange={(e) => setStallDays(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t.saving : t.save}
          </button>
        </div>
        <span className="field-hint">{t.stallDaysHint}</span>
        {message ? (
          <p
            className={message.error ? "field-error" : "field-ok"}
            role={message.error ? "alert" : "status"}
          >
            {message.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function ArchiveSection({ funnel }: { funnel: Funnel }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleArchive() {
    setPending(true);
    setError(null);
    try {
      await api.archiveFunnel(funnel.id);
      navigate("/funnels");
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <section className="card settings-danger" aria-labelledby="archive-heading">
      <div className="card-body settings-row">
        <div className="settings-grow">
          <h2 id="archive-heading">{t.archive}</h2>
          <p className="muted small">{t.archiveHint}</p>
        </div>
        <button
          type="button"
          className="button button-danger-ghost"
          onClick={() => setAsking(true)}
        >
          {t.archive}
        </button>
      </div>
      {asking ? (
        <Dialog
          title={t.archiveConfirm(funnel.name)}
          onClose={() => setAsking(false)}
          busy={pending}
        >
          <p className="muted">{t.archiveBody}</p>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setAsking(false)}
              disabled={pending}
            >
              {t.cancel}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={handleArchive}
              disabled={pending}
            >
              {pending ? t.archiving : t.archive}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
