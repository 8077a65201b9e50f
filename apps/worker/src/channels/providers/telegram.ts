import { type CallResult, classifyAnswer, providerFetch, trimBase } from "../http.ts";

export const TELEGRAM_API = "https://api.telegram.org";

/**
 * Telegram Bot API `sendMessage` (https://core.telegram.org/bots/api#sendmessage):
 * `POST /bot<token>/sendMessage` with JSON `{ chat_id, text }`. Answers `{ ok, result }` or
 * `{ ok: false, error_code, description, parameters: { retry_after } }` (429 on flood control).
 */
export async function sendTelegram(
  cfg: { token: string; baseUrl: string | null },
  chatId: string,
  text: string,
): Promise<CallResult> {
  const url = `${trimBase(cfg.baseUrl ?? TELEGRAM_API)}/bot${cfg.token}/sendMessage`;
  const answer = await providerFetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: chatId, text }),
  });
  const result = classifyAnswer(
    answer,
    (json) => {
      const id = (json as { result?: { message_id?: unknown } } | null)?.result?.message_id;
      return id === undefined ? undefined : String(id);
    },
    (json, raw) => (json as { description?: string } | null)?.description ?? raw.slice(0, 200),
  );
  // The token is part of the URL: never let it reach an error message.
  if (!result.ok) {
    result.error = result.error.replaceAll(cfg.token, "<token>");
    const after = (json(answer) as { parameters?: { retry_after?: number } } | null)?.parameters
      ?.retry_after;
    if (typeof after === "number") result.retryAfterMs = after * 1000;
  }
  return result;
}

function json(answer: Awaited<ReturnType<typeof providerFetch>>): unknown {
  return "error" in answer ? null : answer.json;
}
