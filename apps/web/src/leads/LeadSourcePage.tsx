import type { Funnel, LeadSource } from "@voronka/contract";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { Dialog } from "../ui/Dialog.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ChannelSettings } from "./ChannelSettings.tsx";
import { ConnectPanel } from "./ConnectPanel.tsx";
import {
  type Draft,
  draftOf,
  draftProblem,
  isSetupChannel,
  PROVIDED_SECRET,
  settingsOf,
} from "./draft.ts";
import { EmbedPanel } from "./EmbedPanel.tsx";
import { FormPreview } from "./FormPreview.tsx";
import { fieldsOf } from "./form-fields.ts";
import { leadsApi, loadFunnels } from "./leads-api.ts";
import { leadStrings as t } from "./strings.ts";
import { TargetPicker } from "./TargetPicker.tsx";
import { TestLeadPanel } from "./TestLeadPanel.tsx";
import "../styles/leads.css";

/** `/leads/new/:channel` and `/leads/:sourceId`: set up one lead source. */
export function LeadSourcePage() {
  const { sourceId, channel } = useParams();
  const { state, reload } = useQuery(
    () => Promise.all([sourceId ? leadsApi.get(sourceId) : Promise.resolve(null), loadFunnels()]),
    [sourceId],
  );
  if (!sourceId && !isSetupChannel(channel)) return <NotFoundPage />;
  if (state.status === "error") return <LoadError error={state.error} onRetry={reload} />;
  // After creating, the answer for the new id is still on its way: not the blank form again.
  if (state.status === "loading" || (state.data[0]?.id ?? undefined) !== sourceId) {
    return <Loading label={t.loading} />;
  }
  const [source, funnels] = state.data;
  return (
    <Editor
      key={source?.id ?? channel}
      initial={source}
      channel={source?.channel ?? channel ?? "web_form"}
      funnels={funnels}
    />
  );
}

interface EditorProps {
  initial: LeadSource | null;
  channel: string;
  funnels: Funnel[];
}

function Editor({ initial, channel, funnels }: EditorProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const [source, setSource] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, channel));
  const [secret, setSecret] = useState<string | null>(() => secretFrom(location.state));
  const [pending, setPending] = useState<"save" | "rotate" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);

  // The secret came with the navigation after creating; drop it from history so that going
  // back or reloading does not show it again.
  useEffect(() => {
    if (source && secretFrom(location.state)) {
      navigate(location.pathname, { replace: true, state: null });
    }
  }, [source, location, navigate]);

  const channelLabel = t.channels[channel] ?? channel;
  const creating = source === null;

  function edit(next: Draft) {
    setDraft(next);
    setSaved(false);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = draftProblem(draft, channel, creating);
    if (problem) {
      setError(problem);
      return;
    }
    setPending("save");
    setError(null);
    const providedSecret =
      PROVIDED_SECRET.has(channel) && draft.secret.trim() ? { secret: draft.secret.trim() } : {};
    const common = {
      name: draft.name.trim(),
      funnelId: draft.target.funnelId,
      stageId: draft.target.stageId,
      settings: settingsOf(draft, channel),
      ...providedSecret,
    };
    try {
      if (!source) {
        if (!isSetupChannel(channel)) return;
        const created = await leadsApi.create({ channel, ...common });
        navigate(`/leads/${created.id}`, { replace: true, state: { secret: created.secret } });
        return;
      }
      const updated = await leadsApi.update(source.id, common);
      setSource(updated);
      setDraft({ ...draftOf(updated, channel) });
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(null);
    }
  }

  async function handleRotate() {
    if (!source) return;
    setPending("rotate");
    setError(null);
    try {
      const updated = await leadsApi.update(source.id, { rotateSecret: true });
      setSecret(updated.secret);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(null);
    }
  }

  async function handleDelete() {
    if (!source) return;
    setPending("delete");
    try {
      await leadsApi.remove(source.id);
      navigate("/leads");
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(null);
      setDeleting(false);
    }
  }

  return (
    <>
      <PageHeader
        title={source ? source.name : t.newTitle(channelLabel)}
        description={t.channelHints[channel]}
        back={<Link to="/leads">{t.back}</Link>}
        actions={
          source ? (
            <button
              type="button"
              className="button button-danger-ghost"
              onClick={() => setDeleting(true)}
            >
              {t.delete}
            </button>
          ) : null
        }
      />
      <div className="lead-layout">
        <form
          className="card lead-card"
          onSubmit={handleSubmit}
          noValidate
          aria-labelledby="lead-settings-title"
        >
          <div className="card-header">
            <h2 id="lead-settings-title">{t.settings}</h2>
          </div>
          <div className="card-body form">
            <div className="field">
              <label htmlFor="lead-name">{t.name}</label>
              <input
                id="lead-name"
                className="input"
                maxLength={120}
                value={draft.name}
                onChange={(e) => edit({ ...draft, name: e.target.value })}
              />
              <span className="field-hint">{t.nameHint}</span>
            </div>
            <TargetPicker
              funnels={funnels}
              value={draft.target}
              onChange={(target) => edit({ ...draft, target })}
            />
            <ChannelSettings channel={channel} creating={creating} draft={draft} onChange={edit} />
            {error ? (
              <p className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div className="card-footer form-actions">
            <button type="submit" className="button button-primary" disabled={pending !== null}>
              {creating
                ? pending === "save"
                  ? t.creating
                  : t.create
                : pending === "save"
                  ? t.saving
                  : t.save}
            </button>
            {creating ? (
              <Link className="button" to="/leads">
                {t.cancel}
              </Link>
            ) : null}
            {saved ? (
              <span className="form-ok" role="status">
                {t.saved}
              </span>
            ) : null}
          </div>
        </form>
        <div className="lead-side">
          {channel === "web_form" ? (
            <>
              <section className="card lead-card" aria-labelledby="lead-preview-title">
                <div className="card-header">
                  <h2 id="lead-preview-title">{t.preview}</h2>
                  <p className="muted small">{t.previewHint}</p>
                </div>
                <div className="card-body">
                  <FormPreview
                    fields={fieldsOf(draft.rows)}
                    labels={draft.labels}
                    title={draft.title.trim()}
                    buttonText={draft.buttonText.trim()}
                    thankYouText={draft.thankYouText.trim()}
                  />
                </div>
              </section>
              <EmbedPanel source={source} />
            </>
          ) : source ? (
            <ConnectPanel
              source={source}
              secret={secret}
              rotating={pending === "rotate"}
              onRotate={handleRotate}
            />
          ) : (
            <section className="card lead-card" aria-labelledby="lead-connect-title">
              <div className="card-header">
                <h2 id="lead-connect-title">{t.connectTitle}</h2>
                <p className="muted small">{t.connectAfterSave(channelLabel)}</p>
              </div>
            </section>
          )}
          {source ? (
            <TestLeadPanel sourceId={source.id} channel={channel} funnels={funnels} />
          ) : null}
        </div>
      </div>
      {deleting && source ? (
        <Dialog
          title={t.deleteTitle(source.name)}
          onClose={() => setDeleting(false)}
          busy={pending === "delete"}
        >
          <p>{t.deleteBody}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setDeleting(false)}
              disabled={pending === "delete"}
            >
              {t.cancel}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={handleDelete}
              disabled={pending === "delete"}
            >
              {pending === "delete" ? t.deleting : t.delete}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

/** The one-time secret handed over in the navigation state after creating a source. */
function secretFrom(state: unknown): string | null {
  if (!state || typeof state !== "object" || !("secret" in state)) return null;
  return typeof state.secret === "string" ? state.secret : null;
}
