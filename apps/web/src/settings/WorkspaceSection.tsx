import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { formatDate } from "../ui/format.ts";
import { keyStrings as t } from "./strings.ts";

/** The workspace's name, id and age. */
export function WorkspaceSection() {
  const { state, reload } = useQuery(api.workspace);

  return (
    <section className="card" aria-labelledby="workspace-heading">
      <div className="card-header">
        <h2 id="workspace-heading">{t.workspace}</h2>
      </div>
      <div className="card-body">
        {state.status === "loading" ? <p className="muted">{t.loadingWorkspace}</p> : null}
        {state.status === "error" ? (
          <div className="alert alert-error" role="alert">
            <span>{errorMessage(state.error)}</span>
            <button type="button" className="button button-small" onClick={reload}>
              {t.tryAgain}
            </button>
          </div>
        ) : null}
        {state.status === "success" ? (
          <dl className="details">
            <div>
              <dt>{t.workspaceName}</dt>
              <dd>{state.data.name}</dd>
            </div>
            <div>
              <dt>{t.workspaceId}</dt>
              <dd>
                <code>{state.data.id}</code>
              </dd>
            </div>
            <div>
              <dt>{t.created}</dt>
              <dd>{formatDate(state.data.createdAt)}</dd>
            </div>
          </dl>
        ) : null}
      </div>
    </section>
  );
}
