import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureJson } from "../test-helpers.ts";
import { validate } from "./validate.ts";
import { VIOLATION_CODES } from "./violations.ts";

const node = (id: string, type: string, data: unknown = {}) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const edge = (
  source: string,
  sourceHandle: string,
  target: string,
  id = `${source}-${sourceHandle}`,
) => ({
  id,
  source,
  sourceHandle,
  target,
});
const graph = (nodes: unknown[], edges: unknown[]) => ({ schemaVersion: 1, nodes, edges });

describe("validate", () => {
  it("reports ten distinct mistakes, each with its node id", () => {
    const g = graph(
      [
        node("t", "trigger-manual"),
        node("email", "send-email", {}), // 1 missing template
        node("split", "split", {
          branches: [
            { id: "a", name: "A", weight: 60 },
            { id: "b", name: "B", weight: 30 },
          ],
        }), // 2 weights 90
        node("goal", "goal", { name: "Win" }), // 3 nothing to measure
        node("loop-a", "update-contact", { addPoints: 1 }),
        node("loop-b", "condition", {
          condition: { kind: "attribute", attribute: "x", op: "exists" },
        }), // 4 cycle
        node("orphan", "exit"), // 5 unreachable
        node("cond", "condition", {
          condition: { kind: "attribute", attribute: "plan", op: "eq" },
        }), // 6 rule without value
        node("mystery", "teleport"), // 7 unknown type
        node("t2", "trigger-event", { event: "signup" }), // 8 trigger leads nowhere
        node("email", "exit"), // 9 duplicate id
      ],
      [
        edge("t", "out", "email"),
        edge("email", "out", "split"),
        edge("split", "a", "goal"),
        edge("split", "b", "loop-a"),
        edge("split", "c", "cond"), // 10 unknown handle
        edge("loop-a", "out", "loop-b"),
        edge("loop-b", "no", "loop-a"),
        edge("goal", "out", "cond"),
        edge("cond", "yes", "mystery"),
      ],
    );
    const v = validate(g);
    const codes = new Set(v.map((x) => x.code));
    expect([...codes].sort()).toEqual(
      [
        "missing-config",
        "split-weights",
        "goal-nothing-to-measure",
        "cycle-without-wait",
        "unreachable-node",
        "unknown-node-type",
        "trigger-not-connected",
        "duplicate-node-id",
        "unknown-handle",
      ].sort(),
    );
    const expected: [string, string][] = [
      ["missing-config", "email"],
      ["split-weights", "split"],
      ["goal-nothing-to-measure", "goal"],
      ["cycle-without-wait", "loop-a"],
      ["unreachable-node", "orphan"],
      ["missing-config", "cond"],
      ["unknown-node-type", "mystery"],
      ["trigger-not-connected", "t2"],
      ["duplicate-node-id", "email"],
      ["unknown-handle", "split"],
    ];
    for (const [code, nodeId] of expected) {
      expect(v).toContainEqual(expect.objectContaining({ code, nodeId }));
    }
    expect(v.length).toBeGreaterThanOrEqual(10);
    for (const x of v) {
      expect(x.nodeId).toEqual(expect.any(String));
      expect(x.message.length).toBeGreaterThan(10);
    }
    expect(v.find((x) => x.code === "missing-config" && x.nodeId === "email")?.path).toBe(
      "nodes[1].data.templateId",
    );
  });

  it("reports no trigger, dangling edges, duplicate handles and edges into triggers", () => {
    const v = validate(
      graph(
        [node("a", "exit"), node("b", "send-email", { templateId: "x" }), node("c", "exit")],
        [edge("b", "out", "a"), edge("b", "out", "c", "dup"), edge("b", "out", "ghost", "dangle")],
      ),
    );
    expect(v.map((x) => x.code)).toEqual(
      expect.arrayContaining(["no-trigger", "duplicate-handle", "dangling-edge"]),
    );
    const intoTrigger = validate(
      graph(
        [node("t", "trigger-manual"), node("m", "send-email", { templateId: "x" })],
        [edge("t", "out", "m"), edge("m", "out", "t")],
      ),
    );
    expect(intoTrigger).toEqual([
      expect.objectContaining({ code: "edge-into-trigger", nodeId: "t" }),
    ]);
  });

  it("accepts a loop that holds a wait", () => {
    const v = validate(
      graph(
        [
          node("t", "trigger-manual"),
          node("w", "wait", { mode: "duration", duration: { amount: 1, unit: "days" } }),
          node("c", "condition", {
            condition: { kind: "attribute", attribute: "done", op: "exists" },
          }),
        ],
        [edge("t", "out", "w"), edge("w", "out", "c"), edge("c", "no", "w")],
      ),
    );
    expect(v).toEqual([]);
  });

  it("turns non-graphs and wrong versions into violations", () => {
    expect(validate(null)).toEqual([expect.objectContaining({ code: "invalid-graph" })]);
    expect(validate({ schemaVersion: 2, nodes: [], edges: [] })).toContainEqual(
      expect.objectContaining({ code: "invalid-graph", path: "schemaVersion" }),
    );
  });

  it("uses only documented codes", () => {
    const v = validate(graph([node("x", "split", { branches: [] })], [edge("x", "out", "y")]));
    for (const x of v) expect(Object.keys(VIOLATION_CODES)).toContain(x.code);
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(Array.isArray(validate(json))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on graph-shaped garbage or mutated fixtures", () => {
    // The fixture is a graph (its own test validates it); only its two lists are needed here.
    const base = fixtureJson("banquet") as { nodes: unknown[]; edges: unknown[] };
    const garbageNode = fc.record({
      id: fc.oneof(fc.string(), fc.constantFrom("lead", "wait-booking"), fc.anything()),
      type: fc.oneof(
        fc.constantFrom("split", "goal", "wait", "condition", "send-email"),
        fc.anything(),
      ),
      position: fc.anything(),
      data: fc.anything(),
    });
    fc.assert(
      fc.property(
        fc.array(garbageNode, { maxLength: 6 }),
        fc.array(fc.anything(), { maxLength: 4 }),
        fc.anything(),
        (nodes, edges, settings) => {
          const g = {
            schemaVersion: 1,
            nodes: [...base.nodes, ...nodes],
            edges: [...base.edges, ...edges],
            settings,
          };
          expect(Array.isArray(validate(g))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    const deep: { kind: string; rule?: unknown } = { kind: "not" };
    let cur = deep;
    for (let i = 0; i < 20_000; i++) {
      const next = { kind: "not" };
      cur.rule = next;
      cur = next;
    }
    expect(() => validate(graph([node("c", "condition", { condition: deep })], []))).not.toThrow();
  });
});
