import { validate } from "@voronka/journey";
import { describe, expect, it } from "vitest";
import { violationText } from "./violation-text.ts";

describe("violationText", () => {
  it("names a missing setting in words, not by its key in the graph", () => {
    const graph = {
      schemaVersion: 1,
      nodes: [
        { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "signed_up" } },
        { id: "e", type: "send-email", position: { x: 200, y: 0 }, data: {} },
      ],
      edges: [{ id: "t-e", source: "t", target: "e" }],
    };
    const missing = validate(graph).filter((v) => v.code === "missing-config");
    expect(missing).toHaveLength(1);
    expect(violationText(missing[0] as (typeof missing)[number])).toBe(
      "Not filled in: email template.",
    );
  });

  it("keeps the validator's own words for other problems", () => {
    const v = { code: "no-trigger" as const, message: "Add a trigger." };
    expect(violationText(v)).toBe("Add a trigger.");
  });
});
