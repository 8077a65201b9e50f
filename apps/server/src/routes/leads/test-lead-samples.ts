import { randomInt, randomUUID } from "node:crypto";
import { assertNever } from "@voronka/core";
import type { LeadChannel } from "@voronka/db";
import { hmacHex } from "./webhook-support.ts";

/**
 * A sample delivery in a provider's own format, signed the way that provider signs, and the
 * dedupe key the source's webhook will store it under.
 */
export interface SampleDelivery {
  headers: Record<string, string>;
  body: string;
  dedupeKey: string;
}

/**
 * The person every test lead is about. The phone is in the UK range Ofcom reserves for drama
 * (+44 7700 900xxx), so a test lead never lands on a real customer's card.
 */
export const TEST_PERSON = {
  firstName: "Test",
  lastName: "Lead",
  name: "Test Lead",
  email: "test-lead@example.com",
  phone: "+447700900123",
  waId: "447700900123",
  telegramChatId: 700_900_123,
  telegramUsername: "voronka_test_lead",
  viberId: "VoronkaTestLead0000000==",
} as const;

const TEXT = "Hello! This is a test lead sent from Voronka.";

/**
 * Builds a realistic delivery of one new lead for a source of `channel` (each call a new
 * update/message/call id, so it is never taken for a re-delivery), or undefined for channels
 * without a webhook (`api`, `chat`).
 */
export function sampleDelivery(
  channel: LeadChannel,
  source: { id: string; secret: string | null },
  now: Date = new Date(),
): SampleDelivery | undefined {
  const secret = source.secret ?? "";
  const unix = Math.floor(now.getTime() / 1000);
  const json = { "content-type": "application/json" };
  switch (channel) {
    case "web_form": {
      const submissionId = `test-${randomUUID()}`;
      const body = JSON.stringify({
        name: TEST_PERSON.name,
        email: TEST_PERSON.email,
        phone: TEST_PERSON.phone,
        message: TEXT,
        submission_id: submissionId,
      });
      // Its own rate-limit bucket: test leads never use up a real visitor's allowance.
      const headers = { ...json, "x-forwarded-for": "voronka-test-lead" };
      return { headers, body, dedupeKey: `${source.id}:sub:${submissionId}` };
    }
    case "telegram": {
      // The shape of Telegram's webhook example (core.telegram.org/bots/webhooks).
      const updateId = randomInt(100_000_000, 2 ** 31 - 1);
      const person = {
        id: TEST_PERSON.telegramChatId,
        first_name: TEST_PERSON.firstName,
        last_name: TEST_PERSON.lastName,
        username: TEST_PERSON.telegramUsername,
      };
      const body = JSON.stringify({
        update_id: updateId,
        message: {
          message_id: randomInt(1, 1_000_000),
          date: unix,
          chat: { ...person, type: "private" },
          from: { ...person, is_bot: false, language_code: "en" },
          text: TEXT,
        },
      });
      const headers = { ...json, "x-telegram-bot-api-secret-token": secret };
      return { headers, body, dedupeKey: `${source.id}:${updateId}` };
    }
    case "whatsapp": {
      // The WhatsApp Cloud API `messages` webhook for an inbound text message.
      const messageId = `wamid.TEST${randomUUID().replace(/-/g, "").toUpperCase()}`;
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          {
            id: "0",
            changes: [
              {
                field: "messages",
                value: {
                  messaging_product: "whatsapp",
                  metadata: { display_phone_number: "447700900000", phone_number_id: "0" },
                  contacts: [{ profile: { name: TEST_PERSON.name }, wa_id: TEST_PERSON.waId }],
                  messages: [
                    {
                      from: TEST_PERSON.waId,
                      id: messageId,
                      timestamp: String(unix),
                      type: "text",
                      text: { body: TEXT },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const headers = { ...json, "x-hub-signature-256": `sha256=${hmacHex(secret, body)}` };
      return { headers, body, dedupeKey: `${source.id}:${messageId}` };
    }
    case "viber": {
      // A Viber REST bot `message` callback.
      const token = randomInt(1, 2 ** 47);
      const body = JSON.stringify({
        event: "message",
        timestamp: now.getTime(),
        chat_hostname: "SN-TEST_",
        message_token: token,
        sender: {
          id: TEST_PERSON.viberId,
          name: TEST_PERSON.name,
          language: "en",
          country: "GB",
          api_version: 10,
        },
        message: { text: TEXT, type: "text" },
        silent: false,
      });
      const headers = { ...json, "x-viber-content-signature": hmacHex(secret, body) };
      return { headers, body, dedupeKey: `${source.id}:${token}` };
    }
    case "call_tracking": {
      const callId = `test-${randomUUID()}`;
      const body = JSON.stringify({
        call_id: callId,
        caller: TEST_PERSON.phone,
        caller_name: TEST_PERSON.name,
        called: "+447700900000",
        started_at: now.toISOString(),
        duration_seconds: 42,
        status: "answered",
      });
      const timestamp = String(unix);
      const headers = {
        ...json,
        "x-voronka-timestamp": timestamp,
        "x-voronka-signature": `sha256=${hmacHex(secret, `${timestamp}.${body}`)}`,
      };
      return { headers, body, dedupeKey: `${source.id}:${callId}` };
    }
    case "api":
    case "chat":
      return undefined;
    default:
      return assertNever(channel, "lead channel");
  }
}
