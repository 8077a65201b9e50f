import { AppError } from "@voronka/core";
import type { AdAccountConfig, AdapterOptions, AdSession, UploadOp } from "./adapter.ts";
import { callPlatform, chunks, DEFAULT_RETRY, fileForm, type PlatformResponse } from "./http.ts";
import { type ContactIdentifiers, hashIdentifiers } from "./normalize.ts";

/** Rows per uploaded CSV (Yandex Audience takes files up to 1 GB). */
export const YANDEX_BATCH = 100_000;
export const YANDEX_BASE_URL = "https://api-audience.yandex.ru";

function yandexRetryable(res: PlatformResponse): boolean {
  const body = res.json as { code?: unknown; errors?: { error_type?: unknown }[] } | null;
  return body?.code === 429 || (body?.errors ?? []).some((e) => e.error_type === "quota");
}

/**
 * Yandex Audience segments created from a CRM file: `POST
 * /v1/management/segment/{id}/modify_data?modification_type=addition|subtraction` with a
 * multipart `file` — a CSV with the header `email,phone` and SHA-256 hashes (the segment must
 * have been created from hashed data with the same columns). Auth: `Authorization: OAuth …`.
 */
export function yandexSession(
  account: AdAccountConfig,
  segmentId: string,
  options: AdapterOptions = {},
): AdSession {
  const { oauthToken } = account.credentials;
  if (!oauthToken) {
    throw new AppError("validation_failed", "The Yandex Audience account has no OAuth token.");
  }
  const base = account.baseUrl.replace(/\/$/, "");
  const stats = { sent: 0, skipped: 0, requests: 0 };
  return {
    async send(op: UploadOp, contacts: readonly ContactIdentifiers[]) {
      const rows: string[] = [];
      for (const c of contacts) {
        const h = hashIdentifiers("yandex", c);
        if (!h.email && !h.phone) stats.skipped++;
        else rows.push(`${h.email ?? ""},${h.phone ?? ""}`);
      }
      const type = op === "add" ? "addition" : "subtraction";
      for (const batch of chunks(rows, YANDEX_BATCH)) {
        await callPlatform(
          "Yandex Audience",
          `${base}/v1/management/segment/${encodeURIComponent(segmentId)}/modify_data?modification_type=${type}`,
          {
            method: "POST",
            headers: { authorization: `OAuth ${oauthToken}` },
            body: fileForm(
              {},
              { name: "data.csv", content: `email,phone\n${batch.join("\n")}\n`, type: "text/csv" },
            ),
          },
          {
            retry: options.retry ?? DEFAULT_RETRY,
            isRetryable: yandexRetryable,
            stats,
            ...(options.fetch ? { fetch: options.fetch } : {}),
          },
        );
        stats.sent += batch.length;
      }
    },
    async finish() {
      return { ...stats };
    },
  };
}
