/**
 * Stable violation codes. The editor and API key on these; never rename one, only add.
 */
export const VIOLATION_CODES = {
  "invalid-graph": "The document is not a journey graph (wrong shape or version).",
  "invalid-node": "A node lacks an id, a type or a position.",
  "unknown-node-type": "A node's type is not in the node catalogue.",
  "missing-config": "A node is missing a setting it needs.",
  "invalid-config": "A node setting has a wrong value.",
  "invalid-edge": "An edge lacks an id, a source or a target.",
  "invalid-settings": "A journey setting has a wrong value.",
  "duplicate-node-id": "Two nodes share an id.",
  "duplicate-edge-id": "Two edges share an id.",
  "no-trigger": "The journey has no trigger, so nobody can enter it.",
  "trigger-not-connected": "A trigger leads nowhere.",
  "edge-into-trigger": "An edge points into a trigger; triggers are entry points only.",
  "dangling-edge": "An edge starts or ends at a node that does not exist.",
  "unknown-handle": "An edge leaves a node from an output the node does not have.",
  "duplicate-handle": "Two edges leave the same output of a node.",
  "unreachable-node": "No trigger leads to this node.",
  "cycle-without-wait": "A loop has no wait on it, so a contact would go round it forever.",
  "split-weights": "A split's percentages do not add up to 100.",
  "duplicate-branch": "Two branches of a split share an id.",
  "goal-nothing-to-measure": "A goal has neither an event nor a condition to measure.",
} as const;

/** A violation code. */
export type ViolationCode = keyof typeof VIOLATION_CODES;

/** One problem in a graph, precise enough for the editor to highlight it. */
export interface Violation {
  code: ViolationCode;
  /** Plain-language explanation for a marketer. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** JSON path of the offending value, e.g. `nodes[3].data.templateId`. */
  path?: string;
}

/** Formats a zod-style path (`["nodes", 3, "data"]`) as `nodes[3].data`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}
