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
 * Finds loops a contact could go round without ever waiting (strongly connected components of
 * the graph without its blocking waits), one violation per loop, iteratively so that a huge
 * graph cannot overflow the stack.
 */
export function checkCycles(topology: Topology, out: Violation[]): void {
  const { byId, adjacency } = topology;
  const ids = [...byId.values()].filter((n) => !holdsContacts(n)).map((n) => n.id);
  const inScope = new Set(ids);
  const succ = (id: string) => (adjacency.get(id) ?? []).filter((t) => inScope.has(t));

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number; succ: string[] }[] = [];
    const push = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, succ: succ(id) });
    };
    push(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const w = frame.succ[frame.next++];
      if (w !== undefined) {
        if (!index.has(w)) push(w);
        else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      for (;;) {
        const x = stack.pop();
        if (x === undefined) break;
        onStack.delete(x);
        component.push(x);
        if (x === frame.id) break;
      }
      const selfLoop = component.length === 1 && frame.succ.includes(frame.id);
      if (component.length > 1 || selfLoop) report(component.reverse(), byId, out);
    }
  }
}

function report(component: string[], byId: Map<string, NodeInfo>, out: Violation[]): void {
  const first = byId.get(component[0] ?? "");
  if (!first) return;
  out.push({
    code: "cycle-without-wait",
    message: `${describeNode(first.type, first.id)} is on a loop with no wait (${component.join(" → ")}); add a wait or a wait-for-event to it.`,
    nodeId: first.id,
    path: `nodes[${first.index}]`,
  });
}
