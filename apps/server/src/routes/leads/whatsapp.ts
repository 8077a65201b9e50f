import { AppError } from "@voronka/core";
import { captureLead, type Identity, identity, type Utm } from "@voronka/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env.ts";
import { parseSettings } from "./dto.ts";
import {
  badSignature,
  hmacHex,
  invalidPayload,
  parseJsonBody,
  publicSource,
  safeEqual,
} from "./webhook-support.ts";

const Message = z.looseObject({
  id: z.string().min(1).max(200),
  from: z.string().min(1).max(32),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string().optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  /** Set when the chat started from a Click-to-WhatsApp ad or post. */
  referral: z
    .looseObject({
      source_url: z.string().optional(),
      source_type: z.string().optional(),
      source_id: z.string().optional(),
      headline: z.string().optional(),
    })
    .optional(),
});

/** The WhatsApp Cloud API `messages` webhook (fields a lead needs; the rest passes through). */
const WhatsAppWebhook = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(
        z.looseObject({
          field: z.string().optional(),
          value: z.looseObject({
            contacts: z
              .array(
                z.looseObject({
                  wa_id: z.string(),
                  profile: z.looseObject({ name: z.string().optional() }).optional(),
                }),
              )
              .optional(),
            messages: z.array(Message).optional(),
          }),
        }),
      ),
    }),
  ),
});

function utmOfReferral(referral: z.infer<typeof Message>["referral"]): Utm {
  if (!referral) return {};
  const utm: Utm = { utm_source: "facebook" };
  if (referral.source_type) utm.utm_medium = referral.source_type;
  if (referral.source_id) utm.utm_content = referral.source_id;
  return utm;
}

/**
 * WhatsApp Cloud API webhook. GET answers Meta's verification handshake; POST takes the
 * `messages` webhook, checked against `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with
 * the app secret; 401 and nothing stored on mismatch). Every inbound message is one lead
 * (deduped by message id) of the contact known by `whatsapp` = wa_id and its phone number.
 * Status callbacks (`statuses`) are acknowledged and ignored.
 */
export const whatsappRoutes = new Hono<AppEnv>()
  .get("/v1/leads/whatsapp/:publicId", async (c) => {
    const source = await publicSource(c, "whatsapp");
    const { verifyToken } = parseSettings(source.settings);
    const mode = c.req.query("hub.mode");
    const challenge = c.req.query("hub.challenge");
    if (mode !== "subscribe" || !safeEqual(c.req.query("hub.verify_token"), verifyToken)) {
      throw new AppError("forbidden", "The verify token does not match this source.");
    }
    return c.text(challenge ?? "", 200);
  })
  .post("/v1/leads/whatsapp/:publicId", async (c) => {
    const source = await publicSource(c, "whatsapp");
    const raw = await c.req.text();
    const header = c.req.header("x-hub-signature-256");
    const expected = source.secret ? `sha256=${hmacHex(source.secret, raw)}` : null;
    if (!safeEqual(header?.toLowerCase(), expected)) throw badSignature("X-Hub-Signature-256");
    const parsed = WhatsAppWebhook.safeParse(parseJsonBody(raw));
    if (!parsed.success) throw invalidPayload("WhatsApp webhook", parsed.error);
    const { db } = c.get("deps");
    let captured = 0;
    let duplicates = 0;
    for (const entry of parsed.data.entry) {
      for (const change of entry.changes) {
        const names = new Map(
          (change.value.contacts ?? []).map((k) => [k.wa_id, k.profile?.name] as const),
        );
        for (const message of change.value.messages ?? []) {
          const name = names.get(message.from) || undefined;
          const phone = identity("phone", `+${message.from}`);
          // Each message in its own transaction: a retry after a failure re-sends them all,
          // and the ones already stored are duplicates.
          const result = await captureLead(db, source.workspaceId, {
            source,
            channel: "whatsapp",
            dedupeKey: `${source.id}:${message.id}`,
            identities: [identity("whatsapp", message.from), phone].filter(
              (i): i is Identity => !!i,
            ),
            patch: { name, phone: phone?.value, handles: { whatsapp: message.from } },
            utm: utmOfReferral(message.referral),
            payload: { entryId: entry.id ?? null, message, profileName: name ?? null },
            properties: {
              messageType: message.type ?? null,
              ...(message.text ? { message: message.text.body.slice(0, 1000) } : {}),
            },
            occurredAt: new Date(Number(message.timestamp) * 1000),
          });
          if (result.duplicate) duplicates += 1;
          else captured += 1;
        }
      }
    }
    return c.json({ ok: true, captured, duplicates }, 200);
  });
