/**
 * The UI's languages. The language is chosen once per page load (saved choice, else the
 * browser's language, else English); switching saves the choice and reloads, so every string
 * module can pick its variant when it is first evaluated:
 *
 *   export const listStrings = localized({ en: { title: "Journeys" }, ru: { title: "Цепочки" } });
 *
 * Both variants must have the same shape — the type checker holds the translation complete.
 */
export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];

export const localeNames: Record<Locale, string> = { en: "English", ru: "Русский" };

const storageKey = "voronka.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

function detect(): Locale {
  if (typeof window === "undefined") return "en";
  try {
    const saved = window.localStorage.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode); fall through to the browser's language.
  }
  const preferred = window.navigator?.language?.slice(0, 2);
  return isLocale(preferred) ? preferred : "en";
}

const current: Locale = detect();

/** The language of this page load. */
export function locale(): Locale {
  return current;
}

/** BCP 47 tag for Intl formatters. */
export function intlLocale(): string {
  return current === "ru" ? "ru-RU" : "en-GB";
}

/** Saves the choice and reloads the page in the new language. */
export function setLocale(next: Locale): void {
  try {
    window.localStorage.setItem(storageKey, next);
  } catch {
    // Without storage the choice cannot persist; reloading would change nothing.
    return;
  }
  window.location.reload();
}

/** Picks this page load's variant of a strings object. */
export function localized<T>(variants: { en: T; ru: NoInfer<T> }): T {
  return variants[current];
}
