import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import {
  type ChannelSettingsData,
  type ChannelSettingsPatch,
  channelsApi,
} from "./channels-api.ts";
import { channelStrings as t } from "./channels-strings.ts";
import "../styles/channels.css";
import { SettingsCard } from "./SettingsCard.tsx";

type Saver = (patch: ChannelSettingsPatch) => Promise<boolean>;

interface FieldSpec {
  key: keyof ChannelSettingsPatch;
  label: string;
  /** A token: blank means "keep the saved one"; shown as a password field. */
  secret?: boolean;
  value?: string | null;
  placeholder?: string;
}

/** Telegram, WhatsApp, Viber and SMS credentials, and the webhook signing secret and SSRF flag. */
export function ChannelsSection() {
  const { state, setState, reload } = useQuery(channelsApi.settings);
  const save: Saver = async (patch) => {
    const data = await channelsApi.update(patch);
    setState({ status: "success", data });
    return true;
  };

  return (
    <SettingsCard
      id="channels"
      title={t.title}
      hint={t.hint}
      loadingLabel={t.loading}
      state={state}
      reload={reload}
    >
      {(settings) => <ChannelForms settings={settings} save={save} />}
    </SettingsCard>
  );
}

function ChannelForms({ settings: s, save }: { settings: ChannelSettingsData; save: Saver }) {
  return (
    <>
      <ChannelForm
        id="telegram"
        name={t.telegram.name}
        hint={t.telegram.tokenHint}
        connected={s.telegram.configured}
        tokenHint={s.telegram.token.hint}
        fields={[{ key: "telegramToken", label: t.telegram.token, secret: true }]}
        disconnect={{ telegramToken: null }}
        save={save}
      />
      <ChannelForm
        id="whatsapp"
        name={t.whatsapp.name}
        hint={t.whatsapp.tokenHint}
        connected={s.whatsapp.configured}
        tokenHint={s.whatsapp.token.hint}
        fields={[
          {
            key: "whatsappPhoneNumberId",
            label: t.whatsapp.phoneNumberId,
            value: s.whatsapp.phoneNumberId,
          },
          { key: "whatsappToken", label: t.whatsapp.token, secret: true },
          {
            key: "whatsappTemplateLanguage",
            label: t.whatsapp.language,
            value: s.whatsapp.templateLanguage,
          },
        ]}
        disconnect={{ whatsappToken: null }}
        save={save}
      />
      <ChannelForm
        id="viber"
        name={t.viber.name}
        hint={t.viber.tokenHint}
        connected={s.viber.configured}
        tokenHint={s.viber.token.hint}
        fields={[
          { key: "viberToken", label: t.viber.token, secret: true },
          { key: "viberSenderName", label: t.viber.senderName, value: s.viber.senderName },
        ]}
        disconnect={{ viberToken: null }}
        save={save}
      />
      <ChannelForm
        id="sms"
        name={t.sms.name}
        hint={t.sms.tokenHint}
        connected={s.sms.configured}
        tokenHint={s.sms.authToken.hint}
        fields={[
          { key: "smsAccountSid", label: t.sms.accountSid, value: s.sms.accountSid },
          { key: "smsAuthToken", label: t.sms.token, secret: true },
          { key: "smsFrom", label: t.sms.from, value: s.sms.from, placeholder: "+15005550006" },
        ]}
        disconnect={{ smsAuthToken: null }}
        save={save}
      />
      <WebhookForm settings={s} save={save} />
    </>
  );
}

function ChannelForm(props: {
  id: string;
  name: string;
  hint: string;
  connected: boolean;
  tokenHint: string | null;
  fields: FieldSpec[];
  disconnect: ChannelSettingsPatch;
  save: Saver;
}) {
  const initial = Object.fromEntries(
    props.fields.map((f) => [f.key, f.secret ? "" : (f.value ?? "")]),
  );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(patch: ChannelSettingsPatch) {
    setPending(true);
    setMessage(null);
    try {
      await props.save(patch);
      setValues((v) =>
        Object.fromEntries(
          Object.entries(v).map(([k, x]) => [
            k,
            props.fields.find((f) => f.key === k)?.secret ? "" : x,
          ]),
        ),
      );
      setMessage({ ok: true, text: t.saved });
    } catch (caught) {
      setMessage({ ok: false, text: errorMessage(caught) });
    } finally {
      setPending(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch: Record<string, string | null> = {};
    for (const f of props.fields) {
      const v = (values[f.key] ?? "").trim();
      if (f.secret && v === "") continue;
      patch[f.key] = v === "" ? null : v;
    }
    // Keys come from FieldSpec, which is typed by the patch's own keys.
    void run(patch as ChannelSettingsPatch);
  }

  return (
    <form
      className="subcard stack-sm"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${props.id}-name`}
    >
      <div className="channel-form-head">
        <h3 id={`${props.id}-name`}>{props.name}</h3>
        <span className={props.connected ? "channel-state channel-state-on" : "channel-state"}>
          {props.connected ? t.connected : t.notConnected}
          {props.tokenHint ? ` · ${t.tokenSet(props.tokenHint)}` : ""}
        </span>
      </div>
      <p className="field-hint">{props.hint}</p>
      <div className="settings-grid">
        {props.fields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${props.id}-${f.key}`}>{f.label}</label>
            <input
              id={`${props.id}-${f.key}`}
              className={f.secret ? "input mono" : "input"}
              type={f.secret ? "password" : "text"}
              autoComplete="off"
              spellCheck={false}
              placeholder={f.secret && props.tokenHint ? t.newToken : f.placeholder}
              value={values[f.key] ?? ""}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.saving : t.save}
        </button>
        {props.tokenHint ? (
          <button
            type="button"
            className="button button-danger-ghost"
            disabled={pending}
            onClick={() => void run(props.disconnect)}
          >
            {t.disconnect}
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

function WebhookForm({ settings, save }: { settings: ChannelSettingsData; save: Saver }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [hint, setHint] = useState(settings.webhooks.signingSecret.hint);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [allowPrivate, setAllowPrivate] = useState(settings.webhooks.allowPrivateNetworks);

  async function rotate() {
    setPending(true);
    setError(null);
    try {
      const r = await channelsApi.rotateWebhookSecret();
      setSecret(r.secret);
      setHint(`…${r.secret.slice(-4)}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  async function togglePrivate(on: boolean) {
    setAllowPrivate(on);
    setPending(true);
    setError(null);
    try {
      await save({ allowPrivateNetworks: on });
    } catch (caught) {
      setAllowPrivate(!on);
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="subcard stack-sm" aria-labelledby="webhooks-name">
      <div className="channel-form-head">
        <h3 id="webhooks-name">{t.webhooks.name}</h3>
      </div>
      <p className="field-hint">{hint ? t.webhooks.secretSet(hint) : t.webhooks.secretNone}</p>
      {secret ? (
        <div className="channel-secret" role="status">
          <p>{t.webhooks.newSecret}</p>
          <code className="mono">{secret}</code>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" disabled={pending} onClick={() => void rotate()}>
          {t.webhooks.rotate}
        </button>
      </div>
      <label className="channel-check">
        <input
          type="checkbox"
          checked={allowPrivate}
          disabled={pending}
          onChange={(e) => void togglePrivate(e.target.checked)}
        />
        <span>
          <strong>{t.webhooks.privateLabel}</strong>
          <span className="field-hint">{t.webhooks.privateHint}</span>
        </span>
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
