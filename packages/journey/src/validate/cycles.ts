import { cyclicComponents } from "../scc.ts";
import { isBlockingWait } from "../schema/nodes.ts";
import { describeNode, type NodeInfo } from "./parse.ts";
import type { Topology } from "./structure.ts";
import type { Violation } from "./violations.ts";

function holdsContacts(n: NodeInfo): boolean {
  // A node whose data did not parse is already reported; if it is a wait, give it the benefit
  // of the doubt rather than report a second, misleading problem.
  if (n.node === null) return n.type === "wait" || n.type === "wait-for-event";
  return isBlockingWait(n.node);
}

/**
 * Finds loops a contact could go round without ever waiting: cycles of the graph once its
 * blocking waits are taken out. One violation per loop, on its first node.
 */
export function checkCycles(topology: Topology, out: Violation[]): void {
  const { byId, adjacency } = topology;
  const ids = [...byId.values()].filter((n) => !holdsContacts(n)).map((n) => n.id);
  const inScope = new Set(ids);
  const succ = (id: string) => (adjacency.get(id) ?? []).filter((t) => inScope.has(t));
  for (const component of cyclicComponents(ids, succ)) {
    const first = byId.get(component[0] ?? "");
    if (!first) continue;
    out.push({
      code: "cycle-without-wait",
      message: `${describeNode(first.type, first.id)} is on a loop with no wait (${component.join(" → ")}); add a wait or a wait-for-event to it.`,
      nodeId: first.id,
      path: `nodes[${first.index}]`,
    });
  }
}
