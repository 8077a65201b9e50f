import { assertNever } from "../assert-never.ts";
import { clockMinutes, type DurationUnit, durationMs, type Weekday } from "../schema/common.ts";
import { addLocalDays, fromLocal, toLocal } from "./zoned.ts";

/**
 * `at` plus a (possibly negative) duration. Minutes and hours are exact; days and weeks are
 * calendar days in `timeZone`, so "wait 1 day" from 09:00 lands on 09:00 across a DST change.
 */
export function addDuration(
  at: number,
  d: { amount: number; unit: DurationUnit },
  timeZone: string,
): number {
  switch (d.unit) {
    case "minutes":
    case "hours":
      return at + durationMs(d);
    case "days":
    case "weeks": {
      const days = d.unit === "weeks" ? d.amount * 7 : d.amount;
      if (Number.isInteger(days)) return addLocalDays(at, days, timeZone);
      // Fractional days have no calendar meaning; treat them as exact hours.
      return at + durationMs(d);
    }
    default:
      return assertNever(d.unit, "duration unit");
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a date attribute: `YYYY-MM-DD` is a local date (midnight in `timeZone`), an ISO date-time
 * or epoch milliseconds is an instant. Anything else is `null`.
 */
export function parseDateAttribute(
  value: unknown,
  timeZone: string,
): { at: number; dateOnly: boolean } | null {
  if (typeof value === "number" && Number.isFinite(value)) return { at: value, dateOnly: false };
  if (typeof value !== "string") return null;
  if (DATE_ONLY.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    if (y === undefined || m === undefined || d === undefined) return null;
    return { at: fromLocal(timeZone, y, m, d), dateOnly: true };
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : { at, dateOnly: false };
}

/** The instant of local time `"HH:MM"` on the local day of `at`. */
export function atLocalClock(at: number, clock: string, timeZone: string): number {
  const l = toLocal(at, timeZone);
  const m = clockMinutes(clock);
  return fromLocal(timeZone, l.year, l.month, l.day, Math.floor(m / 60), m % 60);
}

const WEEKDAY_INDEX: Record<Weekday, number> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
};

/**
 * The earliest instant ≥ `now` inside a weekly window (allowed weekdays, local `from`–`to`).
 * `to` before `from` means the window runs past midnight (it belongs to the day it starts).
 * Returns `now` when already inside; `null` when no day is allowed.
 */
export function nextWindowStart(
  now: number,
  window: { days: readonly Weekday[]; from: string; to: string },
  timeZone: string,
): number | null {
  const allowed = new Set(window.days.map((d) => WEEKDAY_INDEX[d]));
  if (allowed.size === 0) return null;
  const from = clockMinutes(window.from);
  let to = clockMinutes(window.to);
  if (to <= from) to += 24 * 60;
  const today = toLocal(now, timeZone);
  // Start a day back: yesterday's overnight window may still be open.
  for (let offset = -1; offset <= 7; offset++) {
    const day = toLocal(
      fromLocal(timeZone, today.year, today.month, today.day + offset, 12),
      timeZone,
    );
    if (!allowed.has(day.weekday)) continue;
    const start = fromLocal(timeZone, day.year, day.month, day.day, 0, from);
    const end = fromLocal(timeZone, day.year, day.month, day.day, 0, to);
    if (now < end) return Math.max(now, start);
  }
  return null;
}
