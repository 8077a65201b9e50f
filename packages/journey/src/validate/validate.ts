import { checkConfig, checkSettings } from "./config.ts";
import { checkCycles } from "./cycles.ts";
import { recover } from "./parse.ts";
import { checkStructure } from "./structure.ts";
import type { Violation } from "./violations.ts";

/**
 * Every problem in a journey graph, as violations with stable codes, the node concerned and a
 * plain-language message. An empty list means the graph can be published. Accepts any value
 * (an HTTP body, a JSON column) and never throws.
 */
export function validate(input: unknown): Violation[] {
  try {
    const r = recover(input);
    const out = r.violations;
    if (
      r.nodes.length === 0 &&
      r.edges.length === 0 &&
      out.some((v) => v.code === "invalid-graph")
    ) {
      return out;
    }
    const topology = checkStructure(r.nodes, r.edges, out);
    checkCycles(topology, out);
    checkConfig(r.nodes, out);
    if (r.settings) checkSettings(r.settings, out);
    return out;
  } catch (error) {
    // Only pathological input gets here (e.g. conditions nested thousands deep exhausting the
    // stack); it must still come back as a violation, not a 500.
    return [
      {
        code: "invalid-graph",
        message: `This graph could not be read: ${error instanceof Error ? error.message : String(error)}.`,
      },
    ];
  }
}
