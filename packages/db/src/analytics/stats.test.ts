import { describe, expect, it } from "vitest";
import {
  betaCdf,
  decomposeProduct,
  differenceInterval,
  logBeta,
  normalCdf,
  normalQuantile,
  probabilityBest,
  quantile,
  sampleSizePerArm,
  twoProportionZTest,
} from "./stats.ts";

describe("normal distribution", () => {
  it("matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 12);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(normalCdf(3.5)).toBeCloseTo(0.9997674, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
  });
});

describe("two-proportion z-test", () => {
  // Reference: the example of statsmodels' `proportions_ztest` documentation
  // (https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.proportions_ztest.html):
  // count = [5, 12], nobs = [83, 99] → p-value printed with three decimals as 0.159.
  it("reproduces the statsmodels documentation example to three decimals", () => {
    const r = twoProportionZTest({ conversions: 5, total: 83 }, { conversions: 12, total: 99 });
    expect(r?.pValue.toFixed(3)).toBe("0.159");
    // The statistic by hand: pooled p = 17/182, SE = √(p(1−p)(1/83 + 1/99)).
    const p = 17 / 182;
    const z = (5 / 83 - 12 / 99) / Math.sqrt(p * (1 - p) * (1 / 83 + 1 / 99));
    expect(r?.z).toBeCloseTo(z, 10);
    expect(r?.z.toFixed(3)).toBe("-1.408");
  });

  it("has no answer for an empty group or no variance", () => {
    expect(twoProportionZTest({ conversions: 0, total: 0 }, { conversions: 1, total: 2 })).toBe(
      null,
    );
    expect(twoProportionZTest({ conversions: 0, total: 5 }, { conversions: 0, total: 7 })).toBe(
      null,
    );
  });
});

describe("confidence interval of a difference", () => {
  // Reference: OpenIntro Statistics (4th ed., Diez, Çetinkaya-Rundel, Barr), §6.2.1, the
  // blood-thinner CPR study: 14 of 40 treated and 11 of 50 controls survived; point estimate
  // 0.35 − 0.22 = 0.13, SE ≈ 0.095, and the 90% interval −0.03 to 0.29. To three decimals with
  // the exact z (1.645): −0.027 to 0.287.
  it("reproduces the OpenIntro CPR example", () => {
    const ci = differenceInterval(
      { conversions: 14, total: 40 },
      { conversions: 11, total: 50 },
      0.9,
    );
    expect(ci?.difference.toFixed(3)).toBe("0.130");
    expect(ci?.low.toFixed(3)).toBe("-0.027");
    expect(ci?.high.toFixed(3)).toBe("0.287");
  });
});

/**
 * Evan Miller, "Formulas for Bayesian A/B Testing" (2015): for integer parameters,
 * P(p_B > p_A) = Σ_{i=0}^{α_B−1} B(α_A+i, β_A+β_B) / ((β_B+i) B(1+i, β_B) B(α_A, β_A)).
 * An independent closed form to check the numeric integration against.
 */
function millerBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++) {
    total += Math.exp(
      logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA),
    );
  }
  return total;
}

describe("probability to be best (Beta-Binomial)", () => {
  it("agrees with Evan Miller's closed form to three decimals", () => {
    const cases: Array<[number, number, number, number]> = [
      [5, 83, 12, 99],
      [100, 1000, 120, 1000],
      [30, 400, 28, 410],
      [1, 10, 0, 10],
    ];
    for (const [ca, na, cb, nb] of cases) {
      const [pa, pb] = probabilityBest([
        { conversions: ca, total: na },
        { conversions: cb, total: nb },
      ]);
      const exact = millerBBeatsA(1 + ca, 1 + na - ca, 1 + cb, 1 + nb - cb);
      expect(pb?.toFixed(3)).toBe(exact.toFixed(3));
      expect((pa ?? 0) + (pb ?? 0)).toBeCloseTo(1, 9);
    }
  });

  it("is symmetric and deterministic, and sums to 1 over three arms", () => {
    const arms = [
      { conversions: 50, total: 500 },
      { conversions: 50, total: 500 },
      { conversions: 70, total: 500 },
    ];
    const p = probabilityBest(arms);
    expect(p[0]).toBeCloseTo(p[1] ?? 0, 9);
    expect(p[2]).toBeGreaterThan(0.9);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    expect(probabilityBest(arms)).toEqual(p);
  });

  it("handles big samples with narrow posteriors", () => {
    const p = probabilityBest([
      { conversions: 10_000, total: 100_000 },
      { conversions: 10_150, total: 100_000 },
    ]);
    const exact = 1 - betaCdfDiffApprox(10_000, 100_000, 10_150, 100_000);
    expect(p[1]).toBeCloseTo(exact, 2);
  });
});

/** Normal approximation of P(p_A > p_B) for large samples (a sanity bound, not the reference). */
function betaCdfDiffApprox(ca: number, na: number, cb: number, nb: number): number {
  const pa = (ca + 1) / (na + 2);
  const pb = (cb + 1) / (nb + 2);
  const sd = Math.sqrt((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
  return normalCdf((pa - pb) / sd);
}

describe("incomplete beta", () => {
  it("matches known values", () => {
    expect(betaCdf(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    // I_x(a, 1) = x^a
    expect(betaCdf(0.7, 3, 1)).toBeCloseTo(0.343, 12);
  });
});

describe("sample size", () => {
  it("gives the Fleiss-formula size for 10% → 12%", () => {
    // Fleiss without continuity correction, α = 0.05 two-sided, power 0.8: 3,841 per group.
    expect(sampleSizePerArm(0.1, 0.2)).toBe(3841);
    expect(sampleSizePerArm(0)).toBe(null);
  });
});

describe("quantile and decomposition", () => {
  it("interpolates like percentile_cont", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
    expect(quantile([], 0.5)).toBe(null);
  });

  it("splits a product's change into shares that add up", () => {
    const before = [100, 0.2, 50, 1.5, 0.3];
    const after = [120, 0.18, 55, 1.5, 0.3];
    const shares = decomposeProduct(before, after);
    const v = (f: number[]) => f.reduce((p, x) => p * x, 1);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(v(after) - v(before), 9);
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[1]).toBeLessThan(0);
    expect(shares[3]).toBeCloseTo(0, 12);
    const zero = decomposeProduct([0, 1], [10, 2]);
    expect(zero.reduce((s, x) => s + x, 0)).toBe(20);
  });
});
