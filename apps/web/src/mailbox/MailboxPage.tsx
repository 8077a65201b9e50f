import { useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "../api/use-query.ts";
import { emailApi, type MailboxMessage } from "../templates/email-api.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { TemplatesIcon } from "../ui/Icons.tsx";
import { LoadError } from "../ui/LoadError.tsx";
import { Loading } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { mailboxStrings as t } from "./strings.ts";
import "../styles/mailbox.css";

type Tab = "html" | "text" | "headers";

/** The emails stored instead of sent: a list, and the chosen one as HTML, text or headers. */
export function MailboxPage() {
  const { state, reload } = useQuery(() => emailApi.mailbox());
  const [selectedId, setSelectedId] = useState<number | null>(null);

  const messages = state.status === "success" ? state.data.data : [];
  const selected = messages.find((m) => m.id === selectedId) ?? messages[0] ?? null;

  return (
    <div className="content-wide">
      <PageHeader
        title={t.title}
        description={
          <>
            {t.description} {t.smtpHint} <Link to="/settings">{t.settings}</Link>.
          </>
        }
        actions={
          <button type="button" className="button" onClick={reload}>
            {t.refresh}
          </button>
        }
      />
      {state.status === "loading" ? <Loading label={t.loading} /> : null}
      {state.status === "error" ? <LoadError error={state.error} onRetry={reload} /> : null}
      {state.status === "success" && messages.length === 0 ? (
        <EmptyState icon={<TemplatesIcon size={28} />} title={t.emptyTitle}>
          <p>{t.emptyBody}</p>
          <p>
            <Link to="/templates" className="button">
              {t.openTemplates}
            </Link>
          </p>
        </EmptyState>
      ) : null}
      {selected ? (
        <div className="mailbox">
          <ul className="mailbox-list" aria-label={t.listLabel}>
            {messages.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className={m.id === selected.id ? "mailbox-item is-active" : "mailbox-item"}
                  aria-current={m.id === selected.id ? "true" : undefined}
                  onClick={() => setSelectedId(m.id)}
                >
                  <span className="mailbox-item-top">
                    <span className="mailbox-item-to">{m.to}</span>
                    <time dateTime={m.createdAt} className="muted small">
                      {formatRelative(m.createdAt)}
                    </time>
                  </span>
                  <span className="mailbox-item-subject">{m.subject || t.noSubject}</span>
                  <span className="mailbox-item-snippet muted small">{snippet(m.text)}</span>
                </button>
              </li>
            ))}
          </ul>
          <MessageView key={selected.id} message={selected} />
        </div>
      ) : null}
    </div>
  );
}

function MessageView({ message }: { message: MailboxMessage }) {
  const [tab, setTab] = useState<Tab>("html");
  return (
    <article className="mailbox-message" aria-label={message.subject}>
      <header className="mailbox-message-header">
        <h2>{message.subject || t.noSubject}</h2>
        <dl className="mailbox-meta">
          <dt>{t.from}</dt>
          <dd>{message.from}</dd>
          <dt>{t.to}</dt>
          <dd>{message.to}</dd>
          <dt>{t.date}</dt>
          <dd>{formatDateTime(message.createdAt)}</dd>
        </dl>
      </header>
      <div className="tabs" role="tablist">
        {(
          [
            ["html", t.tabHtml],
            ["text", t.tabText],
            ["headers", t.tabHeaders],
          ] as const
        ).map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? "tab is-active" : "tab"}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="mailbox-body" role="tabpanel">
        {tab === "html" ? (
          <iframe title={t.frame} className="mailbox-frame" sandbox="" srcDoc={message.html} />
        ) : null}
        {tab === "text" ? <pre className="mailbox-text">{message.text}</pre> : null}
        {tab === "headers" ? (
          <table className="table mailbox-headers">
            <tbody>
              {[
                [t.messageId, message.messageId],
                [t.from, message.from],
                [t.to, message.to],
                [t.subject, message.subject],
                [t.date, new Date(message.createdAt).toUTCString()],
              ].map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </article>
  );
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 90 ? `${line.slice(0, 90)}…` : line;
}
