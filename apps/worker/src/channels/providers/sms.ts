import { type CallResult, classifyAnswer, providerFetch, trimBase } from "../http.ts";

export const TWILIO_API = "https://api.twilio.com";

/**
 * An SMS through a Twilio-compatible gateway (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource):
 * `POST /2010-04-01/Accounts/<AccountSid>/Messages.json`, form-encoded `To`, `From`, `Body`,
 * HTTP Basic auth with the account SID and auth token. Answers 201 with `{ sid, status }`,
 * errors as `{ code, message, status }`.
 */
export async function sendSms(
  cfg: { accountSid: string; authToken: string; from: string; baseUrl: string | null },
  to: string,
  text: string,
): Promise<CallResult> {
  const url = `${trimBase(cfg.baseUrl ?? TWILIO_API)}/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${cfg.accountSid}:${cfg.authToken}`).toString("base64");
  const answer = await providerFetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${auth}`,
    },
    body: new URLSearchParams({ To: to, From: cfg.from, Body: text }).toString(),
  });
  return classifyAnswer(
    answer,
    (json) => (json as { sid?: string } | null)?.sid,
    (json, raw) => {
      const e = json as { code?: number; message?: string } | null;
      return e?.message ? `${e.message}${e.code ? ` (${e.code})` : ""}` : raw.slice(0, 200);
    },
  );
}
