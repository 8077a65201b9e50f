/** What a provider call came to, classified for the retry policy. */
export type CallResult =
  | { ok: true; status: number; providerId?: string | undefined; excerpt: string }
  | {
      ok: false;
      /** 4xx (but 408/429) and provider errors that a retry cannot fix. */
      permanent: boolean;
      status: number | null;
      excerpt: string;
      error: string;
      /** From `Retry-After` or the provider's own field, when given. */
      retryAfterMs?: number | undefined;
    };

/** How much of a response body is kept. */
export const EXCERPT_CHARS = 1_000;

/** Temporary: 408, 425, 429 and 5xx. Anything else a retry would repeat. */
export function isTemporaryStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A provider answer: status, body text and the parsed JSON when it is JSON. */
export interface HttpAnswer {
  status: number;
  text: string;
  json: unknown;
  retryAfter: string | null;
}

/**
 * One provider request with a timeout. Network errors and timeouts come back as `null`
 * (temporary); the caller classifies the answer by the provider's own rules.
 */
export async function providerFetch(
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string },
  timeoutMs = 15_000,
): Promise<HttpAnswer | { error: string }> {
  try {
    const res = await fetch(url, {
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, text, json, retryAfter: res.headers.get("retry-after") };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string } };
    const reason =
      e.name === "TimeoutError" ? "timed out" : (e.cause?.code ?? e.message ?? "network error");
    return { error: `request failed: ${reason}` };
  }
}

/** The default classification of an HTTP answer (2xx ok; 408/429/5xx temporary; else permanent). */
export function classifyAnswer(
  answer: HttpAnswer | { error: string },
  providerId: (json: unknown) => string | undefined,
  errorText: (json: unknown, text: string) => string,
): CallResult {
  if ("error" in answer)
    return { ok: false, permanent: false, status: null, excerpt: "", error: answer.error };
  const excerpt = answer.text.slice(0, EXCERPT_CHARS);
  if (answer.status >= 200 && answer.status < 300) {
    return { ok: true, status: answer.status, providerId: providerId(answer.json), excerpt };
  }
  return {
    ok: false,
    permanent: !isTemporaryStatus(answer.status),
    status: answer.status,
    excerpt,
    error: `HTTP ${answer.status}: ${errorText(answer.json, answer.text)}`.slice(0, 500),
    retryAfterMs: retryAfterMs(answer.retryAfter),
  };
}

/** A base URL without its trailing slash. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, "");
}
