import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../session/SessionProvider.tsx";
import { emailApi } from "./email-api.ts";
import { templateStrings as t } from "./strings.ts";

interface Props {
  templateId: string;
  contactId: string | null;
  /** Saving or invalid: the test would send an older version. */
  disabled: boolean;
}

type Outcome =
  | { kind: "sent"; to: string; via: "smtp" | "mailbox" }
  | { kind: "error"; message: string };

/** Sends the saved version to an address now, rendered for the previewed contact. */
export function TestSendForm({ templateId, contactId, disabled }: Props) {
  const me = useMe();
  const [to, setTo] = useState(me.user.email);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = to.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setOutcome({ kind: "error", message: t.badAddress });
      return;
    }
    setSending(true);
    setOutcome(null);
    try {
      const result = await emailApi.testSend(templateId, address, contactId ?? undefined);
      setOutcome({ kind: "sent", to: address, via: result.via });
    } catch (caught) {
      setOutcome({ kind: "error", message: errorMessage(caught) });
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="test-send" onSubmit={handleSubmit} noValidate>
      <div className="test-send-row">
        <label htmlFor="test-send-to" className="test-send-label">
          {t.testSend}
        </label>
        <input
          id="test-send-to"
          className="input input-small"
          type="email"
          aria-label={t.testTo}
          placeholder={t.testToPlaceholder}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={sending || disabled}>
          {sending ? t.sending : t.send}
        </button>
      </div>
      {outcome?.kind === "sent" ? (
        <p className="test-send-result small" role="status">
          {outcome.via === "mailbox" ? t.sentToMailbox(outcome.to) : t.sentSmtp(outcome.to)}{" "}
          {outcome.via === "mailbox" ? (
            <Link to="/mailbox" className="inline-link">
              {t.openMailbox}
            </Link>
          ) : null}
        </p>
      ) : (
        <p className="small muted">{t.testSendHint}</p>
      )}
      {outcome?.kind === "error" ? (
        <p className="field-error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
