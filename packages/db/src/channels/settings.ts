import { randomBytes } from "node:crypto";
import { credentialKey, decryptSecret, encryptSecret } from "@voronka/core";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { channelSettings } from "../schema/channels.ts";

export type ChannelSettingsRow = typeof channelSettings.$inferSelect;

/** A change to the settings; tokens in clear (encrypted here), `null` clears a field. */
export interface ChannelSettingsPatch {
  telegramToken?: string | null;
  telegramBaseUrl?: string | null;
  whatsappPhoneNumberId?: string | null;
  whatsappToken?: string | null;
  whatsappLanguage?: string;
  whatsappBaseUrl?: string | null;
  viberToken?: string | null;
  viberSenderName?: string | null;
  viberBaseUrl?: string | null;
  smsAccountSid?: string | null;
  smsAuthToken?: string | null;
  smsFrom?: string | null;
  smsBaseUrl?: string | null;
  allowPrivateWebhooks?: boolean;
}

/** Decrypted credentials, for the dispatcher only (never sent to a client). */
export interface ChannelCredentials {
  telegram: { token: string; baseUrl: string | null } | null;
  whatsapp: {
    phoneNumberId: string;
    token: string;
    language: string;
    baseUrl: string | null;
  } | null;
  viber: { token: string; senderName: string; baseUrl: string | null } | null;
  sms: { accountSid: string; authToken: string; from: string; baseUrl: string | null } | null;
  allowPrivateWebhooks: boolean;
}

const seal = (v: string | null | undefined, key: Buffer) =>
  v === undefined ? undefined : v === null ? null : encryptSecret(v, key);

/** The workspace's stored settings row, or null when nothing was saved yet. */
export async function getChannelSettings(
  tx: Tx,
  workspaceId: string,
): Promise<ChannelSettingsRow | null> {
  const [row] = await tx
    .select()
    .from(channelSettings)
    .where(eq(channelSettings.workspaceId, workspaceId));
  return row ?? null;
}

/** Creates or changes the settings; tokens are encrypted before they reach the database. */
export async function saveChannelSettings(
  tx: Tx,
  workspaceId: string,
  patch: ChannelSettingsPatch,
  key: Buffer = credentialKey(),
): Promise<ChannelSettingsRow> {
  const { telegramToken, whatsappToken, viberToken, smsAuthToken, ...plain } = patch;
  const values = {
    ...plain,
    telegramTokenEnc: seal(telegramToken, key),
    whatsappTokenEnc: seal(whatsappToken, key),
    viberTokenEnc: seal(viberToken, key),
    smsAuthTokenEnc: seal(smsAuthToken, key),
  };
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const [row] = await tx
    .insert(channelSettings)
    .values({ workspaceId, ...set })
    .onConflictDoUpdate({
      target: channelSettings.workspaceId,
      set: { ...set, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error("channel settings not saved");
  return row;
}

/** The last four characters of an encrypted token, for "…abcd" hints; null when unset. */
export function tokenHint(sealed: string | null, key: Buffer = credentialKey()): string | null {
  if (!sealed) return null;
  try {
    return `…${decryptSecret(sealed, key).slice(-4)}`;
  } catch {
    return "…(unreadable: VORONKA_SECRET changed?)";
  }
}

/** Decrypts what the dispatcher needs; a channel is null until fully configured. */
export function channelCredentials(
  row: ChannelSettingsRow | null,
  key: Buffer = credentialKey(),
): ChannelCredentials {
  const open = (v: string | null) => (v ? decryptSecret(v, key) : null);
  if (!row)
    return { telegram: null, whatsapp: null, viber: null, sms: null, allowPrivateWebhooks: false };
  const telegramToken = open(row.telegramTokenEnc);
  const whatsappToken = open(row.whatsappTokenEnc);
  const viberToken = open(row.viberTokenEnc);
  const smsToken = open(row.smsAuthTokenEnc);
  return {
    telegram: telegramToken ? { token: telegramToken, baseUrl: row.telegramBaseUrl } : null,
    whatsapp:
      whatsappToken && row.whatsappPhoneNumberId
        ? {
            phoneNumberId: row.whatsappPhoneNumberId,
            token: whatsappToken,
            language: row.whatsappLanguage,
            baseUrl: row.whatsappBaseUrl,
          }
        : null,
    viber: viberToken
      ? {
          token: viberToken,
          senderName: row.viberSenderName ?? "Voronka",
          baseUrl: row.viberBaseUrl,
        }
      : null,
    sms:
      smsToken && row.smsAccountSid && row.smsFrom
        ? {
            accountSid: row.smsAccountSid,
            authToken: smsToken,
            from: row.smsFrom,
            baseUrl: row.smsBaseUrl,
          }
        : null,
    allowPrivateWebhooks: row.allowPrivateWebhooks,
  };
}

function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** Replaces the webhook signing secret and returns it in clear (shown to the user once). */
export async function rotateWebhookSecret(
  tx: Tx,
  workspaceId: string,
  key: Buffer = credentialKey(),
): Promise<string> {
  const secret = newWebhookSecret();
  const enc = encryptSecret(secret, key);
  await tx
    .insert(channelSettings)
    .values({ workspaceId, webhookSecretEnc: enc })
    .onConflictDoUpdate({
      target: channelSettings.workspaceId,
      set: { webhookSecretEnc: enc, updatedAt: new Date() },
    });
  return secret;
}

/**
 * The workspace's webhook signing secret in clear, created on first use (a journey can fire a
 * webhook before anyone opened the settings; the user rotates to see a secret).
 */
export async function webhookSecret(
  tx: Tx,
  workspaceId: string,
  key: Buffer = credentialKey(),
): Promise<string> {
  const row = await getChannelSettings(tx, workspaceId);
  if (row?.webhookSecretEnc) return decryptSecret(row.webhookSecretEnc, key);
  const enc = encryptSecret(newWebhookSecret(), key);
  // Two dispatchers racing here must agree on one secret: only a null column is filled.
  await tx
    .insert(channelSettings)
    .values({ workspaceId, webhookSecretEnc: enc })
    .onConflictDoNothing();
  await tx.execute(sql`
    update channel_settings set webhook_secret_enc = ${enc}
    where workspace_id = ${workspaceId} and webhook_secret_enc is null`);
  const again = await getChannelSettings(tx, workspaceId);
  if (!again?.webhookSecretEnc) throw new Error("webhook secret not saved");
  return decryptSecret(again.webhookSecretEnc, key);
}
