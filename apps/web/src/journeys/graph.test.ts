import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { initialData, stepOutputs, toCanvas, toDraft } from "./graph.ts";

const dir = new URL("../../../../test/fixtures/journeys/", import.meta.url);
const fixtures = readdirSync(dir).filter((name) => name.endsWith(".json"));

describe("graph ↔ canvas", () => {
  it.each(fixtures)("round-trips %s exactly", (name) => {
    const graph = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as Record<string, unknown>;
    expect(toDraft(toCanvas(graph))).toEqual(graph);
  });

  it("reads an empty draft as an empty canvas", () => {
    expect(toCanvas({})).toEqual({ nodes: [], edges: [], settings: undefined });
  });

  it("labels the outputs of unfinished steps", () => {
    expect(stepOutputs("condition", {}).map((h) => h.label)).toEqual(["Yes", "No"]);
    expect(stepOutputs("split", initialData("split")).map((h) => h.id)).toEqual(["a", "b"]);
    expect(stepOutputs("split", { branches: [{ id: "x", name: "" }] })).toEqual([
      { id: "x", label: "Branch 1" },
    ]);
    expect(stepOutputs("exit", {})).toEqual([]);
  });
});
