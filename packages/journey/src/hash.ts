/**
 * A fast, stable 32-bit string hash (FNV-1a with murmur3's finaliser for avalanche). Stable
 * across processes and versions: A/B assignments depend on it, so never change it.
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Resolution of split weights: 0.01 percentage points. */
const BUCKETS = 10_000;

/**
 * Picks an arm for a contact at a split node: the same contact always lands in the same arm of
 * the same node, and arms fill in proportion to their weights (percent, summing to 100).
 */
export function pickWeighted(
  contactId: string,
  nodeId: string,
  arms: readonly { id: string; weight: number }[],
): string | null {
  const bucket = hash32(`${contactId}\u0000${nodeId}`) % BUCKETS;
  let edge = 0;
  let last: string | null = null;
  for (const arm of arms) {
    if (arm.weight <= 0) continue;
    edge += (arm.weight / 100) * BUCKETS;
    last = arm.id;
    if (bucket < edge) return arm.id;
  }
  // Weights short of 100 (a graph the validator would reject) send the rest to the last arm.
  return last;
}
