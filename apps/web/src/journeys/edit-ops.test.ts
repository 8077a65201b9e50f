import { describe, expect, it } from "vitest";
import { copySelection, insertOnEdge, pasteInto } from "./edit-ops.ts";
import type { StepNode } from "./graph.ts";
import { autoLayout } from "./layout.ts";
import { summarizeChanges } from "./publish-summary.ts";

const n = (id: string, type: string, x: number, data = {}, selected = false): StepNode => ({
  id,
  type,
  position: { x, y: 0 },
  data,
  selected,
});
const nodes = [
  n("start", "trigger-event", 0, { event: "signed_up" }),
  n("mail", "send-email", 300, { templateId: "welcome" }, true),
  n("end", "exit", 600, {}, true),
];
const edges = [
  { id: "e1", source: "start", sourceHandle: "out", target: "mail" },
  { id: "e2", source: "mail", sourceHandle: "out", target: "end" },
];

describe("editing operations", () => {
  it("copies the selected steps with the arrows between them and pastes fresh, selected copies", () => {
    const clip = copySelection(nodes, edges);
    expect(clip.nodes.map((x) => x.id)).toEqual(["mail", "end"]);
    expect(clip.edges.map((e) => e.id)).toEqual(["e2"]);
    const pasted = pasteInto(nodes, edges, clip);
    expect(pasted.nodes.map((x) => [x.id, Boolean(x.selected)])).toEqual([
      ["start", false],
      ["mail", false],
      ["end", false],
      ["send-email-1", true],
      ["exit-1", true],
    ]);
    expect(pasted.nodes.at(-2)?.position).toEqual({ x: 340, y: 40 });
    expect(pasted.nodes.at(-2)?.data).toEqual({ templateId: "welcome" });
    expect(pasted.edges.at(-1)).toMatchObject({ source: "send-email-1", target: "exit-1" });
  });

  it("puts a step dropped onto an arrow between the two steps it joined", () => {
    const next = insertOnEdge(nodes, edges, "e1", "wait", { x: 150, y: 0 });
    expect(next?.nodeId).toBe("wait-1");
    expect(next?.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      "mail>end",
      "start>wait-1",
      "wait-1>mail",
    ]);
    // A step with no output takes the arrow's end; the old target is left for the marketer.
    const exit = insertOnEdge(nodes, edges, "e1", "exit", { x: 150, y: 0 });
    expect(exit?.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["mail>end", "start>exit-1"]);
    expect(insertOnEdge(nodes, edges, "nope", "wait", { x: 0, y: 0 })).toBeNull();
  });

  it("lays steps out left to right along the arrows", () => {
    const shuffled = nodes.map((x, i) => ({ ...x, position: { x: 500 - i * 200, y: i * 90 } }));
    const laid = autoLayout(shuffled, edges);
    const xs = laid.map((x) => x.position.x);
    expect(xs[0]).toBeLessThan(xs[1] ?? 0);
    expect(xs[1]).toBeLessThan(xs[2] ?? 0);
    expect(new Set(laid.map((x) => x.position.y)).size).toBe(1);
  });

  it("summarises what changed since the live version, ignoring moves", () => {
    const graph = (list: StepNode[], es: typeof edges) => ({ nodes: list, edges: es });
    const live = graph(nodes, edges);
    const moved = nodes.map((x) => ({ ...x, position: { x: x.position.x + 5, y: 9 } }));
    expect(summarizeChanges(live, graph(moved, edges))).toEqual({
      added: 0,
      removed: 0,
      edited: 0,
      links: 0,
      settings: false,
    });
    const draft = graph(
      [
        nodes[0] as StepNode,
        n("mail", "send-email", 300, { templateId: "hello" }),
        n("w", "wait", 9),
      ],
      [edges[0] as (typeof edges)[number]],
    );
    expect(summarizeChanges(live, draft)).toEqual({
      added: 1,
      removed: 1,
      edited: 1,
      links: 1,
      settings: false,
    });
  });

  it("tells a change of the journey settings, not the defaults a published graph carries", () => {
    const published = { nodes, edges, settings: { reentry: { mode: "after-exit" }, exitOn: [] } };
    expect(summarizeChanges(published, { nodes, edges }).settings).toBe(false);
    const quiet = { nodes, edges, settings: { quietHours: { from: "21:00", to: "08:00" } } };
    expect(summarizeChanges(published, quiet)).toEqual({
      added: 0,
      removed: 0,
      edited: 0,
      links: 0,
      settings: true,
    });
  });
});
