import type { LeadSource } from "@voronka/contract";
import { AlertIcon } from "../ui/Icons.tsx";
import { CopyField } from "./CopyField.tsx";
import { leadStrings as t } from "./strings.ts";

interface Props {
  source: LeadSource;
  /** The generated secret, when it was just made (it is shown this once). */
  secret: string | null;
  rotating: boolean;
  onRotate(): void;
}

/** What to paste at the provider: the webhook address, the secret or token, and how. */
export function ConnectPanel({ source, secret, rotating, onRotate }: Props) {
  const url = source.endpoint?.url ?? "";
  return (
    <section className="card lead-card" aria-labelledby="lead-connect-title">
      <div className="card-header">
        <h2 id="lead-connect-title">{t.connectTitle}</h2>
      </div>
      <div className="card-body form">
        <CopyField label={t.webhookUrl} value={url} />
        {source.channel === "telegram" || source.channel === "call_tracking" ? (
          <SecretBlock
            label={source.channel === "telegram" ? t.telegram.secretLabel : t.calls.secretLabel}
            hint={source.channel === "telegram" ? t.telegram.secretHint : t.calls.secretHint}
            secret={secret}
            rotating={rotating}
            onRotate={onRotate}
          />
        ) : null}
        {source.channel === "telegram" ? (
          <TelegramSteps url={url} secret={secret} />
        ) : source.channel === "whatsapp" ? (
          <WhatsAppSteps verifyToken={source.settings.verifyToken ?? ""} />
        ) : source.channel === "viber" ? (
          <ViberSteps url={url} />
        ) : (
          <Steps steps={t.calls.steps} />
        )}
      </div>
    </section>
  );
}

function Steps({ steps }: { steps: readonly string[] }) {
  return (
    <ol className="lead-steps">
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
}

function TelegramSteps({ url, secret }: { url: string; secret: string | null }) {
  const link =
    `https://api.telegram.org/bot<BOT_TOKEN>/setWebhook?url=${encodeURIComponent(url)}` +
    `&secret_token=${secret ?? ""}`;
  const [first, second] = t.telegram.steps;
  return (
    <ol className="lead-steps">
      <li>
        {first}
        <CopyField label={secret ? t.telegram.linkLabel : t.telegram.noSecretLink} value={link} />
      </li>
      <li>{second}</li>
    </ol>
  );
}

function WhatsAppSteps({ verifyToken }: { verifyToken: string }) {
  return (
    <>
      <Steps steps={t.whatsapp.steps} />
      <CopyField label={t.whatsapp.verifyLabel} value={verifyToken} />
      <p className="muted small">{t.whatsapp.secretNote}</p>
    </>
  );
}

function ViberSteps({ url }: { url: string }) {
  const command = [
    "curl -X POST https://chatapi.viber.com/pa/set_webhook \\",
    '  -H "X-Viber-Auth-Token: <BOT_TOKEN>" \\',
    `  -d '${JSON.stringify({ url, event_types: ["conversation_started", "message", "subscribed"] })}'`,
  ].join("\n");
  const [first, second] = t.viber.steps;
  return (
    <>
      <ol className="lead-steps">
        <li>
          {first}
          <CopyField label={t.viber.commandLabel} value={command} code />
        </li>
        <li>{second}</li>
      </ol>
      <p className="muted small">{t.viber.secretNote}</p>
    </>
  );
}

function SecretBlock({
  label,
  hint,
  secret,
  rotating,
  onRotate,
}: {
  label: string;
  hint: string;
  secret: string | null;
  rotating: boolean;
  onRotate(): void;
}) {
  if (secret) {
    return (
      <div className="new-key">
        <p className="new-key-warning">
          <AlertIcon size={16} />
          <span>{t.secretOnce}</span>
        </p>
        <CopyField label={label} value={secret} once />
        <p className="muted small">{hint}</p>
      </div>
    );
  }
  return (
    <div className="lead-secret-lost">
      <p className="muted small">{t.secretLost}</p>
      <button type="button" className="button button-small" onClick={onRotate} disabled={rotating}>
        {rotating ? t.rotating : t.rotate}
      </button>
    </div>
  );
}
