import { describe, expect, it } from "vitest";
import { dateOffset, dateSide, setFromRows, setRows, tagList, tagText } from "./form-values.ts";

describe("step form values", () => {
  it("turns before/on/after and a size into a signed offset and back", () => {
    expect(dateOffset("before", 3, "days")).toEqual({ amount: -3, unit: "days" });
    expect(dateOffset("after", 2, "weeks")).toEqual({ amount: 2, unit: "weeks" });
    expect(dateOffset("on", 5, "days")).toEqual({ amount: 0, unit: "days" });
    // Switching from "on" (size 0) to before starts at one day, not at zero (which means "on").
    expect(dateOffset("before", 0, "days")).toEqual({ amount: -1, unit: "days" });
    expect(dateOffset("after", -4, "hours")).toEqual({ amount: 4, unit: "hours" });
    expect(dateSide(-3)).toBe("before");
    expect(dateSide(0)).toBe("on");
    expect(dateSide(1)).toBe("after");
  });

  it("reads tags typed with commas", () => {
    expect(tagList(" hot, banquet,, hot ,")).toEqual(["hot", "banquet"]);
    expect(tagList("")).toEqual([]);
    expect(tagText(["hot", "banquet"])).toBe("hot, banquet");
    expect(tagText(undefined)).toBe("");
  });

  it("keeps a field's stored type unless its value was retyped, and skips unnamed rows", () => {
    const before = { points: 5, plan: "pro", vip: true };
    const rows = setRows(before);
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ["points", "5"],
      ["plan", "pro"],
      ["vip", "true"],
    ]);
    const edited = [
      ...rows.map((r) => (r.name === "plan" ? { ...r, value: "business" } : r)),
      { key: 9, name: "  ", value: "ignored" },
    ];
    expect(setFromRows(edited, before)).toEqual({ points: 5, plan: "business", vip: true });
    expect(setFromRows([{ key: 0, name: "city", value: "Kazan" }], undefined)).toEqual({
      city: "Kazan",
    });
  });
});
