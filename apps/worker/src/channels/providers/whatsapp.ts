import { type CallResult, classifyAnswer, providerFetch, trimBase } from "../http.ts";

export const WHATSAPP_API = "https://graph.facebook.com/v21.0";

/** Cloud API error codes that mean "slow down", not "this message is wrong". */
const THROTTLED = new Set([4, 80007, 130429, 131048, 131056]);

/**
 * WhatsApp Cloud API template message
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates):
 * `POST /<phone-number-id>/messages`, Bearer token, JSON with `type: "template"`. Business-
 * initiated messages must use an approved template; the personalized text fills its first
 * body parameter (`{{1}}`).
 */
export async function sendWhatsApp(
  cfg: { phoneNumberId: string; token: string; language: string; baseUrl: string | null },
  to: string,
  template: string,
  text: string | undefined,
): Promise<CallResult> {
  const url = `${trimBase(cfg.baseUrl ?? WHATSAPP_API)}/${encodeURIComponent(cfg.phoneNumberId)}/messages`;
  const body = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "template",
    template: {
      name: template,
      language: { code: cfg.language },
      ...(text ? { components: [{ type: "body", parameters: [{ type: "text", text }] }] } : {}),
    },
  };
  const answer = await providerFetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${cfg.token}` },
    body: JSON.stringify(body),
  });
  const result = classifyAnswer(
    answer,
    (json) => (json as { messages?: { id?: string }[] } | null)?.messages?.[0]?.id,
    (json, raw) =>
      (json as { error?: { message?: string } } | null)?.error?.message ?? raw.slice(0, 200),
  );
  if (!result.ok && !("error" in answer)) {
    const code = (answer.json as { error?: { code?: number } } | null)?.error?.code;
    if (code !== undefined && THROTTLED.has(code)) result.permanent = false;
  }
  return result;
}
