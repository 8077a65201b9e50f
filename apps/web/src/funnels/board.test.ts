import type { Stage } from "@voronka/contract";
import { describe, expect, it } from "vitest";
import { boardColumns, isStalled, timeInStage } from "./board.ts";

const stage = (name: string, kind: Stage["kind"], position: number): Stage => ({
  id: `00000000-0000-4000-8000-00000000000${position}`,
  name,
  kind,
  position,
  contacts: 0,
});

const now = Date.parse("2026-11-10T12:00:00Z");

describe("the funnel board", () => {
  it("puts open stages first in order, then Won, then Lost", () => {
    const columns = boardColumns([
      stage("Lost", "lost", 4),
      stage("Offer", "open", 1),
      stage("Won", "won", 3),
      stage("New", "open", 0),
    ]);
    expect(columns.map((s) => s.name)).toEqual(["New", "Offer", "Won", "Lost"]);
  });

  it("says how long a card has been in its stage", () => {
    expect(timeInStage("2026-11-10T11:30:00Z", now)).toEqual({ unit: "none" });
    expect(timeInStage("2026-11-10T07:00:00Z", now)).toEqual({ unit: "hours", amount: 5 });
    expect(timeInStage("2026-11-07T11:00:00Z", now)).toEqual({ unit: "days", amount: 3 });
  });

  it("marks a card stalled only past the threshold and only in an open stage", () => {
    const open = stage("Offer", "open", 1);
    expect(isStalled(open, "2026-11-02T12:00:00Z", 7, now)).toBe(true);
    expect(isStalled(open, "2026-11-04T12:00:00Z", 7, now)).toBe(false);
    expect(isStalled(stage("Won", "won", 2), "2026-10-01T12:00:00Z", 7, now)).toBe(false);
    expect(isStalled(open, null, 7, now)).toBe(false);
  });
});
