import type {
  ChannelCredentials,
  ChannelOutcome,
  ClaimedChannelEffect,
  MessageEvent,
} from "@voronka/db";
import { z } from "zod";
import type { CallResult } from "./http.ts";
import { sendSms } from "./providers/sms.ts";
import { sendTelegram } from "./providers/telegram.ts";
import { sendViber } from "./providers/viber.ts";
import { sendWhatsApp } from "./providers/whatsapp.ts";
import { renderText } from "./render-text.ts";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry.ts";

/** Channels a message can go out on (`preferred` resolves to one of them). */
const MessageChannel = z.enum(["telegram", "whatsapp", "viber", "sms"]);
type MessageChannel = z.infer<typeof MessageChannel>;

/** The send-message effect as the interpreter writes it (packages/journey `Effect`). */
export const SendMessageEffect = z.object({
  type: z.literal("send-message"),
  key: z.string().min(1),
  nodeId: z.string(),
  channel: z.enum([...MessageChannel.options, "preferred"]),
  templateId: z.string().optional(),
  text: z.string().optional(),
  vars: z.record(z.string(), z.string()).default({}),
});

/** What one message produced: the outcome, and a delivery event for the contact's timeline. */
export interface MessageResult {
  outcome: ChannelOutcome;
  event?: MessageEvent;
}

/** Where a channel's message goes for this contact, or null when it cannot reach them. */
function recipientOf(channel: MessageChannel, c: NonNullable<ClaimedChannelEffect["contact"]>) {
  switch (channel) {
    case "telegram":
      return c.handles.telegram ?? null;
    case "viber":
      return c.handles.viber ?? null;
    case "whatsapp":
      // The WhatsApp id of a lead, else the phone number in international form without "+".
      return c.handles.whatsapp ?? (c.phone ? c.phone.replace(/[^\d]/g, "") || null : null);
    case "sms":
      return c.phone ?? null;
  }
}

/**
 * Decides, renders and sends one claimed message. Never throws for a per-message problem:
 * those become outcomes (skipped with a reason, failed, retrying).
 */
export async function sendMessage(
  claimed: ClaimedChannelEffect,
  creds: ChannelCredentials,
  now: Date,
): Promise<MessageResult> {
  const base = { workspaceId: claimed.workspaceId, key: claimed.key, contactId: claimed.contactId };
  const effect = SendMessageEffect.safeParse(claimed.payload);
  if (!effect.success) {
    return {
      outcome: {
        ...base,
        channel: claimed.channel,
        status: "failed",
        attempts: claimed.attempts,
        detail: "invalid send-message effect",
      },
    };
  }
  const e = effect.data;
  const contact = claimed.contact;
  const skip = (channel: string, detail: string): MessageResult => ({
    outcome: { ...base, channel, status: "skipped", attempts: claimed.attempts, detail },
  });
  if (!contact) return skip(e.channel, "contact not found");

  let channel: MessageChannel;
  if (e.channel === "preferred") {
    const preferred = MessageChannel.safeParse(contact.preferredChannel);
    if (!preferred.success) return skip("preferred", "no preferred messenger/SMS channel");
    channel = preferred.data;
  } else {
    channel = e.channel;
  }
  // Consent is checked again at send time: it may have been withdrawn since the step ran.
  const consent = contact.consent[channel];
  if (consent !== "subscribed") {
    return skip(
      channel,
      consent === "unsubscribed" ? `consent withdrawn (${channel})` : `no consent (${channel})`,
    );
  }
  const to = recipientOf(channel, contact);
  if (!to) return skip(channel, `no ${channel === "sms" ? "phone number" : `${channel} id`}`);

  const fail = (detail: string): MessageResult =>
    failed(base, channel, to, claimed.attempts, detail, now);
  let text: string | undefined;
  try {
    text = e.text
      ? await renderText(e.text, { contact: { id: claimed.contactId, ...contact }, vars: e.vars })
      : undefined;
  } catch (err) {
    return fail(
      `text could not be rendered: ${err instanceof Error ? err.message : String(err)}`.slice(
        0,
        500,
      ),
    );
  }

  let result: CallResult;
  switch (channel) {
    case "telegram":
      if (!creds.telegram) return fail("Telegram is not configured");
      if (!text) return fail("a Telegram message needs text");
      result = await sendTelegram(creds.telegram, to, text);
      break;
    case "viber":
      if (!creds.viber) return fail("Viber is not configured");
      if (!text) return fail("a Viber message needs text");
      result = await sendViber(creds.viber, to, text, claimed.key);
      break;
    case "sms":
      if (!creds.sms) return fail("SMS is not configured");
      if (!text) return fail("an SMS needs text");
      result = await sendSms(creds.sms, to, text);
      break;
    case "whatsapp":
      if (!creds.whatsapp) return fail("WhatsApp is not configured");
      if (!e.templateId) return fail("a WhatsApp message needs an approved template name");
      result = await sendWhatsApp(creds.whatsapp, to, e.templateId, text);
      break;
  }

  const attempts = claimed.attempts + 1;
  const reply = {
    recipient: to,
    responseStatus: result.status ?? undefined,
    responseExcerpt: result.excerpt || undefined,
  };
  if (result.ok) {
    return {
      outcome: {
        ...base,
        ...reply,
        channel,
        status: "sent",
        attempts,
        providerId: result.providerId,
      },
      event: {
        contactId: claimed.contactId,
        name: "Message Sent",
        channel,
        messageId: `message-sent:${claimed.key}`,
        properties: { effectKey: claimed.key, providerMessageId: result.providerId ?? null },
        at: now,
      },
    };
  }
  if (!result.permanent && attempts < MAX_ATTEMPTS) {
    return {
      outcome: {
        ...base,
        ...reply,
        channel,
        status: "retrying",
        attempts,
        detail: result.error,
        retryAt: new Date(now.getTime() + retryDelayMs(attempts, result.retryAfterMs)),
      },
    };
  }
  const final = failed(base, channel, to, attempts, result.error, now);
  final.outcome = { ...final.outcome, ...reply };
  return final;
}

function failed(
  base: { workspaceId: string; key: string; contactId: string },
  channel: string,
  to: string,
  attempts: number,
  detail: string,
  now: Date,
): MessageResult {
  return {
    outcome: { ...base, channel, recipient: to, status: "failed", attempts, detail },
    event: {
      contactId: base.contactId,
      name: "Message Failed",
      channel,
      messageId: `message-failed:${base.key}`,
      properties: { effectKey: base.key, reason: detail },
      at: now,
    },
  };
}
