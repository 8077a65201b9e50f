import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hash32, pickWeighted } from "./hash.ts";

describe("A/B assignment", () => {
  it("is stable for a contact and node", () => {
    expect(hash32("contact-42\u0000split-1")).toBe(hash32("contact-42\u0000split-1"));
    expect(
      pickWeighted("c1", "n", [
        { id: "a", weight: 50 },
        { id: "b", weight: 50 },
      ]),
    ).toBe(
      pickWeighted("c1", "n", [
        { id: "a", weight: 50 },
        { id: "b", weight: 50 },
      ]),
    );
  });

  it("lands within ±1 percentage point of the weights over 100k contacts", () => {
    const weights = fc
      .array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 4 })
      .map((raw) => {
        const total = raw.reduce((s, x) => s + x, 0);
        const w = raw.map((x) => Math.floor((x / total) * 100));
        w[0] = (w[0] ?? 0) + 100 - w.reduce((s, x) => s + x, 0);
        return w.map((weight, i) => ({ id: `arm${i}`, weight }));
      });
    fc.assert(
      fc.property(weights, fc.string({ minLength: 1, maxLength: 8 }), (arms, nodeId) => {
        const counts = new Map<string, number>();
        const n = 100_000;
        for (let i = 0; i < n; i++) {
          const arm = pickWeighted(`contact-${i}`, nodeId, arms) ?? "none";
          counts.set(arm, (counts.get(arm) ?? 0) + 1);
        }
        for (const arm of arms) {
          const share = ((counts.get(arm.id) ?? 0) / n) * 100;
          expect(Math.abs(share - arm.weight)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 6 },
    );
  });

  it("assigns independently per split node", () => {
    const arms = [
      { id: "a", weight: 50 },
      { id: "b", weight: 50 },
    ];
    let same = 0;
    for (let i = 0; i < 10_000; i++) {
      if (pickWeighted(`c${i}`, "n1", arms) === pickWeighted(`c${i}`, "n2", arms)) same++;
    }
    expect(same / 10_000).toBeGreaterThan(0.47);
    expect(same / 10_000).toBeLessThan(0.53);
  });
});
