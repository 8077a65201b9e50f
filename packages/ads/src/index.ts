import { z } from "zod";
import type { AdAccountConfig, AdapterOptions, AdSession } from "./adapter.ts";
import { GOOGLE_BASE_URL, googleSession } from "./google.ts";
import { META_BASE_URL, metaSession } from "./meta.ts";
import { VK_BASE_URL, vkSession } from "./vk.ts";
import { YANDEX_BASE_URL, yandexSession } from "./yandex.ts";

export * from "./adapter.ts";
export * from "./csv.ts";
export * from "./google.ts";
export * from "./http.ts";
export * from "./meta.ts";
export * from "./normalize.ts";
export * from "./vk.ts";
export * from "./yandex.ts";

export const AdPlatform = z.enum(["meta", "google", "vk", "yandex"]);
export type AdPlatform = z.infer<typeof AdPlatform>;

/** Where each platform's API lives unless the workspace sets another base URL. */
export const DEFAULT_BASE_URLS: Record<AdPlatform, string> = {
  meta: META_BASE_URL,
  google: GOOGLE_BASE_URL,
  vk: VK_BASE_URL,
  yandex: YANDEX_BASE_URL,
};

/** The credential fields each platform needs (and optional ones), all strings. */
export const PLATFORM_CREDENTIALS: Record<AdPlatform, { required: string[]; optional: string[] }> =
  {
    meta: { required: ["accessToken"], optional: [] },
    google: { required: ["developerToken", "accessToken"], optional: ["loginCustomerId"] },
    vk: { required: ["accessToken"], optional: ["listType"] },
    yandex: { required: ["oauthToken"], optional: [] },
  };

/** Opens a sync session on a platform for one audience copy (`externalId`). */
export function openSession(
  platform: AdPlatform,
  account: AdAccountConfig,
  externalId: string,
  options: AdapterOptions = {},
): AdSession {
  switch (platform) {
    case "meta":
      return metaSession(account, externalId, options);
    case "google":
      return googleSession(account, externalId, options);
    case "vk":
      return vkSession(account, externalId, options);
    case "yandex":
      return yandexSession(account, externalId, options);
  }
}
