import { Link } from "react-router-dom";
import { api } from "../api/endpoints.ts";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDate } from "../ui/format.ts";
import { FunnelsIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { funnelStrings as t } from "./strings.ts";

/** The workspace's funnels, each opening its board. */
export function FunnelsPage() {
  const { state, reload } = useQuery(api.listFunnels);
  const hasFunnels = state.status === "success" && state.data.data.length > 0;

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          hasFunnels ? (
            <Link className="button button-primary" to="/funnels/new">
              {t.newFunnel}
            </Link>
          ) : null
        }
      />
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && !hasFunnels ? (
        <EmptyState icon={<FunnelsIcon size={28} />} title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
          <p>
            <Link className="button button-primary" to="/funnels/new">
              {t.createFirst}
            </Link>
          </p>
        </EmptyState>
      ) : null}
      {state.status === "success" && hasFunnels ? (
        <ul className="funnel-grid">
          {state.data.data.map((funnel) => (
            <li key={funnel.id}>
              <Link className="funnel-tile card" to={`/funnels/${funnel.id}`}>
                <span className="funnel-tile-icon" aria-hidden="true">
                  <FunnelsIcon size={20} />
                </span>
                <span className="funnel-tile-name">{funnel.name}</span>
                <span className="muted small">
                  {t.stallAfter(funnel.stallDays)} · {t.created(formatDate(funnel.createdAt))}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
