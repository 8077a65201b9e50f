import { AppError } from "@voronka/core";
import { captureLead, identity, pickUtm } from "@voronka/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env.ts";
import {
  badSignature,
  hmacHex,
  invalidPayload,
  parseJsonBody,
  publicSource,
  safeEqual,
} from "./webhook-support.ts";

/** How far the signed timestamp may be from our clock: replayed deliveries older are refused. */
export const MAX_SKEW_SECONDS = 300;

/** A call from a call-tracking service, in Voronka's generic format. */
const CallPayload = z.looseObject({
  call_id: z.union([z.string().min(1).max(200), z.number().int()]),
  caller: z.string().min(1).max(40),
  caller_name: z.string().max(200).optional(),
  called: z.string().max(40).optional(),
  started_at: z.union([z.iso.datetime({ offset: true }), z.number().positive()]),
  duration_seconds: z
    .number()
    .min(0)
    .max(86_400 * 7),
  recording_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  status: z.string().max(40).optional(),
  utm_source: z.string().max(200).optional(),
  utm_medium: z.string().max(200).optional(),
  utm_campaign: z.string().max(200).optional(),
  utm_term: z.string().max(200).optional(),
  utm_content: z.string().max(200).optional(),
});

/**
 * Generic call-tracking webhook. Signed like Stripe's: `X-Voronka-Timestamp` (unix seconds)
 * and `X-Voronka-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the
 * source's secret>`; a timestamp more than 5 minutes off is refused (no replays). The caller's
 * number is the contact; `call_id` makes a re-delivered call one lead.
 */
export const callRoutes = new Hono<AppEnv>().post("/v1/leads/calls/:publicId", async (c) => {
  const source = await publicSource(c, "call_tracking");
  const raw = await c.req.text();
  const timestamp = c.req.header("x-voronka-timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestamp)) throw badSignature("X-Voronka-Timestamp");
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
    throw new AppError(
      "unauthenticated",
      "X-Voronka-Timestamp is more than 5 minutes from the server's clock; nothing was stored.",
    );
  }
  const expected = source.secret ? `sha256=${hmacHex(source.secret, `${timestamp}.${raw}`)}` : null;
  if (!safeEqual(c.req.header("x-voronka-signature")?.toLowerCase(), expected)) {
    throw badSignature("X-Voronka-Signature");
  }
  const parsed = CallPayload.safeParse(parseJsonBody(raw));
  if (!parsed.success) throw invalidPayload("call", parsed.error);
  const call = parsed.data;
  const phone = identity("phone", call.caller);
  if (!phone) {
    throw new AppError("validation_failed", "The caller number is not usable.", {
      details: [{ path: "caller", message: "Expected 6 to 15 digits" }],
    });
  }
  const startedAt =
    typeof call.started_at === "number"
      ? new Date(call.started_at * 1000)
      : new Date(call.started_at);
  const result = await captureLead(c.get("deps").db, source.workspaceId, {
    source,
    channel: "call_tracking",
    dedupeKey: `${source.id}:${call.call_id}`,
    identities: [phone],
    patch: { phone: phone.value, name: call.caller_name || undefined },
    utm: pickUtm((k) => call[k]),
    payload: call,
    properties: {
      callId: String(call.call_id),
      called: call.called ?? null,
      durationSeconds: call.duration_seconds,
      recordingUrl: call.recording_url ?? null,
      ...(call.status ? { callStatus: call.status } : {}),
    },
    occurredAt: startedAt,
  });
  return c.json({ ok: true, duplicate: result.duplicate, leadId: result.lead.id }, 200);
});
