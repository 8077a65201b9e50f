import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { type EmailSettingsData, emailApi } from "../templates/email-api.ts";
import { CheckIcon, CopyIcon } from "../ui/Icons.tsx";
import { emailStrings as t } from "./email-strings.ts";

const domainPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Creates the DKIM key and shows the DNS record to publish, each part ready to copy. */
export function DkimCard({
  settings,
  onSaved,
}: {
  settings: EmailSettingsData;
  onSaved(data: EmailSettingsData): void;
}) {
  const dkim = settings.dkim;
  const [domain, setDomain] = useState(dkim?.domain ?? settings.fromAddress.split("@")[1] ?? "");
  const [selector, setSelector] = useState(dkim?.selector ?? "voronka");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!domainPattern.test(domain.trim())) {
      setError(t.badDomain);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onSaved(
        await emailApi.generateDkim({
          domain: domain.trim(),
          selector: selector.trim() || "voronka",
        }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="subcard stack-sm">
      <div>
        <h3>{t.dkimTitle}</h3>
        <p className="muted small">{t.dkimHint}</p>
      </div>
      {dkim ? (
        <section className="dns-record" aria-label={t.dnsTitle(dkim.domain)}>
          <p className="dns-record-title">{t.dnsTitle(dkim.domain)}</p>
          <CopyRow label={t.dnsName} value={dkim.dnsRecord.name} />
          <CopyRow label={t.dnsType} value={dkim.dnsRecord.type} />
          <CopyRow label={t.dnsValue} value={dkim.dnsRecord.value} long />
          <p className="muted small">{t.dnsAfter}</p>
        </section>
      ) : (
        <p className="muted">{t.dkimNone}</p>
      )}
      <form className="settings-row" onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor="dkim-domain">{t.domain}</label>
          <input
            id="dkim-domain"
            className="input"
            placeholder={t.domainPlaceholder}
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor="dkim-selector">{t.selector}</label>
          <input
            id="dkim-selector"
            className="input"
            value={selector}
            onChange={(e) => setSelector(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t.generating : dkim ? t.regenerate : t.generate}
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CopyRow({ label, value, long = false }: { label: string; value: string; long?: boolean }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="dns-row">
      <span className="dns-label">{label}</span>
      <code className={long ? "dns-value dns-value-long" : "dns-value"}>{value}</code>
      <button
        type="button"
        className="button button-small"
        onClick={copy}
        aria-label={`${t.copy}: ${label}`}
      >
        {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
        {copied ? t.copied : t.copy}
      </button>
    </div>
  );
}
