import { AppError } from "@voronka/core";

/** How an adapter retries: attempts in all, first back-off, cap on any one wait. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** A platform's answer, body read once. */
export interface PlatformResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Whether an answer is a rate limit or a transient failure worth retrying. */
export type RetryTest = (res: PlatformResponse) => boolean;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * One platform call with retries: 429, 5xx and whatever `isRetryable` recognises (platform
 * error codes in a 200/400 body) are retried with exponential back-off and jitter, honouring
 * `Retry-After`. Network errors are retried too. The last failure throws a retryable
 * `AppError` (`unavailable`) for rate limits and 5xx, a final one (`bad_request`) otherwise.
 */
export async function callPlatform(
  platform: string,
  url: string,
  init: RequestInit,
  options: {
    retry: RetryPolicy;
    isRetryable?: RetryTest;
    fetch?: typeof fetch;
    /** Counts every HTTP request made, retries included. */
    stats?: { requests: number };
  },
): Promise<PlatformResponse> {
  const doFetch = options.fetch ?? fetch;
  let last = "";
  for (let attempt = 1; attempt <= options.retry.attempts; attempt++) {
    let res: PlatformResponse | undefined;
    if (options.stats) options.stats.requests++;
    try {
      const r = await doFetch(url, init);
      const text = await r.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      res = { status: r.status, headers: r.headers, text, json };
    } catch (err) {
      last = `${platform}: ${err instanceof Error ? err.message : String(err)}`;
    }
    const transient =
      res === undefined ||
      res.status === 429 ||
      res.status >= 500 ||
      (options.isRetryable?.(res) ?? false);
    if (res && !transient && res.status < 300) return res;
    if (res) last = `${platform} answered ${res.status}: ${res.text.slice(0, 500)}`;
    if (res && !transient) throw new AppError("bad_request", last, { retryable: false });
    if (attempt === options.retry.attempts) break;
    const backoff = Math.min(
      options.retry.maxDelayMs,
      options.retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2),
    );
    const hinted = res ? retryAfterMs(res.headers) : undefined;
    await sleep(Math.min(options.retry.maxDelayMs, hinted ?? backoff));
  }
  throw new AppError("unavailable", last || `${platform}: no answer`, { retryable: true });
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A multipart/form-data body with one file part (name `file`) and text fields. */
export function fileForm(
  fields: Record<string, string>,
  file: { name: string; content: string; type?: string },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set(
    "file",
    new Blob([file.content], { type: file.type ?? "application/octet-stream" }),
    file.name,
  );
  return form;
}
