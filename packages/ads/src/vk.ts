import { AppError } from "@voronka/core";
import type { AdAccountConfig, AdapterOptions, AdSession, UploadOp } from "./adapter.ts";
import { callPlatform, chunks, DEFAULT_RETRY, fileForm, type PlatformResponse } from "./http.ts";
import { type ContactIdentifiers, hashIdentifiers } from "./normalize.ts";

/** Lines per uploaded file (VK Ads takes files up to 128 MB; 100k hashes are ≈ 6.5 MB). */
export const VK_BATCH = 100_000;
export const VK_BASE_URL = "https://ads.vk.com";

function vkRetryable(res: PlatformResponse): boolean {
  const code =
    typeof res.json === "object" && res.json !== null && "error" in res.json
      ? (res.json.error as { code?: unknown } | null)?.code
      : undefined;
  return code === "throttling" || code === "too_many_requests";
}

/**
 * VK Ads retargeting users lists: a list holds one kind of identifier (`listType`: `email`
 * or `phone`, account setting, default `email`). Adds and removes upload a file of SHA-256
 * hashes, one per line, as multipart `file` with the list `type`, to
 * `/api/v3/remarketing/users_lists/{id}/append.json` or `…/remove.json`.
 */
export function vkSession(
  account: AdAccountConfig,
  listId: string,
  options: AdapterOptions = {},
): AdSession {
  const { accessToken } = account.credentials;
  if (!accessToken)
    throw new AppError("validation_failed", "The VK Ads account has no access token.");
  const listType = account.credentials.listType === "phone" ? "phone" : "email";
  const base = account.baseUrl.replace(/\/$/, "");
  const stats = { sent: 0, skipped: 0, requests: 0 };
  return {
    async send(op: UploadOp, contacts: readonly ContactIdentifiers[]) {
      const lines: string[] = [];
      for (const c of contacts) {
        const h = hashIdentifiers("vk", c)[listType];
        if (h) lines.push(h);
        else stats.skipped++;
      }
      const path = op === "add" ? "append" : "remove";
      for (const batch of chunks(lines, VK_BATCH)) {
        await callPlatform(
          "VK Ads",
          `${base}/api/v3/remarketing/users_lists/${encodeURIComponent(listId)}/${path}.json`,
          {
            method: "POST",
            headers: { authorization: `Bearer ${accessToken}` },
            body: fileForm(
              { type: listType },
              { name: `${listType}s.txt`, content: `${batch.join("\n")}\n`, type: "text/plain" },
            ),
          },
          {
            retry: options.retry ?? DEFAULT_RETRY,
            isRetryable: vkRetryable,
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
