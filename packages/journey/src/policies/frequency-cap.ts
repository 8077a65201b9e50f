import { type Duration, durationMs } from "../schema/common.ts";
import type { SendDecision } from "./quiet-hours.ts";

/** At most `max` emails/messages per contact in any trailing `per`. */
export interface FrequencyCap {
  max: number;
  per: Duration;
}

/**
 * Frequency-cap decision: with `max` sends already in the trailing window, hold the message until
 * the oldest of them leaves the window. `sentAt` are epoch ms, in any order.
 */
export function frequencyCapDecision(
  cap: FrequencyCap,
  sentAt: readonly number[],
  now: number,
): SendDecision {
  const per = durationMs(cap.per);
  const inWindow = sentAt.filter((t) => t > now - per && t <= now).sort((a, b) => a - b);
  if (inWindow.length < cap.max) return { send: true };
  // The window frees up when the send that keeps it full ages out.
  const blocking = inWindow[inWindow.length - cap.max] ?? now;
  return { send: false, until: blocking + per };
}
