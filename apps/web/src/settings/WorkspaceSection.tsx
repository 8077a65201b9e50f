import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { formatDate } from "../ui/format.ts";

/** The workspace's name, id and age. */
export function WorkspaceSection() {
  const { state, reload } = useQuery(api.workspace);

  return (
    <section className="card" aria-labelledby="workspace-heading">
      <div className="card-header">
        <h2 id="workspace-heading">Workspace</h2>
      </div>
      <div className="card-body">
        {state.status === "loading" ? <p className="muted">Loading workspace…</p> : null}
        {state.status === "error" ? (
          <div className="alert alert-error" role="alert">
            <span>{errorMessage(state.error)}</span>
            <button type="button" className="button button-small" onClick={reload}>
              Try again
            </button>
          </div>
        ) : null}
        {state.status === "success" ? (
          <dl className="details">
            <div>
              <dt>Workspace name</dt>
              <dd>{state.data.name}</dd>
            </div>
            <div>
              <dt>Workspace ID</dt>
              <dd>
                <code>{state.data.id}</code>
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDate(state.data.createdAt)}</dd>
            </div>
          </dl>
        ) : null}
      </div>
    </section>
  );
}
