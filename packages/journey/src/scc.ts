/**
 * Strongly connected components that contain a cycle (two or more nodes, or one with a
 * self-loop), found with an iterative Tarjan so a huge graph cannot overflow the stack.
 * Components come out with their nodes in discovery order.
 */
export function cyclicComponents(
  ids: readonly string[],
  successors: (id: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number; succ: readonly string[] }[] = [];
    const push = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, succ: successors(id) });
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
      if (component.length > 1 || frame.succ.includes(frame.id)) out.push(component.reverse());
    }
  }
  return out;
}
