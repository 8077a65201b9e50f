import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { type EmailSettingsData, emailApi } from "../templates/email-api.ts";
import { DkimCard } from "./DkimCard.tsx";
import { emailStrings as t } from "./email-strings.ts";
import { SettingsCard } from "./SettingsCard.tsx";
import { SmtpTestForm } from "./SmtpTestForm.tsx";

/** Sender, SMTP server (with a test send) and DKIM. */
export function EmailSection() {
  const { state, setState, reload } = useQuery(emailApi.settings);
  const onSaved = (data: EmailSettingsData) => setState({ status: "success", data });

  return (
    <SettingsCard
      id="email"
      title={t.title}
      hint={t.hint}
      loadingLabel={t.loading}
      state={state}
      reload={reload}
    >
      {(settings) => (
        <>
          <SenderForm settings={settings} onSaved={onSaved} />
          <SmtpTestForm />
          <DkimCard settings={settings} onSaved={onSaved} />
        </>
      )}
    </SettingsCard>
  );
}

function SenderForm({
  settings,
  onSaved,
}: {
  settings: EmailSettingsData;
  onSaved(data: EmailSettingsData): void;
}) {
  const [fromName, setFromName] = useState(settings.fromName);
  const [fromAddress, setFromAddress] = useState(settings.fromAddress);
  const [smtpUrl, setSmtpUrl] = useState("");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(patch: { fromName?: string; fromAddress?: string; smtpUrl?: string | null }) {
    setPending(true);
    setMessage(null);
    try {
      onSaved(await emailApi.updateSettings(patch));
      setSmtpUrl("");
      setMessage({ ok: true, text: t.saved });
    } catch (caught) {
      setMessage({ ok: false, text: errorMessage(caught) });
    } finally {
      setPending(false);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+$/.test(fromAddress.trim())) {
      setMessage({ ok: false, text: t.badAddress });
      return;
    }
    const url = smtpUrl.trim();
    if (url && !/^smtps?:\/\/[^\s]+$/.test(url)) {
      setMessage({ ok: false, text: t.badUrl });
      return;
    }
    void save({
      fromName: fromName.trim(),
      fromAddress: fromAddress.trim(),
      ...(url ? { smtpUrl: url } : {}),
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor="email-from-name">{t.fromName}</label>
          <input
            id="email-from-name"
            className="input"
            value={fromName}
            onChange={(e) => setFromName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="email-from-address">{t.fromAddress}</label>
          <input
            id="email-from-address"
            className="input"
            type="email"
            value={fromAddress}
            onChange={(e) => setFromAddress(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="email-smtp">{t.smtpUrl}</label>
        <p className={settings.smtpConfigured ? "smtp-state smtp-state-on" : "smtp-state"}>
          {settings.smtpConfigured ? t.smtpUsing : t.smtpNone}
        </p>
        <input
          id="email-smtp"
          className="input mono"
          placeholder={t.smtpPlaceholder}
          autoComplete="off"
          spellCheck={false}
          value={smtpUrl}
          onChange={(e) => setSmtpUrl(e.target.value)}
        />
        <p className="field-hint">{t.smtpUrlHint}</p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.saving : t.save}
        </button>
        {settings.smtpConfigured ? (
          <button
            type="button"
            className="button button-danger-ghost"
            disabled={pending}
            onClick={() => void save({ smtpUrl: null })}
          >
            {t.removeSmtp}
          </button>
        ) : null}
        {message ? (
          <span className={message.ok ? "form-ok" : "field-error"} role="status">
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
