import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { useMe } from "../session/SessionProvider.tsx";
import { emailApi } from "../templates/email-api.ts";
import { emailStrings as t } from "./email-strings.ts";

type Outcome = { ok: true; to: string; via: "smtp" | "mailbox" } | { ok: false; text: string };

/** Sends a template through the saved settings: the check that the SMTP server takes mail. */
export function SmtpTestForm() {
  const me = useMe();
  const templates = useQuery(emailApi.listTemplates);
  const [templateId, setTemplateId] = useState("");
  const [to, setTo] = useState(me.user.email);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const list = templates.state.status === "success" ? templates.state.data.data : [];
  const chosen = templateId || list[0]?.id || "";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    setPending(true);
    setOutcome(null);
    try {
      const result = await emailApi.testSend(chosen, to.trim());
      setOutcome({ ok: true, to: to.trim(), via: result.via });
    } catch (caught) {
      setOutcome({ ok: false, text: errorMessage(caught) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="subcard stack-sm" onSubmit={handleSubmit} noValidate>
      <div>
        <h3>{t.testTitle}</h3>
        <p className="muted small">{t.testHint}</p>
      </div>
      {templates.state.status === "success" && list.length === 0 ? (
        <p className="muted">
          {t.noTemplates} <Link to="/templates">→</Link>
        </p>
      ) : (
        <div className="settings-row">
          <div className="field">
            <label htmlFor="smtp-test-template">{t.testTemplate}</label>
            <select
              id="smtp-test-template"
              className="input select"
              value={chosen}
              onChange={(e) => setTemplateId(e.target.value)}
            >
              {list.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="smtp-test-to">{t.testTo}</label>
            <input
              id="smtp-test-to"
              className="input"
              type="email"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={pending || !chosen}>
            {pending ? t.sending : t.send}
          </button>
        </div>
      )}
      {outcome?.ok ? (
        <p className="form-ok small" role="status">
          {outcome.via === "smtp" ? t.sentSmtp(outcome.to) : t.sentMailbox(outcome.to)}{" "}
          {outcome.via === "mailbox" ? (
            <Link to="/mailbox" className="inline-link">
              {t.openMailbox}
            </Link>
          ) : null}
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <p className="field-error" role="alert">
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
