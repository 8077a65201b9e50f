import { describe, expect, it } from "vitest";
import { readsStages } from "./graph-queries.ts";
import { fixture, graphOf } from "./test-helpers.ts";

describe("readsStages", () => {
  const attribute = { kind: "attribute", attribute: "plan", op: "eq", value: "pro" };
  const stage = { kind: "stage", funnel: "deals", op: "in", stages: ["offer"] };

  it("is false for a graph whose conditions read no funnel stage", () => {
    const g = graphOf(
      [
        ["t", "trigger-event", { event: "signed_up" }],
        ["c", "condition", { condition: attribute }],
        ["m", "move-stage", { funnel: "deals", stage: "offer" }],
        ["x", "exit", {}],
      ],
      [
        ["t", "out", "c"],
        ["c", "yes", "m"],
        ["c", "no", "x"],
        ["m", "out", "x"],
      ],
    );
    expect(readsStages(g)).toBe(false);
  });

  it("finds a stage rule nested in a trigger filter, a goal or an if/else", () => {
    const nested = { kind: "any", rules: [attribute, { kind: "not", rule: stage }] };
    const inFilter = graphOf(
      [
        ["t", "trigger-event", { event: "signed_up", filter: nested }],
        ["x", "exit", {}],
      ],
      [["t", "out", "x"]],
    );
    expect(readsStages(inFilter)).toBe(true);
    const inCondition = graphOf(
      [
        ["t", "trigger-event", { event: "signed_up" }],
        ["c", "condition", { condition: { kind: "all", rules: [attribute, stage] } }],
        ["x", "exit", {}],
      ],
      [
        ["t", "out", "c"],
        ["c", "yes", "x"],
        ["c", "no", "x"],
      ],
    );
    expect(readsStages(inCondition)).toBe(true);
    expect(readsStages(fixture("banquet"))).toBe(true);
  });
});
