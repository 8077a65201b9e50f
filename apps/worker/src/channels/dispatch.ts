import {
  type ChannelCredentials,
  type ChannelOutcome,
  channelCredentials,
  claimChannelEffects,
  type Db,
  DISPATCHED_CHANNELS,
  type EffectResult,
  finishChannelEffects,
  getChannelSettings,
  type MessageEvent,
  recordEffectResults,
  recordMessageEvents,
  webhookSecret,
} from "@voronka/db";
import { type EmailConfig, emailConfig } from "@voronka/email";
import { notifyManager } from "./notify.ts";
import { sendMessage } from "./send-message.ts";
import { callWebhook } from "./webhook.ts";

export interface ChannelDispatchOptions {
  limit?: number;
  now?: Date;
  /** Webhook timeout (ms); 10 s by default. */
  webhookTimeoutMs?: number;
  /** For manager emails (links, SMTP_URL); read from the environment when not given. */
  emailConfig?: EmailConfig;
  /** The credential key; derived from VORONKA_SECRET when not given. */
  credentialKey?: Buffer;
}

export interface ChannelDispatchReport {
  claimed: number;
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
}

/**
 * Carries out one batch of messenger, SMS, webhook and notify effects in one transaction:
 * claim (row locks held while sending, like email: a crash before commit re-sends the same
 * effect keys, which receivers can de-duplicate on), send, then record outcomes, delivery
 * events, and the replies journeys wait for.
 */
export async function dispatchChannelBatch(
  db: Db,
  options: ChannelDispatchOptions = {},
): Promise<ChannelDispatchReport> {
  const now = options.now ?? new Date();
  let config = options.emailConfig;
  const getConfig = () => {
    config ??= emailConfig();
    return config;
  };
  return db.transaction(async (tx) => {
    const claimed = await claimChannelEffects(tx, {
      channels: DISPATCHED_CHANNELS,
      limit: options.limit ?? 20,
      now,
    });
    const report: ChannelDispatchReport = {
      claimed: claimed.length,
      sent: 0,
      skipped: 0,
      retrying: 0,
      failed: 0,
    };
    if (claimed.length === 0) return report;

    // Settings first, one query at a time on the batch's connection; the sends then run
    // concurrently without touching it.
    const creds = new Map<string, ChannelCredentials>();
    const secrets = new Map<string, string>();
    for (const ws of new Set(claimed.map((c) => c.workspaceId))) {
      creds.set(ws, channelCredentials(await getChannelSettings(tx, ws), options.credentialKey));
      if (claimed.some((c) => c.workspaceId === ws && c.channel === "webhook")) {
        secrets.set(ws, await webhookSecret(tx, ws, options.credentialKey));
      }
    }
    const outcomes: ChannelOutcome[] = [];
    for (const c of claimed.filter((x) => x.channel === "notify")) {
      outcomes.push(await notifyManager(tx, c, getConfig, now));
    }
    const events = new Map<string, MessageEvent[]>();
    const replies: (EffectResult & { workspaceId: string })[] = [];
    await Promise.all(
      claimed.map(async (c) => {
        const cred = creds.get(c.workspaceId);
        if (!cred || c.channel === "notify") return;
        if (c.channel === "webhook") {
          const r = await callWebhook(c, {
            secret: secrets.get(c.workspaceId) ?? "",
            allowPrivate: cred.allowPrivateWebhooks,
            timeoutMs: options.webhookTimeoutMs ?? 10_000,
            now,
          });
          outcomes.push(r.outcome);
          if (r.reply)
            replies.push({ workspaceId: c.workspaceId, key: c.key, at: now.getTime(), ...r.reply });
          return;
        }
        const r = await sendMessage(c, cred, now);
        outcomes.push(r.outcome);
        if (!r.event) return;
        const list = events.get(c.workspaceId);
        if (list) list.push(r.event);
        else events.set(c.workspaceId, [r.event]);
      }),
    );

    await finishChannelEffects(tx, outcomes, new Set(replies.map((r) => r.key)));
    for (const ws of new Set(replies.map((r) => r.workspaceId))) {
      await recordEffectResults(
        tx,
        ws,
        replies.filter((r) => r.workspaceId === ws).map(({ workspaceId: _, ...r }) => r),
      );
    }
    for (const [ws, list] of events) await recordMessageEvents(tx, ws, list);
    for (const o of outcomes) report[o.status] += 1;
    return report;
  });
}
