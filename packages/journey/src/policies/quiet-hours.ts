import { clockMinutes } from "../schema/common.ts";
import { fromLocal, localMinutes, toLocal } from "../time/zoned.ts";

/** Local-time range in which nothing is sent; `from` after `to` spans midnight. */
export interface QuietHours {
  from: string;
  to: string;
}

/** Whether a message may go now, or the instant it should be held until. */
export type SendDecision = { send: true } | { send: false; until: number };

const SEND: SendDecision = { send: true };

/**
 * Quiet-hours decision for a contact in `timeZone` at `now`: inside the range, hold the message
 * until the range ends (local time, DST-aware).
 */
export function quietHoursDecision(q: QuietHours, timeZone: string, now: number): SendDecision {
  const from = clockMinutes(q.from);
  const to = clockMinutes(q.to);
  if (from === to) return SEND;
  const m = localMinutes(now, timeZone);
  const quiet = from < to ? m >= from && m < to : m >= from || m < to;
  if (!quiet) return SEND;
  const l = toLocal(now, timeZone);
  // The end is today when we are before it in the day, else tomorrow (overnight range).
  const dayShift = m < to ? 0 : 1;
  const until = fromLocal(timeZone, l.year, l.month, l.day + dayShift, 0, to);
  return until > now ? { send: false, until } : SEND;
}
