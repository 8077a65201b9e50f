import type { ChannelOutcome, ClaimedChannelEffect, EffectResult } from "@voronka/db";

type Json = NonNullable<EffectResult["value"]>;

import { z } from "zod";
import { EXCERPT_CHARS } from "./http.ts";
import { renderText } from "./render-text.ts";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry.ts";
import { webhookRequest } from "./webhook-request.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./webhook-signature.ts";

/** The webhook effect as the interpreter writes it (packages/journey `Effect`). */
export const WebhookEffect = z.object({
  type: z.literal("webhook"),
  key: z.string().min(1),
  nodeId: z.string(),
  url: z.string(),
  method: z.enum(["POST", "PUT", "GET"]),
  body: z.string().optional(),
  awaitResponse: z.boolean(),
});

/** What a webhook call produced; `reply` is set when a journey waits for the answer. */
export interface WebhookResult {
  outcome: ChannelOutcome;
  reply?: { ok: boolean; value?: Json; error?: string };
}

export interface WebhookOptions {
  secret: string;
  allowPrivate: boolean;
  timeoutMs: number;
  now: Date;
}

/** The JSON body sent when the node gives none: who, from which journey step. */
function defaultBody(claimed: ClaimedChannelEffect, now: Date): string {
  const c = claimed.contact;
  return JSON.stringify({
    type: "journey.webhook",
    id: claimed.key,
    journeyId: claimed.journeyId,
    nodeId: claimed.nodeId,
    occurredAt: claimed.at.toISOString(),
    sentAt: now.toISOString(),
    contact: c
      ? {
          id: claimed.contactId,
          email: c.email,
          phone: c.phone,
          firstName: c.firstName,
          lastName: c.lastName,
          name: c.name,
          traits: c.traits,
        }
      : { id: claimed.contactId },
  });
}

function replyValue(body: string): Json {
  try {
    return JSON.parse(body) as Json;
  } catch {
    return body.slice(0, EXCERPT_CHARS);
  }
}

/**
 * Calls one webhook: a JSON body (the node's, Liquid-personalized, or the default), signed with
 * `Voronka-Signature: t=<unix>,v1=<HMAC-SHA256 hex of "<t>.<body>">`. Temporary failures are
 * retried with back-off; the status and the start of the answer are recorded.
 */
export async function callWebhook(
  claimed: ClaimedChannelEffect,
  options: WebhookOptions,
): Promise<WebhookResult> {
  const base = {
    workspaceId: claimed.workspaceId,
    key: claimed.key,
    contactId: claimed.contactId,
    channel: "webhook",
  };
  const parsed = WebhookEffect.safeParse(claimed.payload);
  if (!parsed.success) {
    const detail = "invalid webhook effect";
    return {
      outcome: { ...base, status: "failed", attempts: claimed.attempts, detail },
      reply: { ok: false, error: detail },
    };
  }
  const e = parsed.data;
  const attempts = claimed.attempts + 1;
  let body: string | undefined;
  try {
    body =
      e.method === "GET"
        ? undefined
        : e.body
          ? await renderText(e.body, {
              contact: { id: claimed.contactId, ...(claimed.contact ?? emptyContact) },
              vars: {},
            })
          : defaultBody(claimed, options.now);
  } catch (err) {
    const detail =
      `body could not be rendered: ${err instanceof Error ? err.message : String(err)}`.slice(
        0,
        500,
      );
    const reply = e.awaitResponse ? { ok: false, error: detail } : undefined;
    return {
      outcome: { ...base, recipient: e.url, status: "failed", attempts, detail },
      ...(reply ? { reply } : {}),
    };
  }
  const t = Math.floor(options.now.getTime() / 1000);
  const answer = await webhookRequest({
    url: e.url,
    method: e.method,
    headers: {
      "content-type": "application/json",
      "user-agent": "Voronka-Webhooks/1",
      [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(options.secret, t, body ?? ""),
      "voronka-delivery": claimed.key,
      "voronka-attempt": String(attempts),
    },
    body,
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs,
  });
  const recorded = {
    ...base,
    recipient: e.url,
    attempts,
    responseStatus: answer.status ?? undefined,
    responseExcerpt: answer.body ? answer.body.slice(0, EXCERPT_CHARS) : undefined,
  };
  if (answer.ok) {
    return {
      outcome: { ...recorded, status: "sent" },
      ...(e.awaitResponse ? { reply: { ok: true, value: replyValue(answer.body) } } : {}),
    };
  }
  if (!answer.permanent && attempts < MAX_ATTEMPTS) {
    return {
      outcome: {
        ...recorded,
        status: "retrying",
        detail: answer.error,
        retryAt: new Date(options.now.getTime() + retryDelayMs(attempts)),
      },
    };
  }
  return {
    outcome: { ...recorded, status: "failed", detail: answer.error },
    ...(e.awaitResponse ? { reply: { ok: false, error: answer.error } } : {}),
  };
}

const emptyContact = {
  email: null,
  phone: null,
  firstName: null,
  lastName: null,
  name: null,
  city: null,
  country: null,
  traits: {},
};
