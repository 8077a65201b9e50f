/** The UTM parameters a lead can carry, by their query-string names. */
export const UTM_KEYS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type Utm = Partial<Record<UtmKey, string>>;

/**
 * Picks the UTM parameters from any key/value source (a query string, form fields), trimmed
 * and capped at 200 characters; empty values are dropped.
 */
export function pickUtm(get: (key: UtmKey) => unknown): Utm {
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = get(key);
    if (typeof value !== "string") continue;
    const trimmed = value.trim().slice(0, 200);
    if (trimmed) utm[key] = trimmed;
  }
  return utm;
}

/** Segment's `context.campaign` for a set of UTM parameters. */
export function campaignContext(utm: Utm): Record<string, string> {
  const campaign: Record<string, string> = {};
  if (utm.utm_source) campaign.source = utm.utm_source;
  if (utm.utm_medium) campaign.medium = utm.utm_medium;
  if (utm.utm_campaign) campaign.name = utm.utm_campaign;
  if (utm.utm_term) campaign.term = utm.utm_term;
  if (utm.utm_content) campaign.content = utm.utm_content;
  return campaign;
}
