import { captureLead, type Identity, identity } from "@voronka/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env.ts";
import { utmFromStartPayload } from "./start-payload.ts";
import {
  badSignature,
  invalidPayload,
  parseJsonBody,
  publicSource,
  safeEqual,
} from "./webhook-support.ts";

/** The parts of a Telegram Bot API `Update` a lead needs (other fields pass through). */
const TelegramUpdate = z.looseObject({
  update_id: z.number().int(),
  message: z
    .looseObject({
      message_id: z.number().int(),
      date: z.number().int(),
      chat: z.looseObject({ id: z.number().int(), type: z.string().optional() }),
      from: z
        .looseObject({
          id: z.number().int(),
          is_bot: z.boolean().optional(),
          first_name: z.string(),
          last_name: z.string().optional(),
          username: z.string().optional(),
        })
        .optional(),
      text: z.string().optional(),
      contact: z
        .looseObject({
          phone_number: z.string(),
          first_name: z.string().optional(),
          last_name: z.string().optional(),
          user_id: z.number().int().optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Telegram Bot API webhook (`setWebhook` with `secret_token` = the source's secret). Each
 * message update is a lead of the chat's contact (identity `telegram` = chat id); a shared
 * contact adds the phone; `/start <payload>` deep links carry UTM. Re-delivered updates (same
 * `update_id`) are one lead. Updates without a message (edits, callbacks) get a 200 and are
 * ignored, so Telegram does not retry them.
 */
export const telegramRoutes = new Hono<AppEnv>().post("/v1/leads/telegram/:publicId", async (c) => {
  const source = await publicSource(c, "telegram");
  if (!safeEqual(c.req.header("x-telegram-bot-api-secret-token"), source.secret)) {
    throw badSignature("X-Telegram-Bot-Api-Secret-Token");
  }
  const parsed = TelegramUpdate.safeParse(parseJsonBody(await c.req.text()));
  if (!parsed.success) throw invalidPayload("Telegram update", parsed.error);
  const update = parsed.data;
  const message = update.message;
  if (!message || message.from?.is_bot) return c.json({ ok: true, ignored: true }, 200);

  const chatId = String(message.chat.id);
  const from = message.from;
  const start = /^\/start(?:@\w+)?(?:\s+(\S+))?/.exec(message.text ?? "");
  const phone = message.contact ? identity("phone", message.contact.phone_number) : undefined;
  const firstName = from?.first_name ?? message.contact?.first_name;
  const lastName = from?.last_name ?? message.contact?.last_name;
  const handles: Record<string, string> = { telegram: chatId };
  if (from?.username) handles.telegram_username = from.username;
  const result = await captureLead(c.get("deps").db, source.workspaceId, {
    source,
    channel: "telegram",
    dedupeKey: `${source.id}:${update.update_id}`,
    identities: [identity("telegram", chatId), phone].filter((i): i is Identity => !!i),
    patch: {
      firstName,
      lastName,
      name: [firstName, lastName].filter(Boolean).join(" ") || undefined,
      phone: phone?.value,
      handles,
    },
    utm: utmFromStartPayload(start?.[1]),
    payload: update,
    properties: {
      ...(message.text && !start ? { message: message.text.slice(0, 1000) } : {}),
      ...(start?.[1] ? { startPayload: start[1] } : {}),
      ...(from?.username ? { username: from.username } : {}),
    },
    occurredAt: new Date(message.date * 1000),
  });
  return c.json({ ok: true, duplicate: result.duplicate }, 200);
});
