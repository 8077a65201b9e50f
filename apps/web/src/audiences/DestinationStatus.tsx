import { Link } from "react-router-dom";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import type { DestinationData } from "./audiences-api.ts";
import { audienceStrings as t } from "./strings.ts";

/** One platform's sync state in plain words: when, how many in and out, or what went wrong. */
export function DestinationStatus({ d }: { d: DestinationData }) {
  const name = t.platform[d.platform];
  if (!d.accountConfigured) {
    return (
      <li className="audience-dest">
        <span className="badge badge-neutral">{name}</span>
        <Link to="/settings#ad-accounts">{t.noAccount}</Link>
      </li>
    );
  }
  if (d.status === "running") {
    return (
      <li className="audience-dest">
        <span className="badge badge-warning">{name}</span>
        <span>{t.syncing(d.progress.done, d.progress.total)}</span>
      </li>
    );
  }
  if (d.status === "failed") {
    return (
      <li className="audience-dest">
        <span className="badge badge-danger">{name}</span>
        <span title={d.lastError ?? undefined}>{t.failed}</span>
      </li>
    );
  }
  return (
    <li className="audience-dest">
      <span className={`badge ${d.lastSyncAt ? "badge-success" : "badge-neutral"}`}>{name}</span>
      {d.lastSyncAt ? (
        <span>
          <time dateTime={d.lastSyncAt} title={formatDateTime(d.lastSyncAt)}>
            {t.synced(formatRelative(d.lastSyncAt))}
          </time>{" "}
          <span className="muted">{t.changes(d.lastAdded, d.lastRemoved)}</span>
        </span>
      ) : (
        <span className="muted">{t.never}</span>
      )}
    </li>
  );
}
