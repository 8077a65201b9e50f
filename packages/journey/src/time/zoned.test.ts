import { describe, expect, it } from "vitest";
import { nextWindowStart, parseDateAttribute } from "./arithmetic.ts";
import { addLocalDays, fromLocal, toLocal, zoneOffset } from "./zoned.ts";

const iso = (ms: number) => new Date(ms).toISOString();

describe("zoned time", () => {
  it("reads offsets on both sides of a DST change", () => {
    expect(zoneOffset("Europe/Berlin", Date.parse("2026-03-29T00:59:00Z"))).toBe(3_600_000);
    expect(zoneOffset("Europe/Berlin", Date.parse("2026-03-29T01:00:00Z"))).toBe(7_200_000);
    expect(zoneOffset("Asia/Kathmandu", Date.parse("2026-01-01T00:00:00Z"))).toBe(20_700_000);
  });

  it("moves a wall time inside a spring-forward gap forward, and reads a repeated one as the first", () => {
    expect(iso(fromLocal("Europe/Berlin", 2026, 3, 29, 2, 30))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(fromLocal("Europe/Berlin", 2026, 10, 25, 2, 30))).toBe("2026-10-25T00:30:00.000Z");
  });

  it("adds calendar days keeping the wall-clock time", () => {
    const before = Date.parse("2026-10-24T07:00:00Z"); // 09:00 CEST
    expect(iso(addLocalDays(before, 1, "Europe/Berlin"))).toBe("2026-10-25T08:00:00.000Z"); // 09:00 CET
    expect(toLocal(addLocalDays(before, 1, "Europe/Berlin"), "Europe/Berlin")).toMatchObject({
      hour: 9,
      weekday: 6,
    });
  });

  it("treats unknown zones as UTC instead of throwing", () => {
    expect(zoneOffset("Mars/Olympus", 0)).toBe(0);
    expect(iso(fromLocal("Mars/Olympus", 2026, 1, 1, 9))).toBe("2026-01-01T09:00:00.000Z");
  });

  it("parses date attributes as local dates or instants", () => {
    expect(parseDateAttribute("2026-05-01", "Asia/Tokyo")).toEqual({
      at: Date.parse("2026-04-30T15:00:00Z"),
      dateOnly: true,
    });
    expect(parseDateAttribute("2026-05-01T10:00:00Z", "Asia/Tokyo")?.dateOnly).toBe(false);
    expect(parseDateAttribute({}, "UTC")).toBeNull();
  });

  it("finds the next window, including one that runs past midnight", () => {
    const w = { days: ["fri"] as const, from: "22:00", to: "02:00" };
    // Saturday 01:00 UTC is still inside Friday's overnight window.
    const sat1am = Date.parse("2026-03-07T01:00:00Z");
    expect(nextWindowStart(sat1am, { ...w, days: [...w.days] }, "UTC")).toBe(sat1am);
    expect(
      iso(
        nextWindowStart(Date.parse("2026-03-07T03:00:00Z"), { ...w, days: [...w.days] }, "UTC") ??
          0,
      ),
    ).toBe("2026-03-13T22:00:00.000Z");
  });
});

describe("toLocal", () => {
  it("agrees with Date for instants across four centuries", () => {
    for (let i = 0; i < 5000; i++) {
      const at = Math.round(-2e12 + i * 1.37e9 + (i % 97) * 61_001);
      const d = new Date(at);
      expect(toLocal(at, "UTC")).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        weekday: (d.getUTCDay() + 6) % 7,
        minutes: d.getUTCHours() * 60 + d.getUTCMinutes(),
      });
    }
  });
});
