import { intlLocale } from "../i18n/index.ts";
import { t } from "./strings.ts";

const int = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat(intlLocale(), { style: "percent", maximumFractionDigits: 1 });
const dec = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 2 });

export const fmtInt = (n: number) => int.format(n);
export const fmtMoney = (n: number | null) => (n === null ? t.none : money.format(n));
export const fmtPct = (n: number | null) => (n === null ? t.none : pct.format(n));
export const fmtDec = (n: number | null) => (n === null ? t.none : dec.format(n));
export const fmtSignedPct = (n: number | null) =>
  n === null ? t.none : `${n > 0 ? "+" : ""}${pct.format(n)}`;

/** Hours as "5.2 h" under two days, else "3.4 d". */
export function fmtDuration(hours: number | null): string {
  if (hours === null) return t.none;
  return hours < 48 ? `${dec.format(hours)} ${t.hours}` : `${dec.format(hours / 24)} ${t.days}`;
}

const DAY = 86_400_000;
export type RangeKey = "d30" | "d90" | "d365" | "d730";
const DAYS: Record<RangeKey, number> = { d30: 30, d90: 90, d365: 365, d730: 730 };

/** A preset range ending tomorrow (so today counts), as API dates. */
export function rangeOf(key: RangeKey, now = Date.now()) {
  const to = new Date(now + DAY).toISOString().slice(0, 10);
  const from = new Date(now - DAYS[key] * DAY).toISOString().slice(0, 10);
  return { from, to };
}
