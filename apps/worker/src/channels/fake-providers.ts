// Test support (not used at runtime): local fakes of the Telegram Bot API, the WhatsApp Cloud
// API, the Viber REST bot API and a Twilio-compatible SMS gateway, on one real HTTP server.
// Each checks the request format the provider documents and answers with the provider's own
// documented response shapes; a request in the wrong format gets a 400 and is recorded as a
// format error, so a test can assert there were none.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE = {
  telegramToken: "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
  whatsappPhoneNumberId: "106540352242922",
  whatsappToken: "EAAJB-fake-whatsapp-token",
  viberToken: "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9",
  smsAccountSid: "AC0123456789abcdef0123456789abcdef",
  smsAuthToken: "fake-twilio-auth-token",
  smsFrom: "+15005550006",
};

/** One message the fake accepted: which channel, to whom, and the text the person sees. */
export interface Delivered {
  channel: "telegram" | "whatsapp" | "viber" | "sms";
  to: string;
  text: string;
  /** WhatsApp: the template name. */
  template?: string;
  raw: unknown;
}

/** A forced answer for the next request of a channel (failures, rate limits). */
export interface Forced {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeProviders {
  url: string;
  delivered: Delivered[];
  /** Requests per channel, accepted or not. */
  requests: Record<Delivered["channel"], number>;
  formatErrors: string[];
  /** Queues forced answers for a channel; each is used once, in order. */
  force(channel: Delivered["channel"], ...answers: Forced[]): void;
  close(): Promise<void>;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeProviders(): Promise<FakeProviders> {
  const delivered: Delivered[] = [];
  const formatErrors: string[] = [];
  const requests = { telegram: 0, whatsapp: 0, viber: 0, sms: 0 };
  const forced: Record<Delivered["channel"], Forced[]> = {
    telegram: [],
    whatsapp: [],
    viber: [],
    sms: [],
  };
  let n = 1000;

  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const bad = (channel: string, why: string, payload: unknown) => {
      formatErrors.push(`${channel}: ${why}`);
      send(400, payload);
    };
    const path = req.url ?? "";
    const channel: Delivered["channel"] | null = path.includes("/sendMessage")
      ? "telegram"
      : path.endsWith("/messages")
        ? "whatsapp"
        : path === "/pa/send_message"
          ? "viber"
          : path.startsWith("/2010-04-01/")
            ? "sms"
            : null;
    if (!channel || req.method !== "POST") return send(404, { error: "not found" });
    requests[channel] += 1;
    const f = forced[channel].shift();
    if (f) return send(f.status, f.body, f.headers);

    switch (channel) {
      case "telegram": {
        // POST https://api.telegram.org/bot<token>/sendMessage, JSON { chat_id, text }.
        if (path !== `/bot${FAKE.telegramToken}/sendMessage`) {
          return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
        }
        if (!req.headers["content-type"]?.startsWith("application/json")) {
          return bad("telegram", "not JSON", {
            ok: false,
            error_code: 400,
            description: "Bad Request: message text is empty",
          });
        }
        const m = JSON.parse(body) as { chat_id?: unknown; text?: unknown };
        if (m.chat_id === undefined || typeof m.text !== "string" || m.text === "") {
          return bad("telegram", "chat_id/text missing", {
            ok: false,
            error_code: 400,
            description: "Bad Request: chat not found",
          });
        }
        delivered.push({ channel, to: String(m.chat_id), text: m.text, raw: m });
        n += 1;
        return send(200, {
          ok: true,
          result: {
            message_id: n,
            from: { id: 123456, is_bot: true, first_name: "Shop bot", username: "shop_bot" },
            chat: { id: Number(m.chat_id), type: "private" },
            date: Math.floor(Date.now() / 1000),
            text: m.text,
          },
        });
      }
      case "whatsapp": {
        // POST https://graph.facebook.com/v21.0/<PHONE_NUMBER_ID>/messages, Bearer token.
        if (req.headers.authorization !== `Bearer ${FAKE.whatsappToken}`) {
          return send(401, {
            error: {
              message: "Invalid OAuth access token.",
              type: "OAuthException",
              code: 190,
              fbtrace_id: "A1",
            },
          });
        }
        if (path !== `/v21.0/${FAKE.whatsappPhoneNumberId}/messages`) {
          return bad("whatsapp", `path ${path}`, {
            error: { message: "Unsupported post request", code: 100 },
          });
        }
        const m = JSON.parse(body) as {
          messaging_product?: string;
          recipient_type?: string;
          to?: string;
          type?: string;
          template?: {
            name?: string;
            language?: { code?: string };
            components?: { type: string; parameters: { type: string; text: string }[] }[];
          };
        };
        const text = m.template?.components?.find((c) => c.type === "body")?.parameters[0];
        if (
          m.messaging_product !== "whatsapp" ||
          m.type !== "template" ||
          !m.to ||
          !m.template?.name ||
          !m.template.language?.code ||
          (text && text.type !== "text")
        ) {
          return bad("whatsapp", "not a template message", {
            error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100 },
          });
        }
        delivered.push({
          channel,
          to: m.to,
          text: text?.text ?? "",
          template: m.template.name,
          raw: m,
        });
        n += 1;
        return send(200, {
          messaging_product: "whatsapp",
          contacts: [{ input: m.to, wa_id: m.to }],
          messages: [{ id: `wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI${n}`, message_status: "accepted" }],
        });
      }
      case "viber": {
        // POST https://chatapi.viber.com/pa/send_message, X-Viber-Auth-Token. Viber answers
        // HTTP 200 with a non-zero `status` on errors.
        if (req.headers["x-viber-auth-token"] !== FAKE.viberToken) {
          return send(200, { status: 2, status_message: "invalidAuthToken" });
        }
        const m = JSON.parse(body) as {
          receiver?: string;
          min_api_version?: number;
          sender?: { name?: string };
          type?: string;
          text?: string;
        };
        if (
          !m.receiver ||
          !m.sender?.name ||
          m.sender.name.length > 28 ||
          m.type !== "text" ||
          !m.text
        ) {
          formatErrors.push("viber: bad message");
          return send(200, { status: 3, status_message: "badData" });
        }
        delivered.push({ channel, to: m.receiver, text: m.text, raw: m });
        n += 1;
        return send(200, {
          status: 0,
          status_message: "ok",
          message_token: 5741311803571721000 + n,
          chat_hostname: "SN-CHAT-05_",
          billing_status: 1,
        });
      }
      case "sms": {
        // POST /2010-04-01/Accounts/<AccountSid>/Messages.json, form-encoded, Basic auth.
        const expected = `Basic ${Buffer.from(`${FAKE.smsAccountSid}:${FAKE.smsAuthToken}`).toString("base64")}`;
        if (req.headers.authorization !== expected) {
          return send(401, {
            code: 20003,
            message: "Authenticate",
            more_info: "https://www.twilio.com/docs/errors/20003",
            status: 401,
          });
        }
        if (path !== `/2010-04-01/Accounts/${FAKE.smsAccountSid}/Messages.json`) {
          return bad("sms", `path ${path}`, { code: 20404, message: "Not found", status: 404 });
        }
        if (req.headers["content-type"] !== "application/x-www-form-urlencoded") {
          return bad("sms", "not form-encoded", {
            code: 21601,
            message: "Invalid body",
            status: 400,
          });
        }
        const form = new URLSearchParams(body);
        const to = form.get("To");
        const text = form.get("Body");
        if (!to || !text || form.get("From") !== FAKE.smsFrom) {
          return bad("sms", "To/From/Body", {
            code: 21604,
            message: "A 'To' phone number is required.",
            status: 400,
          });
        }
        if (!/^\+\d{8,15}$/.test(to)) {
          return send(400, {
            code: 21211,
            message: `Invalid 'To' Phone Number: ${to}`,
            more_info: "https://www.twilio.com/docs/errors/21211",
            status: 400,
          });
        }
        delivered.push({ channel, to, text, raw: Object.fromEntries(form) });
        n += 1;
        return send(201, {
          account_sid: FAKE.smsAccountSid,
          body: text,
          from: FAKE.smsFrom,
          to,
          sid: `SM${String(n).padStart(32, "0")}`,
          status: "queued",
          num_segments: "1",
          direction: "outbound-api",
        });
      }
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    delivered,
    requests,
    formatErrors,
    force: (channel, ...answers) => forced[channel].push(...answers),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
