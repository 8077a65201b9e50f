import type { Timeline, TimelineItem } from "@voronka/contract";
import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { api } from "../api/endpoints.ts";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { cardStrings as t } from "./strings.ts";
import { describeTimelineItem } from "./timeline-text.ts";

interface Props {
  contactId: string;
  firstPage: Timeline;
  funnelName(funnelId: string): string | null;
}

/** The contact's history, newest first, with older pages on demand. */
export function ContactTimeline({ contactId, firstPage, funnelName }: Props) {
  const [items, setItems] = useState(firstPage.data);
  const [cursor, setCursor] = useState(firstPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadOlder() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const next = await api.contactTimeline(contactId, cursor);
      setItems((current) => [...current, ...next.data]);
      setCursor(next.nextCursor);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  }

  if (items.length === 0) return <p className="muted small">{t.noTimeline}</p>;

  return (
    <>
      <ol className="timeline">
        {items.map((item) => (
          <Entry key={`${item.kind}:${item.id}`} item={item} funnelName={funnelName} />
        ))}
      </ol>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {cursor ? (
        <button
          type="button"
          className="button button-small"
          onClick={loadOlder}
          disabled={loading}
        >
          {loading ? t.loadingOlder : t.loadOlder}
        </button>
      ) : null}
    </>
  );
}

function Entry({
  item,
  funnelName,
}: {
  item: TimelineItem;
  funnelName(id: string): string | null;
}) {
  const { title, detail } = describeTimelineItem(item, funnelName);
  const lost = item.kind === "stage_move" && item.lostReason !== null;
  const properties = item.kind === "event" ? item.properties : {};
  const propertyCount = Object.keys(properties).length;
  return (
    <li className={`timeline-item timeline-${lost ? "lost" : item.kind}`}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <div className="timeline-title">{title}</div>
        {detail ? <div className="muted small">{detail}</div> : null}
        {propertyCount > 0 ? (
          <details className="json-details">
            <summary>{t.eventProperties}</summary>
            <pre className="json">{JSON.stringify(properties, null, 2)}</pre>
          </details>
        ) : null}
      </div>
      <time
        className="timeline-time muted small"
        dateTime={item.at}
        title={formatDateTime(item.at)}
      >
        {formatRelative(item.at)}
      </time>
    </li>
  );
}
