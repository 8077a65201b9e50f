import { AppError } from "@voronka/core";
import type { AdAccountConfig, AdapterOptions, AdSession, UploadOp } from "./adapter.ts";
import { callPlatform, chunks, DEFAULT_RETRY, type PlatformResponse } from "./http.ts";
import { type ContactIdentifiers, hashIdentifiers } from "./normalize.ts";

/** Meta accepts at most 10,000 records per /users call. */
export const META_BATCH = 10_000;
export const META_BASE_URL = "https://graph.facebook.com/v21.0";

/** Graph API error codes that mean "too many calls, try later" (plus `is_transient`). */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80003, 80004]);

function metaRetryable(res: PlatformResponse): boolean {
  const error =
    typeof res.json === "object" && res.json !== null && "error" in res.json
      ? (res.json.error as { code?: unknown; is_transient?: unknown } | null)
      : null;
  if (!error) return false;
  return (
    error.is_transient === true ||
    (typeof error.code === "number" && THROTTLE_CODES.has(error.code))
  );
}

/**
 * Meta Custom Audiences: `POST /{audience_id}/users` adds and `DELETE /{audience_id}/users`
 * removes, with a form parameter `payload = {schema: ["EMAIL", "PHONE"], data: [[h, h], …]}`
 * (multi-key, SHA-256 hex, empty string for a missing key) and the access token.
 */
export function metaSession(
  account: AdAccountConfig,
  audienceId: string,
  options: AdapterOptions = {},
): AdSession {
  const token = account.credentials.accessToken;
  if (!token) throw new AppError("validation_failed", "The Meta account has no access token.");
  const stats = { sent: 0, skipped: 0, requests: 0 };
  const url = `${account.baseUrl.replace(/\/$/, "")}/${encodeURIComponent(audienceId)}/users`;
  return {
    async send(op: UploadOp, contacts: readonly ContactIdentifiers[]) {
      const rows: [string, string][] = [];
      for (const c of contacts) {
        const h = hashIdentifiers("meta", c);
        if (!h.email && !h.phone) stats.skipped++;
        else rows.push([h.email ?? "", h.phone ?? ""]);
      }
      for (const data of chunks(rows, META_BATCH)) {
        const body = new URLSearchParams({
          payload: JSON.stringify({ schema: ["EMAIL", "PHONE"], data }),
          access_token: token,
        });
        await callPlatform(
          "Meta",
          url,
          {
            method: op === "add" ? "POST" : "DELETE",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body,
          },
          {
            retry: options.retry ?? DEFAULT_RETRY,
            isRetryable: metaRetryable,
            stats,
            ...(options.fetch ? { fetch: options.fetch } : {}),
          },
        );
        stats.sent += data.length;
      }
    },
    async finish() {
      return { ...stats };
    },
  };
}
