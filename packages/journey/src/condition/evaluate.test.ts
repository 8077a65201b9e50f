import { describe, expect, it } from "vitest";
import { ContactSnapshot, eventCountKey } from "../types.ts";
import { compare, conditionCountQueries, evaluate, readPath, scopeOf } from "./evaluate.ts";
import { type CompareOp, Condition } from "./schema.ts";

const contact = ContactSnapshot.parse({
  id: "c",
  attributes: { plan: "Pro", guests: "60", address: { city: "Lviv" }, tags: ["vip"] },
  stages: { banquet: { stage: "contract" }, shop: { stage: "cart", lost: true } },
  segments: ["big-spenders"],
  consent: { email: true },
  eventCounts: { [eventCountKey("order", 2_592_000)]: 2, [eventCountKey("email.opened", null)]: 1 },
});
const scope = scopeOf(contact, { total: 120 });
const ok = (c: unknown) => evaluate(Condition.parse(c), scope);

describe("condition language", () => {
  it("compares attributes loosely where forms give strings for numbers", () => {
    expect(ok({ kind: "attribute", attribute: "guests", op: "gte", value: 50 })).toBe(true);
    expect(ok({ kind: "attribute", attribute: "guests", op: "eq", value: 60 })).toBe(true);
    expect(ok({ kind: "attribute", attribute: "plan", op: "contains", value: "pro" })).toBe(true);
    expect(
      ok({ kind: "attribute", attribute: "address.city", op: "in", value: ["Lviv", "Kyiv"] }),
    ).toBe(true);
    expect(ok({ kind: "attribute", attribute: "tags", op: "contains", value: "vip" })).toBe(true);
  });

  it("treats missing values as satisfying only negative operators", () => {
    const opsPos: CompareOp[] = ["eq", "gt", "contains", "in", "exists", "starts-with"];
    for (const op of opsPos) {
      expect(compare(undefined, op, ["x"])).toBe(false);
    }
    const opsNeg: CompareOp[] = ["neq", "not-contains", "not-in", "not-exists"];
    for (const op of opsNeg) {
      expect(compare(undefined, op, ["x"])).toBe(true);
    }
  });

  it("reads event counts, stages, segments, engagement and consent", () => {
    expect(
      ok({
        kind: "event",
        event: "order",
        op: "gte",
        count: 2,
        within: { amount: 30, unit: "days" },
      }),
    ).toBe(true);
    expect(ok({ kind: "event", event: "order", op: "eq", count: 0 })).toBe(true); // all-time count not loaded
    expect(
      ok({ kind: "stage", funnel: "banquet", op: "in", stages: ["contract", "payment"] }),
    ).toBe(true);
    expect(ok({ kind: "stage", funnel: "shop", op: "in", stages: ["cart"] })).toBe(false);
    expect(ok({ kind: "stage", funnel: "shop", op: "lost" })).toBe(true);
    expect(ok({ kind: "segment", segment: "big-spenders", op: "in" })).toBe(true);
    expect(ok({ kind: "engagement", channel: "email", action: "opened", op: "did" })).toBe(true);
    expect(ok({ kind: "consent", channel: "sms" })).toBe(false);
  });

  it("combines rules with all / any / not and reads the event in scope", () => {
    expect(
      ok({
        kind: "all",
        rules: [
          { kind: "property", property: "total", op: "gt", value: 100 },
          { kind: "not", rule: { kind: "segment", segment: "blocked", op: "in" } },
          {
            kind: "any",
            rules: [
              { kind: "consent", channel: "sms" },
              { kind: "consent", channel: "email" },
            ],
          },
        ],
      }),
    ).toBe(true);
    expect(readPath(null, "x")).toBeUndefined();
  });

  it("lists the event counts a condition needs", () => {
    const c = Condition.parse({
      kind: "any",
      rules: [
        {
          kind: "event",
          event: "order",
          op: "gte",
          count: 1,
          within: { amount: 1, unit: "hours" },
        },
        { kind: "engagement", channel: "email", action: "clicked", op: "did" },
      ],
    });
    expect([...conditionCountQueries(c).values()]).toEqual([
      { key: "order@3600", event: "order", withinSeconds: 3600 },
      { key: "email.clicked@ever", event: "email.clicked", withinSeconds: null },
    ]);
  });
});
