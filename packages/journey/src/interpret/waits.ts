import { assertNever } from "../assert-never.ts";
import { readPath } from "../condition/evaluate.ts";
import type { WaitData } from "../schema/flow.ts";
import {
  addDuration,
  atLocalClock,
  nextWindowStart,
  parseDateAttribute,
} from "../time/arithmetic.ts";
import type { Json } from "../types.ts";

/**
 * When a wait node releases a contact who arrives at `now`; `null` (or a time not after `now`)
 * means "go on at once" — a missing or past date, or already inside the window.
 */
export function waitUntil(
  data: WaitData,
  now: number,
  timeZone: string,
  attributes: Record<string, Json>,
): number | null {
  switch (data.mode) {
    case "duration":
      return addDuration(now, data.duration, timeZone);
    case "until-date": {
      const date = parseDateAttribute(readPath(attributes, data.attribute), timeZone);
      if (date === null) return null;
      let at = addDuration(date.at, data.offset, timeZone);
      if (data.at !== undefined) at = atLocalClock(at, data.at, timeZone);
      return at;
    }
    case "window":
      return nextWindowStart(now, data, timeZone);
    default:
      return assertNever(data, "wait mode");
  }
}
