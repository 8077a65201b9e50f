import { JourneySettings } from "@voronka/journey";
import { describe, expect, it } from "vitest";
import { applyForm, formProblems, settingsSummary, toForm } from "./journey-settings.ts";

describe("journey settings form", () => {
  it("reads no quiet hours and no limit from empty settings, with sensible defaults to switch on", () => {
    const form = toForm(undefined);
    expect(form).toMatchObject({ quiet: false, cap: false, from: "21:00", to: "08:00" });
    expect(settingsSummary(undefined)).toBe("No quiet hours, no send limit");
  });

  it("writes quiet hours and the limit the schema accepts, keeping re-entry and exit events", () => {
    const before = { reentry: { mode: "once" }, exitOn: [{ event: "unsubscribed" }] };
    const next = applyForm(before, {
      ...toForm(before),
      quiet: true,
      from: "22:30",
      to: "07:00",
      cap: true,
      max: "2",
      perAmount: "1",
      perUnit: "weeks",
    });
    expect(next).toEqual({
      ...before,
      quietHours: { from: "22:30", to: "07:00" },
      frequencyCap: { max: 2, per: { amount: 1, unit: "weeks" } },
    });
    expect(JourneySettings.safeParse(next).success).toBe(true);
    expect(settingsSummary(next)).toBe("Quiet hours 22:30–07:00 · At most 2 messages per week");
    // Switched off again: the keys go, the rest stays.
    expect(applyForm(next, { ...toForm(next), quiet: false, cap: false })).toEqual(before);
  });

  it("refuses a limit that is not a whole number of 1 or more, and an empty period", () => {
    const form = { ...toForm(undefined), cap: true };
    expect(formProblems({ ...form, max: "0" })).toHaveLength(1);
    expect(formProblems({ ...form, max: "1.5" })).toHaveLength(1);
    expect(formProblems({ ...form, max: "" })).toHaveLength(1);
    expect(formProblems({ ...form, perAmount: "0" })).toHaveLength(1);
    expect(formProblems({ ...form, max: "3", perAmount: "2" })).toEqual([]);
    expect(formProblems({ ...toForm(undefined), quiet: true, from: "" })).toHaveLength(1);
  });
});
