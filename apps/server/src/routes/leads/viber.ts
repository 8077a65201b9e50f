import { captureLead, type Identity, identity } from "@voronka/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env.ts";
import { utmFromStartPayload } from "./start-payload.ts";
import {
  badSignature,
  hmacHex,
  invalidPayload,
  parseJsonBody,
  publicSource,
  safeEqual,
} from "./webhook-support.ts";

const ViberUser = z.looseObject({
  id: z.string().min(1).max(255),
  name: z.string().optional(),
  language: z.string().optional(),
  country: z.string().optional(),
});

/** The Viber REST bot callbacks that are leads, and the ones acknowledged and ignored. */
const ViberCallback = z.looseObject({
  event: z.string(),
  timestamp: z.number().optional(),
  message_token: z.union([z.number(), z.string()]).optional(),
  sender: ViberUser.optional(),
  user: ViberUser.optional(),
  context: z.string().optional(),
  message: z
    .looseObject({
      type: z.string().optional(),
      text: z.string().optional(),
      contact: z
        .looseObject({ name: z.string().optional(), phone_number: z.string().optional() })
        .optional(),
    })
    .optional(),
});

const LEAD_EVENTS = new Set(["message", "conversation_started", "subscribed"]);

/**
 * Viber bot webhook. `X-Viber-Content-Signature` must be the hex HMAC-SHA256 of the raw body
 * with the bot's auth token (401 otherwise). `message`, `conversation_started` and `subscribed`
 * are leads of the contact known by `viber` = the user id (deduped by `message_token`); the
 * `webhook` handshake and delivery callbacks get an empty 200.
 */
export const viberRoutes = new Hono<AppEnv>().post("/v1/leads/viber/:publicId", async (c) => {
  const source = await publicSource(c, "viber");
  const raw = await c.req.text();
  const expected = source.secret ? hmacHex(source.secret, raw) : null;
  if (!safeEqual(c.req.header("x-viber-content-signature")?.toLowerCase(), expected)) {
    throw badSignature("X-Viber-Content-Signature");
  }
  const parsed = ViberCallback.safeParse(parseJsonBody(raw));
  if (!parsed.success) throw invalidPayload("Viber callback", parsed.error);
  const event = parsed.data;
  const user = event.sender ?? event.user;
  if (!LEAD_EVENTS.has(event.event) || !user) return c.body(null, 200);

  const phoneNumber =
    event.message?.type === "contact" ? event.message.contact?.phone_number : undefined;
  const phone = phoneNumber ? identity("phone", phoneNumber) : undefined;
  // Tokens are 64-bit integers, beyond what JSON.parse keeps exactly: read them from the text.
  const exact = /"message_token"\s*:\s*"?(\d+)/.exec(raw)?.[1];
  const token =
    exact ?? event.message_token ?? `${event.event}:${user.id}:${event.timestamp ?? Date.now()}`;
  await captureLead(c.get("deps").db, source.workspaceId, {
    source,
    channel: "viber",
    dedupeKey: `${source.id}:${token}`,
    identities: [identity("viber", user.id), phone].filter((i): i is Identity => !!i),
    patch: { name: user.name || undefined, phone: phone?.value, handles: { viber: user.id } },
    utm: utmFromStartPayload(event.context),
    payload: event,
    properties: {
      viberEvent: event.event,
      ...(event.message?.text ? { message: event.message.text.slice(0, 1000) } : {}),
      ...(event.context ? { startPayload: event.context } : {}),
    },
    occurredAt: event.timestamp ? new Date(event.timestamp) : undefined,
  });
  // An empty 200: a body on conversation_started would be sent to the user as a welcome message.
  return c.body(null, 200);
});
