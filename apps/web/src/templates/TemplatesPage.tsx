import { type ReactNode, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { TemplatesIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { blockStrings } from "./block-strings.ts";
import { emailApi } from "./email-api.ts";
import { SharedBlocks } from "./SharedBlocks.tsx";
import { StarterGallery } from "./StarterGallery.tsx";
import { blankStarter } from "./starters.ts";
import { templateStrings as t } from "./strings.ts";
import "../styles/templates.css";

/** `/templates`: the email templates, and (`?tab=blocks`) the shared blocks they include. */
export function TemplatesPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "blocks" ? "blocks" : "templates";
  const tabs = (
    <div className="segmented templates-tabs" role="tablist">
      {(["templates", "blocks"] as const).map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={tab === k}
          className={tab === k ? "segmented-item is-active" : "segmented-item"}
          onClick={() => setParams(k === "blocks" ? { tab: k } : {}, { replace: true })}
        >
          {k === "blocks" ? blockStrings.tabBlocks : blockStrings.tabTemplates}
        </button>
      ))}
    </div>
  );
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {tab === "blocks" ? <SharedBlocks tabs={tabs} /> : <TemplateList tabs={tabs} />}
    </>
  );
}

/** The workspace's email templates, newest first, and the way to start a new one. */
function TemplateList({ tabs }: { tabs: ReactNode }) {
  const { state, reload } = useQuery(emailApi.listTemplates);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(starterId?: string) {
    setCreating(true);
    setError(null);
    try {
      const template = starterId
        ? await emailApi.createFromStarter(starterId)
        : await emailApi.createTemplate(blankStarter);
      navigate(`/templates/${template.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setCreating(false);
    }
  }

  const newButton = (label: string) => (
    <button
      type="button"
      className="button button-primary"
      onClick={() => void create()}
      disabled={creating}
    >
      {creating ? t.creating : label}
    </button>
  );

  return (
    <>
      <div className="templates-toolbar">
        {tabs}
        {state.status === "success" && state.data.data.length > 0 ? newButton(t.newTemplate) : null}
      </div>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && state.data.data.length === 0 ? (
        <EmptyState icon={<TemplatesIcon size={28} />} title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
          <p>{newButton(t.createFirst)}</p>
        </EmptyState>
      ) : null}
      {state.status === "success" && state.data.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colVersion}</th>
                <th scope="col">{t.colUpdated}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.data.map((template) => (
                <tr key={template.id}>
                  <td className="table-strong">
                    <Link to={`/templates/${template.id}`} className="template-link">
                      <TemplatesIcon size={16} />
                      {template.name}
                    </Link>
                  </td>
                  <td>
                    <span className="badge badge-neutral">{t.version(template.version)}</span>
                  </td>
                  <td>
                    <time dateTime={template.updatedAt} title={formatDateTime(template.updatedAt)}>
                      {formatRelative(template.updatedAt)}
                    </time>
                  </td>
                  <td className="table-actions">
                    <Link to={`/templates/${template.id}`} className="button button-small">
                      {t.open}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state.status === "success" ? (
        <StarterGallery
          busy={creating}
          onBlank={() => void create()}
          onStarter={(id) => void create(id)}
        />
      ) : null}
    </>
  );
}
