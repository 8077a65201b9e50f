import { type FormEvent, useEffect, useState } from "react";
import { useLocation } from "react-router-dom";
import { ApiError, errorMessage } from "../api/client.ts";
import { useQuery } from "../api/use-query.ts";
import { formatDateTime, formatRelative } from "../ui/format.ts";
import { type AdAccountData, type AdPlatformKey, adAccountsApi } from "./ad-accounts-api.ts";
import { adAccountStrings as t } from "./ad-accounts-strings.ts";
import "../styles/channels.css";
import { SettingsCard } from "./SettingsCard.tsx";

/** The anchor "account not set up" on the audiences screen links to. */
export const AD_ACCOUNTS_ANCHOR = "ad-accounts";

interface Field {
  /** A credential key, or `accountId` (the only field saved in the clear and shown back). */
  key: string;
  label: string;
  kind: "secret" | "text" | "listType";
  placeholder?: string;
}

const PLATFORMS: { platform: AdPlatformKey; fields: Field[] }[] = [
  {
    platform: "meta",
    fields: [{ key: "accessToken", label: t.meta.accessToken, kind: "secret" }],
  },
  {
    platform: "google",
    fields: [
      {
        key: "accountId",
        label: t.google.accountId,
        kind: "text",
        placeholder: t.google.accountIdPlaceholder,
      },
      { key: "developerToken", label: t.google.developerToken, kind: "secret" },
      { key: "accessToken", label: t.google.accessToken, kind: "secret" },
      { key: "loginCustomerId", label: t.google.loginCustomerId, kind: "secret" },
    ],
  },
  {
    platform: "vk",
    fields: [
      { key: "accessToken", label: t.vk.accessToken, kind: "secret" },
      { key: "listType", label: t.vk.listType, kind: "listType" },
    ],
  },
  {
    platform: "yandex",
    fields: [{ key: "oauthToken", label: t.yandex.oauthToken, kind: "secret" }],
  },
];

/** Meta, Google Ads, VK Ads and Yandex Audience credentials: write-only, with disconnect. */
export function AdAccountsSection() {
  const { state, setState, reload } = useQuery(adAccountsApi.list);
  const { hash } = useLocation();
  const loaded = state.status === "success";

  // The section renders after its data, so the browser's own jump to #ad-accounts misses it.
  useEffect(() => {
    if (loaded && hash === `#${AD_ACCOUNTS_ANCHOR}`) {
      document.getElementById(AD_ACCOUNTS_ANCHOR)?.scrollIntoView();
    }
  }, [loaded, hash]);

  const replace = (platform: AdPlatformKey, account: AdAccountData | null) => {
    if (state.status !== "success") return;
    const rest = state.data.data.filter((a) => a.platform !== platform);
    setState({ status: "success", data: { data: account ? [...rest, account] : rest } });
  };

  return (
    <SettingsCard
      id={AD_ACCOUNTS_ANCHOR}
      anchor
      title={t.title}
      hint={t.hint}
      loadingLabel={t.loading}
      state={state}
      reload={reload}
    >
      {(accounts) =>
        PLATFORMS.map((p) => (
          <AccountForm
            key={p.platform}
            platform={p.platform}
            fields={p.fields}
            account={accounts.data.find((a) => a.platform === p.platform) ?? null}
            onChange={(a) => replace(p.platform, a)}
          />
        ))
      }
    </SettingsCard>
  );
}

function AccountForm(props: {
  platform: AdPlatformKey;
  fields: Field[];
  account: AdAccountData | null;
  onChange: (account: AdAccountData | null) => void;
}) {
  const { platform, fields, account } = props;
  const text = t[platform];
  const id = `ad-${platform}`;
  const blank = () =>
    Object.fromEntries(
      fields.map((f) => [f.key, f.key === "accountId" ? (account?.accountId ?? "") : ""]),
    );
  const [values, setValues] = useState<Record<string, string>>(blank);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const saved = new Set(account?.credentialFields ?? []);

  async function run(action: () => Promise<AdAccountData | null>, done: string) {
    setPending(true);
    setMessage(null);
    try {
      const next = await action();
      props.onChange(next);
      setValues(
        Object.fromEntries(
          fields.map((f) => [f.key, f.key === "accountId" ? (next?.accountId ?? "") : ""]),
        ),
      );
      setMessage({ ok: true, text: done });
    } catch (caught) {
      // The server names each missing field by path (`credentials.accessToken`, `accountId`).
      const named = caught instanceof ApiError ? (caught.details ?? []) : [];
      const labels = fields
        .filter((f) => named.some((d) => d.path.replace(/^credentials\./, "") === f.key))
        .map((f) => f.label);
      setMessage({
        ok: false,
        text: labels.length > 0 ? t.fillIn(labels.join(", ")) : errorMessage(caught),
      });
    } finally {
      setPending(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const credentials: Record<string, string> = {};
    let accountId: string | null | undefined;
    for (const f of fields) {
      const v = (values[f.key] ?? "").trim();
      if (f.key === "accountId") accountId = v === "" ? null : v;
      else if (v !== "") credentials[f.key] = v;
    }
    void run(
      () =>
        adAccountsApi.save(
          platform,
          accountId === undefined ? { credentials } : { accountId, credentials },
        ),
      t.saved,
    );
  }

  function disconnect() {
    if (!window.confirm(t.confirmDisconnect(text.name))) return;
    void run(async () => {
      await adAccountsApi.remove(platform);
      return null;
    }, t.disconnected);
  }

  return (
    <form className="subcard stack-sm" onSubmit={submit} noValidate aria-labelledby={`${id}-name`}>
      <div className="channel-form-head">
        <h3 id={`${id}-name`}>{text.name}</h3>
        <span className={account ? "channel-state channel-state-on" : "channel-state"}>
          {account ? t.connected : t.notConnected}
          {account ? (
            <>
              {" · "}
              <time dateTime={account.updatedAt} title={formatDateTime(account.updatedAt)}>
                {t.changed(formatRelative(account.updatedAt))}
              </time>
            </>
          ) : null}
        </span>
      </div>
      <p className="field-hint">{text.where}</p>
      <div className="settings-grid">
        {fields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
            {f.kind === "listType" ? (
              <select
                id={`${id}-${f.key}`}
                className="input select"
                value={values[f.key] ?? ""}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              >
                <option value="">{saved.has(f.key) ? t.listKeep : t.listNone}</option>
                <option value="email">{t.vk.email}</option>
                <option value="phone">{t.vk.phone}</option>
              </select>
            ) : (
              <input
                id={`${id}-${f.key}`}
                className={f.kind === "secret" ? "input mono" : "input"}
                type={f.kind === "secret" ? "password" : "text"}
                autoComplete="off"
                spellCheck={false}
                placeholder={f.kind === "secret" && saved.has(f.key) ? t.keepSaved : f.placeholder}
                value={values[f.key] ?? ""}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
            )}
          </div>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.saving : t.save}
        </button>
        {account ? (
          <button
            type="button"
            className="button button-danger-ghost"
            disabled={pending}
            onClick={disconnect}
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
