import { useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "../api/use-query.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { TasksIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { taskStrings as t } from "./strings.ts";
import { tasksApi } from "./tasks-api.ts";
import "../styles/tasks.css";

type Tab = "open" | "done";

/** The sales team's task list: open tasks soonest due first, and the finished ones. */
export function TasksPage() {
  const [tab, setTab] = useState<Tab>("open");
  const { state, reload } = useQuery(() => tasksApi.list(tab), [tab]);
  const [busy, setBusy] = useState<string | null>(null);
  const tasks = state.status === "success" ? state.data.data : [];
  const now = Date.now();

  const complete = async (id: string) => {
    setBusy(id);
    try {
      await tasksApi.complete(id);
      reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <div className="segmented tasks-filter" role="tablist">
        {(["open", "done"] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? "segmented-item is-active" : "segmented-item"}
            onClick={() => setTab(k)}
          >
            {k === "open" ? t.tabOpen : t.tabDone}
          </button>
        ))}
      </div>
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && tasks.length === 0 ? (
        <EmptyState
          icon={<TasksIcon size={28} />}
          title={tab === "open" ? t.emptyOpenTitle : t.emptyDoneTitle}
        >
          <p>{tab === "open" ? t.emptyOpenBody : t.emptyDoneBody}</p>
          {tab === "open" ? (
            <p>
              <Link to="/journeys" className="button">
                {t.openJourneys}
              </Link>
            </p>
          ) : null}
        </EmptyState>
      ) : null}
      {tasks.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t.columns.task}</th>
                <th>{t.columns.contact}</th>
                <th>{t.columns.journey}</th>
                <th>{t.columns.due}</th>
                <th>{t.columns.assignee}</th>
                <th>
                  <span className="visually-hidden">{t.columns.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => {
                const overdue = task.status === "open" && Date.parse(task.dueAt) < now;
                return (
                  <tr key={task.id}>
                    <td className="table-strong tasks-message">{task.message}</td>
                    <td>
                      <Link to={`/contacts/${task.contact.id}`}>
                        {task.contact.name ?? t.unknownContact}
                      </Link>
                    </td>
                    <td className="muted">
                      {task.journey ? (
                        <Link to={`/journeys/${task.journey.id}`}>{task.journey.name}</Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className={overdue ? "tasks-overdue" : "muted"}>
                      <time dateTime={task.dueAt} title={formatDateTime(task.dueAt)}>
                        {formatRelative(task.dueAt)}
                      </time>
                      {overdue ? <span className="small"> · {t.overdue}</span> : null}
                    </td>
                    <td className="muted">{task.assignee?.name ?? t.anyone}</td>
                    <td className="table-actions">
                      {task.status === "open" ? (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={busy === task.id}
                          onClick={() => void complete(task.id)}
                        >
                          {t.complete}
                        </button>
                      ) : (
                        <span className="muted small">
                          {task.completedAt
                            ? t.completedAt(formatRelative(task.completedAt))
                            : null}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
