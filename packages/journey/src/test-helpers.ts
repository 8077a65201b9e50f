/**
 * Helpers shared by this package's tests (not exported from the package).
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import type { SimulationResult } from "./harness.ts";
import { JourneyGraph } from "./schema/graph.ts";
import type { ContactSnapshot } from "./types.ts";

/** The raw JSON of a fixture in `test/fixtures/journeys`. */
export function fixtureJson(name: string): unknown {
  const url = new URL(`../../../test/fixtures/journeys/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8"));
}

/** A fixture, parsed. */
export function fixture(name: string): JourneyGraph {
  return JourneyGraph.parse(fixtureJson(name));
}

/** A small graph from `[id, type, data]` triples and `[source, handle, target]` edges. */
export function graphOf(
  nodes: readonly (readonly [string, string, unknown])[],
  edges: readonly (readonly [string, string, string])[],
  settings: unknown = {},
): JourneyGraph {
  return JourneyGraph.parse({
    schemaVersion: 1,
    nodes: nodes.map(([id, type, data], i) => ({ id, type, position: { x: i * 100, y: 0 }, data })),
    edges: edges.map(([source, sourceHandle, target]) => ({
      id: `${source}-${sourceHandle}`,
      source,
      sourceHandle,
      target,
    })),
    settings,
  });
}

/** A contact who consented to every channel, in `timeZone`. */
export function contactIn(
  timeZone = "UTC",
  extra: Partial<z.input<typeof ContactSnapshot>> = {},
): z.input<typeof ContactSnapshot> {
  return {
    id: "contact-1",
    timeZone,
    consent: { email: true, sms: true, telegram: true, whatsapp: true, viber: true },
    ...extra,
  };
}

/** Node ids along the path. */
export function pathOf(r: SimulationResult): string[] {
  return r.path.map((p) => p.nodeId);
}

/** `type@node` of effects other than wake-ups, for compact assertions. */
export function actionsOf(r: SimulationResult): string[] {
  return r.effects.filter((e) => e.type !== "schedule-wake").map((e) => `${e.type}@${e.nodeId}`);
}

/** The time of the first effect of a node. */
export function timeOf(r: SimulationResult, nodeId: string, type?: string): string | undefined {
  return r.effects.find((e) => e.nodeId === nodeId && (type === undefined || e.type === type))?.at;
}

/** A graph that starts with a manual trigger leading to `node`. */
export function startThen(
  node: string,
  next: [string, string, unknown][],
  extra: [string, string, string][] = [],
): JourneyGraph {
  return graphOf([["start", "trigger-manual", {}], ...next], [["start", "out", node], ...extra]);
}
