import type { Stage } from "@voronka/contract";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Columns of the board: open stages in order, then Won, then Lost. */
export function boardColumns(stages: Stage[]): Stage[] {
  const rank = { open: 0, won: 1, lost: 2 } as const;
  return [...stages].sort((a, b) => rank[a.kind] - rank[b.kind] || a.position - b.position);
}

/** How long a card has been in its stage, in whole hours (under a day) or days. */
export type TimeInStage = { unit: "none" } | { unit: "hours" | "days"; amount: number };

export function timeInStage(enteredAt: string, now: number): TimeInStage {
  const ms = now - Date.parse(enteredAt);
  if (ms < HOUR) return { unit: "none" };
  if (ms < DAY) return { unit: "hours", amount: Math.floor(ms / HOUR) };
  return { unit: "days", amount: Math.floor(ms / DAY) };
}

/** A card is stalled when it has stayed in an open stage longer than the funnel's threshold. */
export function isStalled(
  stage: Stage,
  enteredAt: string | null | undefined,
  stallDays: number,
  now: number,
): boolean {
  if (stage.kind !== "open" || !enteredAt) return false;
  return now - Date.parse(enteredAt) > stallDays * DAY;
}
