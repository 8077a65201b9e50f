import {
  claimEmailEffects,
  type Db,
  type DeliveryEvent,
  type EmailSettings,
  finishEmailEffects,
  getEmailSettings,
  recordDeliveryEvents,
  storeInDevMailbox,
  suppressEmail,
} from "@voronka/db";
import type { EmailConfig } from "@voronka/email";
import { loadTemplates, type SendResult, sendOne } from "./send-one.ts";

export interface DispatchOptions {
  config: EmailConfig;
  limit?: number;
  now?: Date;
  /**
   * Runs after the batch was handed to SMTP and before the outcome is committed. Tests throw
   * here to simulate a crash between send and acknowledgement.
   */
  afterSend?: () => void | Promise<void>;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  skipped: number;
  retrying: number;
  bounced: number;
  failed: number;
}

/**
 * Sends one batch of pending email effects in one transaction: claim (row locks held during
 * the send), decide, render, send, then record outcomes, delivery events and suppressions.
 * A crash before commit leaves the rows pending; the re-run sends the same Message-IDs.
 */
export async function dispatchEmailBatch(
  db: Db,
  options: DispatchOptions,
): Promise<DispatchReport> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const claimed = await claimEmailEffects(tx, { limit: options.limit ?? 50, now });
    const report: DispatchReport = {
      claimed: claimed.length,
      sent: 0,
      skipped: 0,
      retrying: 0,
      bounced: 0,
      failed: 0,
    };
    if (claimed.length === 0) return report;
    const settings = new Map<string, EmailSettings>();
    for (const ws of new Set(claimed.map((c) => c.workspaceId))) {
      settings.set(ws, await getEmailSettings(tx, ws));
    }
    const templates = await loadTemplates(tx, claimed);
    const results: SendResult[] = await Promise.all(
      claimed.map(async (c) => {
        const s = settings.get(c.workspaceId);
        if (!s) throw new Error("settings not loaded");
        return sendOne(c, templates, s, options.config, now);
      }),
    );
    await options.afterSend?.();

    await storeInDevMailbox(
      tx,
      results.flatMap((r) => (r.mailbox ? [r.mailbox] : [])),
    );
    await finishEmailEffects(
      tx,
      results.map((r) => r.outcome),
    );
    const byWorkspace = new Map<string, DeliveryEvent[]>();
    for (const { outcome: o } of results) {
      report[o.status] += 1;
      if (o.status !== "sent" && o.status !== "bounced") continue;
      if (o.status === "bounced" && o.toAddress) {
        await suppressEmail(tx, o.workspaceId, o.toAddress, "bounce", o.detail ?? null);
      }
      const list = byWorkspace.get(o.workspaceId) ?? [];
      list.push({
        contactId: o.contactId,
        name: o.status === "sent" ? "Email Sent" : "Email Bounced",
        messageId: `${o.status === "sent" ? "email-sent" : "email-bounced"}:${o.key}`,
        properties: {
          effectKey: o.key,
          messageId: o.messageId ?? null,
          templateId: o.templateId ?? null,
          templateVersion: o.templateVersion ?? null,
          ...(o.detail ? { reason: o.detail } : {}),
        },
        at: now,
      });
      byWorkspace.set(o.workspaceId, list);
    }
    for (const [ws, list] of byWorkspace) await recordDeliveryEvents(tx, ws, list);
    return report;
  });
}
