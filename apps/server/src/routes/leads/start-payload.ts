import { pickUtm, UTM_KEYS, type Utm, type UtmKey } from "@voronka/db";

/**
 * UTM from a messenger deep-link payload (Telegram `t.me/<bot>?start=<payload>`, Viber
 * `context=<payload>`). Telegram allows only `A-Za-z0-9_-` there, so the format is pairs
 * separated by `__`, each `key-value` split at the first `-`, keys with or without `utm_`:
 * `utm_source-google__utm_medium-cpc__utm_campaign-spring` or `source-google__campaign-spring`.
 * A payload that is not in this format is taken as the campaign name.
 */
export function utmFromStartPayload(payload: string | undefined): Utm {
  const text = payload?.trim();
  if (!text) return {};
  const pairs = new Map<string, string>();
  for (const part of text.split("__")) {
    const dash = part.indexOf("-");
    if (dash <= 0) continue;
    const key = part.slice(0, dash).toLowerCase();
    const full = key.startsWith("utm_") ? key : `utm_${key}`;
    if ((UTM_KEYS as readonly string[]).includes(full)) pairs.set(full, part.slice(dash + 1));
  }
  if (pairs.size === 0) return pickUtm((k: UtmKey) => (k === "utm_campaign" ? text : undefined));
  return pickUtm((k) => pairs.get(k));
}
