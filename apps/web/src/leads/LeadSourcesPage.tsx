import type { Funnel, LeadSource } from "@voronka/contract";
import { Link } from "react-router-dom";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDate, formatRelative } from "../ui/format.ts";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { SETUP_CHANNELS } from "./draft.ts";
import { ChannelIcon, LeadsIcon } from "./icons.tsx";
import { leadsApi, loadFunnels } from "./leads-api.ts";
import { leadStrings as t } from "./strings.ts";
import { describeTarget } from "./TargetPicker.tsx";
import "../styles/leads.css";

/** `/leads`: the workspace's lead sources and the ways to add one. */
export function LeadSourcesPage() {
  const { state, reload } = useQuery(() => Promise.all([leadsApi.list(), loadFunnels()]));
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" ? (
        <>
          {state.data[0].data.length === 0 ? (
            <EmptyState icon={<LeadsIcon size={28} />} title={t.emptyTitle}>
              <p>{t.emptyBody}</p>
            </EmptyState>
          ) : (
            <SourceTable sources={state.data[0].data} funnels={state.data[1]} />
          )}
          <section className="lead-add" aria-labelledby="lead-add-title">
            <h2 id="lead-add-title">{t.addTitle}</h2>
            <AddSource />
          </section>
        </>
      ) : null}
    </>
  );
}

function SourceTable({ sources, funnels }: { sources: LeadSource[]; funnels: Funnel[] }) {
  return (
    <div className="table-wrap">
      <table className="table lead-table">
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.channel}</th>
            <th scope="col">{t.columns.target}</th>
            <th scope="col">{t.columns.leads}</th>
            <th scope="col">{t.columns.created}</th>
            <th scope="col" className="table-actions">
              <span className="visually-hidden">{t.open}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id}>
              <td className="table-strong">
                <Link className="lead-table-name" to={`/leads/${source.id}`}>
                  {source.name}
                </Link>
              </td>
              <td>
                <span className="lead-channel">
                  <span className={`lead-channel-icon lead-channel-${source.channel}`}>
                    <ChannelIcon channel={source.channel} size={15} />
                  </span>
                  {t.channels[source.channel] ?? source.channel}
                </span>
              </td>
              <td>{describeTarget(funnels, source)}</td>
              <td>
                <RecentLeads recent={source.recentLeads} />
              </td>
              <td className="muted">{formatDate(source.createdAt)}</td>
              <td className="table-actions">
                <Link className="button button-small" to={`/leads/${source.id}`}>
                  {t.open}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One tile per kind of source, each opening its set-up. */
function AddSource() {
  return (
    <ul className="lead-add-grid">
      {SETUP_CHANNELS.map((channel) => (
        <li key={channel}>
          <Link className="card lead-add-tile" to={`/leads/new/${channel}`}>
            <span className={`lead-channel-icon lead-channel-${channel}`}>
              <ChannelIcon channel={channel} size={20} />
            </span>
            <span className="lead-add-text">
              <span className="lead-add-name">{t.channels[channel]}</span>
              <span className="muted small">{t.channelHints[channel]}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "12 · latest 2 hours ago", or "none yet". */
function RecentLeads({ recent }: { recent: LeadSource["recentLeads"] }) {
  if (!recent || recent.count === 0) return <span className="muted">{t.noLeads}</span>;
  return (
    <span>
      <span className="table-strong">{recent.count}</span>
      {recent.lastLeadAt ? (
        <span className="muted small"> · {t.lastLead(formatRelative(recent.lastLeadAt))}</span>
      ) : null}
    </span>
  );
}
