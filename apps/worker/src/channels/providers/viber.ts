import { type CallResult, EXCERPT_CHARS, providerFetch, trimBase } from "../http.ts";

export const VIBER_API = "https://chatapi.viber.com";

/** Viber's `status` 12: too many requests. Other non-zero statuses are permanent. */
const RATE_LIMITED = 12;

/**
 * Viber REST bot API `send_message` (https://developers.viber.com/docs/api/rest-bot-api/#send-message):
 * `POST /pa/send_message` with `X-Viber-Auth-Token`, JSON `{ receiver, min_api_version,
 * sender: { name }, tracking_data, type: "text", text }`. Viber answers HTTP 200 with
 * `{ status: 0, message_token }` on success and a non-zero `status` on failure.
 */
export async function sendViber(
  cfg: { token: string; senderName: string; baseUrl: string | null },
  receiver: string,
  text: string,
  trackingData: string,
): Promise<CallResult> {
  const answer = await providerFetch(`${trimBase(cfg.baseUrl ?? VIBER_API)}/pa/send_message`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-viber-auth-token": cfg.token },
    body: JSON.stringify({
      receiver,
      min_api_version: 1,
      sender: { name: cfg.senderName.slice(0, 28) },
      tracking_data: trackingData,
      type: "text",
      text,
    }),
  });
  if ("error" in answer) {
    return { ok: false, permanent: false, status: null, excerpt: "", error: answer.error };
  }
  const excerpt = answer.text.slice(0, EXCERPT_CHARS);
  const body = answer.json as {
    status?: number;
    status_message?: string;
    message_token?: number | string;
  } | null;
  if (answer.status >= 200 && answer.status < 300 && body?.status === 0) {
    return {
      ok: true,
      status: answer.status,
      providerId: body.message_token === undefined ? undefined : String(body.message_token),
      excerpt,
    };
  }
  const temporary = answer.status >= 500 || answer.status === 429 || body?.status === RATE_LIMITED;
  return {
    ok: false,
    permanent: !temporary,
    status: answer.status,
    excerpt,
    error: `Viber status ${body?.status ?? `HTTP ${answer.status}`}: ${body?.status_message ?? answer.text.slice(0, 200)}`,
  };
}
