import { intlLocale, localized } from "../i18n/index.ts";

const dateFormat = new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(intlLocale(), {
  dateStyle: "medium",
  timeStyle: "short",
});
const relativeFormat = new Intl.RelativeTimeFormat(intlLocale(), { numeric: "auto" });
const justNow = localized({ en: "just now", ru: "только что" });

/** "22 Nov 2025" / "22 нояб. 2025 г." in the UI's language. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "22 Nov 2025, 14:05" in the UI's language. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "5 minutes ago", "yesterday" — for recent moments where the exact time matters less. */
export function formatRelative(iso: string, now = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) {
      return unit === "second" ? justNow : relativeFormat.format(Math.round(amount), unit);
    }
    amount /= size;
  }
  return formatDate(iso);
}
