import { intlLocale, locale } from "../i18n/index.ts";

const rules = new Intl.PluralRules(intlLocale());

/** A number as the reader writes it: "10,000" in English, "10 000" in Russian. */
export function formatNumber(n: number): string {
  return n.toLocaleString(intlLocale());
}

/**
 * Picks the word form for `n` by the language's plural rules: English needs `one`/`other`,
 * Russian `one` (1, 21), `few` (2–4, 22–24) and `many` (5–20, 25…).
 */
export function plural(
  n: number,
  forms: { one: string; few?: string; many?: string; other: string },
): string {
  const category = rules.select(n);
  if (category === "one") return forms.one;
  if (category === "few") return forms.few ?? forms.other;
  if (category === "many") return forms.many ?? forms.other;
  return forms.other;
}

/** "3 contacts" / "3 контакта": the number and its word. */
export function count(
  n: number,
  forms: { one: string; few?: string; many?: string; other: string },
): string {
  return `${formatNumber(n)} ${plural(n, forms)}`;
}

/** True while the UI is in Russian — for the rare phrase whose word order differs. */
export function isRussian(): boolean {
  return locale() === "ru";
}
