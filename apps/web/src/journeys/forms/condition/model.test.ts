import { Condition } from "@voronka/journey";
import { describe, expect, it } from "vitest";
import {
  blankRule,
  type Draft,
  fromCondition,
  parseScalar,
  type RuleRow,
  toCondition,
} from "./model.ts";

const roundTrip = (c: Condition) => toCondition(fromCondition(c));

describe("condition builder rows", () => {
  it("round-trips every rule kind the builder shows, alone and in groups", () => {
    const rules: Condition[] = [
      { kind: "property", property: "cartValue", op: "gte", value: 100 },
      { kind: "attribute", attribute: "plan", op: "in", value: ["pro", "team"] },
      { kind: "attribute", attribute: "email", op: "exists" },
      {
        kind: "event",
        event: "order_completed",
        op: "gte",
        count: 2,
        within: { amount: 30, unit: "days" },
      },
      { kind: "event", event: "login", op: "eq", count: 0 },
      { kind: "stage", funnel: "sales", op: "in", stages: ["offer", "contract"] },
      { kind: "stage", funnel: "sales", op: "lost", stages: [] },
      { kind: "consent", channel: "sms" },
      {
        kind: "engagement",
        channel: "email",
        action: "clicked",
        op: "did-not",
        within: { amount: 2, unit: "weeks" },
      },
    ];
    for (const rule of rules) {
      expect(roundTrip(rule)).toEqual({ condition: rule, missing: new Map() });
    }
    const nested: Condition = {
      kind: "any",
      rules: [
        rules[0] as Condition,
        { kind: "all", rules: [rules[3] as Condition, rules[7] as Condition] },
      ],
    };
    expect(roundTrip(nested).condition).toEqual(nested);
  });

  it("keeps what it cannot show (not, deeper groups, segments) untouched", () => {
    const kept: Condition = {
      kind: "all",
      rules: [
        { kind: "not", rule: { kind: "consent", channel: "email" } },
        { kind: "segment", segment: "vip", op: "in" },
        { kind: "any", rules: [{ kind: "all", rules: [{ kind: "consent", channel: "sms" }] }] },
      ],
    };
    const draft = fromCondition(kept);
    expect(draft.items.map((i) => (i.kind === "group" ? i.rules[0]?.kind : i.kind))).toEqual([
      "kept",
      "kept",
      "kept",
    ]);
    expect(toCondition(draft).condition).toEqual(kept);
  });

  it("reads numbers and booleans the way a marketer means them", () => {
    expect(parseScalar("100")).toBe(100);
    expect(parseScalar(" 2.5 ")).toBe(2.5);
    expect(parseScalar("true")).toBe(true);
    expect(parseScalar("pro")).toBe("pro");
    expect(parseScalar("")).toBe("");
  });

  it("says what a half-finished rule misses and still writes it out (so publish stays off)", () => {
    const prop: RuleRow = { key: "p", kind: "property", field: " ", op: "gt", value: "" };
    const event: RuleRow = {
      key: "e",
      kind: "event",
      event: "",
      op: "gte",
      count: "two",
      within: { amount: "", unit: "days" },
    };
    const stage = blankRule("stage");
    const draft: Draft = { match: "all", items: [prop, event, stage] };
    const { condition, missing } = toCondition(draft);
    expect(missing.get(prop.key)).toEqual(["field", "value"]);
    expect(missing.get(event.key)).toEqual(["event", "count", "within"]);
    expect(missing.get(stage.key)).toEqual(["funnel", "stages"]);
    expect(Condition.safeParse(condition).success).toBe(false);
    // The unfinished comparison carries no value, which the graph checker reports.
    const written = condition?.kind === "all" ? condition.rules[0] : undefined;
    expect(written).toEqual({ kind: "property", property: "", op: "gt" });
  });

  it("treats an empty builder as no condition and flags an empty sub-group", () => {
    expect(toCondition({ match: "all", items: [] }).condition).toBeUndefined();
    const group = { key: "g", kind: "group" as const, match: "any" as const, rules: [] };
    const rule = { ...blankRule("consent") };
    const out = toCondition({ match: "all", items: [rule, group] });
    expect(out.missing.get("g")).toEqual(["rules"]);
    expect(out.condition).toEqual({ kind: "consent", channel: "email" });
  });

  it("writes a lone rule bare and several under the chosen match", () => {
    const a = { ...blankRule("consent") };
    const b: RuleRow = { key: "b", kind: "consent", channel: "sms" };
    expect(toCondition({ match: "any", items: [a, b] }).condition).toEqual({
      kind: "any",
      rules: [
        { kind: "consent", channel: "email" },
        { kind: "consent", channel: "sms" },
      ],
    });
    const valid = toCondition({ match: "all", items: [a] }).condition;
    expect(Condition.safeParse(valid).success).toBe(true);
  });
});
