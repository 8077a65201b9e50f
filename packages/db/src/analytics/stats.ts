/**
 * Pure statistics for analytics: A/B comparison of conversion rates (two-proportion z-test,
 * Wald interval for the difference, Beta-Binomial posterior probability of being best,
 * sample size) and quantiles. No I/O; every function is deterministic.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-14). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b): the CDF of Beta(a, b) at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Density of Beta(a, b) at x. */
export function betaPdf(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - logBeta(a, b));
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Complementary error function, to about 1e-13 (series below 2.5, continued fraction above). */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  let result: number;
  if (ax < 2.5) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let sum = ax;
    let term = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    result = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Lentz continued fraction: erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
    let f = 0;
    for (let n = 120; n >= 1; n--) f = n / 2 / (ax + f);
    result = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  }
  return x >= 0 ? result : 2 - result;
}

/** Inverse of Φ (P. J. Acklam's algorithm with one Halley refinement step). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
    -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const at = (arr: number[], i: number) => arr[i] as number;
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q +
        at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r +
        at(a, 5)) *
        q) /
      (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(
      (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q +
        at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1)
    );
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Conversions out of a number of contacts. */
export interface Proportion {
  conversions: number;
  total: number;
}

const rate = (p: Proportion) => (p.total === 0 ? 0 : p.conversions / p.total);

/**
 * Two-proportion z-test with the pooled standard error (H0: p1 = p2), two-sided. Returns
 * z = (p1 − p2) / SE and the p-value; null when either group is empty or nobody/everybody
 * converted in both (no variance).
 */
export function twoProportionZTest(
  a: Proportion,
  b: Proportion,
): { z: number; pValue: number } | null {
  if (a.total === 0 || b.total === 0) return null;
  const pooled = (a.conversions + b.conversions) / (a.total + b.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.total + 1 / b.total));
  if (se === 0) return null;
  const z = (rate(a) - rate(b)) / se;
  return { z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}

/**
 * Wald confidence interval for the difference p1 − p2 (unpooled standard error), at the
 * given confidence (e.g. 0.95).
 */
export function differenceInterval(
  a: Proportion,
  b: Proportion,
  confidence = 0.95,
): { difference: number; low: number; high: number } | null {
  if (a.total === 0 || b.total === 0) return null;
  const pa = rate(a);
  const pb = rate(b);
  const se = Math.sqrt((pa * (1 - pa)) / a.total + (pb * (1 - pb)) / b.total);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const difference = pa - pb;
  return { difference, low: difference - z * se, high: difference + z * se };
}

/**
 * Probability that each arm has the highest true conversion rate, under independent
 * Beta(1 + conversions, 1 + non-conversions) posteriors (uniform prior):
 * P(i best) = ∫ f_i(x) Π_{j≠i} F_j(x) dx, by composite Simpson's rule over the region where
 * the posteriors have mass (means ± 12 standard deviations, 4,000 intervals). Deterministic.
 */
export function probabilityBest(arms: readonly Proportion[]): number[] {
  if (arms.length === 0) return [];
  if (arms.length === 1) return [1];
  const params = arms.map((p) => ({ a: 1 + p.conversions, b: 1 + p.total - p.conversions }));
  let lo = 1;
  let hi = 0;
  for (const { a, b } of params) {
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    lo = Math.min(lo, mean - 12 * sd);
    hi = Math.max(hi, mean + 12 * sd);
  }
  lo = Math.max(0, lo);
  hi = Math.min(1, hi);
  const n = 4000;
  const h = (hi - lo) / n;
  const xs = Array.from({ length: n + 1 }, (_, i) => lo + i * h);
  const cdfs = params.map(({ a, b }) => xs.map((x) => betaCdf(x, a, b)));
  const result = params.map(({ a, b }, i) => {
    let sum = 0;
    for (let k = 0; k <= n; k++) {
      const x = xs[k] as number;
      let f = betaPdf(x, a, b);
      if (f === 0) continue;
      for (let j = 0; j < params.length; j++) if (j !== i) f *= (cdfs[j] as number[])[k] as number;
      const w = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2;
      sum += w * f;
    }
    return (sum * h) / 3;
  });
  // The integrals sum to 1 up to quadrature error; normalise so the shown shares add up.
  const total = result.reduce((s, x) => s + x, 0);
  return total > 0 ? result.map((x) => x / total) : result.map(() => 1 / result.length);
}

/**
 * Contacts needed per arm to detect a relative uplift `mde` over the baseline rate with a
 * two-sided test at level `alpha` and the given power (normal approximation, Fleiss without
 * continuity correction). Null when the baseline is 0 or 1.
 */
export function sampleSizePerArm(
  baseline: number,
  mde = 0.2,
  alpha = 0.05,
  power = 0.8,
): number | null {
  const p1 = baseline;
  const p2 = Math.min(0.9999, baseline * (1 + mde));
  if (p1 <= 0 || p1 >= 1 || p2 === p1) return null;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((num * num) / (p2 - p1) ** 2);
}

/** Linear-interpolated quantile of sorted numbers (the same rule as SQL `percentile_cont`). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * Splits the change of a product V = Π f_i between two periods into each factor's share
 * (logarithmic mean Divisia index): share_i = ΔV · ln(f_i′/f_i) / ln(V′/V). The shares add up
 * to ΔV exactly. When a factor or V is 0 in either period the log split is undefined and
 * shares fall back to sequential substitution (factor by factor, in the given order).
 */
export function decomposeProduct(before: readonly number[], after: readonly number[]): number[] {
  const v0 = before.reduce((p, x) => p * x, 1);
  const v1 = after.reduce((p, x) => p * x, 1);
  const dv = v1 - v0;
  const positive = [...before, ...after].every((x) => x > 0);
  if (positive && v0 !== v1) {
    const lv = Math.log(v1 / v0);
    return before.map((f0, i) => (dv * Math.log((after[i] as number) / f0)) / lv);
  }
  if (positive) return before.map(() => 0);
  const shares: number[] = [];
  const current = [...before];
  let prev = v0;
  for (let i = 0; i < before.length; i++) {
    current[i] = after[i] as number;
    const v = current.reduce((p, x) => p * x, 1);
    shares.push(v - prev);
    prev = v;
  }
  return shares;
}
