import { durationMs } from "../schema/common.ts";
import type { ReentryPolicy } from "../schema/graph.ts";

/** What the engine knows about a contact's earlier runs of this journey. */
export interface EntryHistory {
  /** Runs not yet ended (waiting). */
  activeRuns: number;
  /** Runs ever started. */
  totalRuns: number;
  /** Epoch ms of the latest start, if any. */
  lastStartedAt: number | null;
}

/** Outcome of a re-entry check, with a reason the UI can show. */
export type EntryDecision =
  | { enter: true }
  | { enter: false; reason: "already-entered" | "still-active" | "cooldown" };

/**
 * May the contact enter the journey now? `once`: only the first time; `after-exit`: when no run
 * is active; `always`: concurrent runs allowed. A cooldown applies on top of each mode.
 */
export function reentryDecision(
  policy: ReentryPolicy,
  history: EntryHistory,
  now: number,
): EntryDecision {
  if (history.totalRuns === 0) return { enter: true };
  if (policy.mode === "once") return { enter: false, reason: "already-entered" };
  if (policy.mode === "after-exit" && history.activeRuns > 0) {
    return { enter: false, reason: "still-active" };
  }
  if (
    policy.cooldown &&
    history.lastStartedAt !== null &&
    now - history.lastStartedAt < durationMs(policy.cooldown)
  ) {
    return { enter: false, reason: "cooldown" };
  }
  return { enter: true };
}
