import { describe, expect, it } from "vitest";
import { TriggerDateNode, TriggerEventNode, TriggerStageNode } from "../schema/triggers.ts";
import { ContactSnapshot } from "../types.ts";
import { frequencyCapDecision } from "./frequency-cap.ts";
import { quietHoursDecision } from "./quiet-hours.ts";
import { reentryDecision } from "./reentry.ts";
import { nextDateTriggerAt, triggerMatches } from "./trigger.ts";

const contact = ContactSnapshot.parse({
  id: "c",
  timeZone: "Asia/Kolkata",
  attributes: { birthday: "1990-02-14" },
});
const pos = { x: 0, y: 0 };

describe("quiet hours", () => {
  const q = { from: "21:00", to: "08:00" };
  it("holds messages overnight in the contact's zone until the range ends", () => {
    // 22:30 in Kolkata (+05:30) → held until 08:00 local next day = 02:30 UTC.
    expect(quietHoursDecision(q, "Asia/Kolkata", Date.parse("2026-06-10T17:00:00Z"))).toEqual({
      send: false,
      until: Date.parse("2026-06-11T02:30:00Z"),
    });
    // 06:00 local → until 08:00 the same day.
    expect(quietHoursDecision(q, "Asia/Kolkata", Date.parse("2026-06-10T00:30:00Z"))).toEqual({
      send: false,
      until: Date.parse("2026-06-10T02:30:00Z"),
    });
    expect(quietHoursDecision(q, "Asia/Kolkata", Date.parse("2026-06-10T06:30:00Z"))).toEqual({
      send: true,
    });
  });

  it("ends at local 08:00 on the morning clocks change", () => {
    // 23:00 Sat 28 March Berlin (CET); quiet ends 08:00 CEST on Sunday = 06:00 UTC.
    expect(quietHoursDecision(q, "Europe/Berlin", Date.parse("2026-03-28T22:00:00Z"))).toEqual({
      send: false,
      until: Date.parse("2026-03-29T06:00:00Z"),
    });
  });
});

describe("frequency cap", () => {
  const cap = { max: 2, per: { amount: 1, unit: "days" as const } };
  it("lets messages through under the cap and holds them at it", () => {
    const now = Date.parse("2026-06-10T12:00:00Z");
    expect(frequencyCapDecision(cap, [now - 3_600_000], now)).toEqual({ send: true });
    expect(
      frequencyCapDecision(cap, [now - 7_200_000, now - 3_600_000, now - 90_000_000], now),
    ).toEqual({
      send: false,
      until: now - 7_200_000 + 86_400_000,
    });
  });
});

describe("re-entry", () => {
  const h = (activeRuns: number, totalRuns: number, lastStartedAt: number | null) => ({
    activeRuns,
    totalRuns,
    lastStartedAt,
  });
  it("applies once / after-exit / always with a cooldown", () => {
    expect(reentryDecision({ mode: "once" }, h(0, 0, null), 0)).toEqual({ enter: true });
    expect(reentryDecision({ mode: "once" }, h(0, 1, 0), 1)).toEqual({
      enter: false,
      reason: "already-entered",
    });
    expect(reentryDecision({ mode: "after-exit" }, h(1, 1, 0), 1)).toEqual({
      enter: false,
      reason: "still-active",
    });
    expect(reentryDecision({ mode: "always" }, h(1, 1, 0), 1)).toEqual({ enter: true });
    const cooldown = {
      mode: "after-exit" as const,
      cooldown: { amount: 7, unit: "days" as const },
    };
    expect(reentryDecision(cooldown, h(0, 1, 0), 86_400_000)).toEqual({
      enter: false,
      reason: "cooldown",
    });
    expect(reentryDecision(cooldown, h(0, 1, 0), 8 * 86_400_000)).toEqual({ enter: true });
  });
});

describe("triggers", () => {
  it("match events with property filters, and stage entries or losses", () => {
    const t = TriggerEventNode.parse({
      id: "t",
      type: "trigger-event",
      position: pos,
      data: {
        event: "form_submitted",
        filter: { kind: "property", property: "form", op: "eq", value: "banquet" },
      },
    });
    const ev = (form: string) => ({
      type: "event" as const,
      event: { name: "form_submitted", properties: { form } },
    });
    expect(triggerMatches(t, ev("banquet"), contact)).toBe(true);
    expect(triggerMatches(t, ev("newsletter"), contact)).toBe(false);
    const lost = TriggerStageNode.parse({
      id: "s",
      type: "trigger-stage",
      position: pos,
      data: { funnel: "f", on: "lost" },
    });
    expect(
      triggerMatches(lost, { type: "stage", funnel: "f", stage: "offer", lost: true }, contact),
    ).toBe(true);
    expect(
      triggerMatches(lost, { type: "stage", funnel: "f", stage: "offer", lost: false }, contact),
    ).toBe(false);
  });

  it("schedules date triggers on the anniversary, at local time, with an offset", () => {
    const t = TriggerDateNode.parse({
      id: "d",
      type: "trigger-date",
      position: pos,
      data: {
        attribute: "birthday",
        yearly: true,
        at: "10:00",
        offset: { amount: -1, unit: "days" },
      },
    });
    // The day before the birthday, 10:00 in Kolkata.
    expect(nextDateTriggerAt(t, contact, Date.parse("2026-03-01T00:00:00Z"))).toBe(
      Date.parse("2027-02-13T04:30:00Z"),
    );
    expect(nextDateTriggerAt(t, contact, Date.parse("2026-01-01T00:00:00Z"))).toBe(
      Date.parse("2026-02-13T04:30:00Z"),
    );
  });
});
