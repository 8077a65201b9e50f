import { describe, expect, it } from "vitest";
import { describeCondition } from "./describe.ts";

describe("a condition in one line", () => {
  it("says a single rule in words", () => {
    expect(
      describeCondition({ kind: "property", property: "cartValue", op: "gte", value: 100 }),
    ).toBe("If cartValue is at least 100");
    expect(describeCondition({ kind: "attribute", attribute: "email", op: "exists" })).toBe(
      "If email is set",
    );
    expect(
      describeCondition({
        kind: "event",
        event: "order_completed",
        op: "gte",
        count: 2,
        within: { amount: 30, unit: "days" },
      }),
    ).toBe("If order_completed at least 2× in the last 30 days");
    expect(
      describeCondition({ kind: "engagement", channel: "email", action: "opened", op: "did-not" }),
    ).toBe("If did not open an email");
  });

  it("counts the rules of a group and says nothing about an unfinished rule", () => {
    const rule = { kind: "consent", channel: "sms" };
    expect(describeCondition({ kind: "all", rules: [rule, rule, rule] })).toBe(
      "If all 3 rules hold",
    );
    expect(describeCondition({ kind: "any", rules: [rule, rule] })).toBe("If any of 2 rules holds");
    expect(describeCondition({ kind: "attribute", attribute: "", op: "eq", value: "" })).toBeNull();
    expect(describeCondition(undefined)).toBeNull();
  });
});
