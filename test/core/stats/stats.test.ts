import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fisherExactTwoSided,
  hypergeometricLogPmf,
  logFactorial,
  logGamma,
  normalCdf,
  normalQuantile,
  normalUpperTail,
  smoothedOddsRatio,
  twoProportionZTest,
} from '../../../src/core/stats';

const { jStat } = createRequire(import.meta.url)('jstat') as {
  jStat: {
    gammaln: (x: number) => number;
    normal: {
      cdf: (x: number, m: number, s: number) => number;
      inv: (p: number, m: number, s: number) => number;
    };
    hypgeom: { pdf: (k: number, N: number, m: number, n: number) => number };
  };
};

/** Exact binomial coefficient with BigInt: an independent oracle for small tables. */
function choose(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** Fisher's two-sided p-value by its definition, in exact integer arithmetic. */
function fisherByDefinition(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const total = a + b + c + d;
  const weight = (k: number) => choose(col1, k) * choose(total - col1, row1 - k);
  const observed = weight(a);
  let tail = 0n;
  let all = 0n;
  for (let k = Math.max(0, row1 + col1 - total); k <= Math.min(row1, col1); k++) {
    const w = weight(k);
    all += w;
    if (w <= observed) tail += w;
  }
  // Scale before converting so the ratio keeps its digits.
  return Number((tail * 10n ** 18n) / all) / 1e18;
}

describe('logGamma and logFactorial', () => {
  it('match known values: Gamma(1/2) = sqrt(pi), 10! = 3628800, Gamma(1) = Gamma(2) = 1', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
  });

  it('agree with jstat.gammaln to 1e-10 relative over a wide range', () => {
    for (const x of [0.1, 0.7, 1.5, 3.3, 10, 25.5, 171, 1000.25, 1e5, 3e6]) {
      const expected = jStat.gammaln(x);
      expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-10 * Math.max(1, Math.abs(expected)));
    }
  });

  it('rejects x <= 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('normal distribution', () => {
  it('matches published table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    expect(normalUpperTail(3)).toBeCloseTo(0.0013498980316301, 14);
    // R: pnorm(-10) = 7.619853e-24; the tail keeps its relative accuracy far out.
    expect(normalUpperTail(10) / 7.619853024160527e-24).toBeCloseTo(1, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 12);
  });

  it('agrees with jstat to 1e-9', () => {
    for (let z = -8; z <= 8; z += 0.37) {
      expect(Math.abs(normalCdf(z) - jStat.normal.cdf(z, 0, 1))).toBeLessThan(1e-9);
    }
    for (const p of [1e-10, 1e-6, 0.001, 0.02, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999, 1 - 1e-9]) {
      expect(Math.abs(normalQuantile(p) - jStat.normal.inv(p, 0, 1))).toBeLessThan(1e-8);
    }
  });

  it('quantile inverts the CDF to 1e-12 of the smaller tail (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        const tail = Math.min(p, 1 - p);
        const back = p < 0.5 ? normalCdf(z) : normalUpperTail(z);
        expect(Math.abs(back - tail)).toBeLessThan(1e-12 * tail + 1e-16);
      }),
    );
  });

  it('rejects p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('hypergeometric pmf', () => {
  it('agrees with jstat.hypgeom.pdf', () => {
    for (const [k, N, K, n] of [
      [3, 8, 4, 4],
      [0, 20, 5, 10],
      [7, 50, 20, 15],
      [30, 200, 90, 70],
    ] as const) {
      expect(Math.exp(hypergeometricLogPmf(k, N, K, n))).toBeCloseTo(jStat.hypgeom.pdf(k, N, K, n), 12);
    }
  });

  it('is 0 outside the support', () => {
    expect(hypergeometricLogPmf(5, 8, 4, 4)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('fisherExactTwoSided', () => {
  it("reproduces R's fisher.test examples", () => {
    // R: fisher.test(TeaTasting), matrix(c(3, 1, 1, 3), 2): p-value = 0.4857
    expect(fisherExactTwoSided({ a: 3, b: 1, c: 1, d: 3 })).toBeCloseTo(0.4857, 4);
    // R: fisher.test(Convictions), matrix(c(2, 10, 15, 3), 2): p-value = 0.0005367
    expect(fisherExactTwoSided({ a: 2, b: 15, c: 10, d: 3 })).toBeCloseTo(0.0005367, 7);
  });

  it("reproduces Wikipedia's dieting example (men 1 of 12, women 9 of 12): p = 0.002759", () => {
    expect(fisherExactTwoSided({ a: 1, b: 11, c: 9, d: 3 })).toBeCloseTo(0.002759, 6);
  });

  it('counts tables of exactly equal probability (symmetric margins): p = 1 for the centre table', () => {
    expect(fisherExactTwoSided({ a: 5, b: 5, c: 5, d: 5 })).toBeCloseTo(1, 12);
    // Symmetric tails: [[0,5],[5,0]] and [[5,0],[0,5]] each 1/252.
    expect(fisherExactTwoSided({ a: 0, b: 5, c: 5, d: 0 })).toBeCloseTo(2 / 252, 14);
  });

  it('equals the exact-arithmetic definition on random tables (property)', () => {
    const count = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        expect(fisherExactTwoSided({ a, b, c, d })).toBeCloseTo(fisherByDefinition(a, b, c, d), 10);
      }),
      { numRuns: 300 },
    );
  });

  it('stays finite and in [0, 1] on large tables', () => {
    const p = fisherExactTwoSided({ a: 40_000, b: 460_000, c: 20_000, d: 480_000 });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
    const even = fisherExactTwoSided({ a: 50_000, b: 450_000, c: 50_000, d: 450_000 });
    expect(even).toBeCloseTo(1, 6);
  });

  it('returns 1 when a margin is empty', () => {
    expect(fisherExactTwoSided({ a: 0, b: 0, c: 3, d: 4 })).toBe(1);
  });
});

describe('twoProportionZTest', () => {
  it('reproduces a textbook example: 168/300 against 96/200 gives z = 1.755, two-sided p = 0.0792', () => {
    // B is the first group here so that z has the textbook's sign (p1 - p2).
    const t = twoProportionZTest(96, 200, 168, 300);
    expect(t.z).toBeCloseTo(1.755, 3);
    expect(t.pValue).toBeCloseTo(0.0792, 4);
  });

  it('reproduces a textbook example: 140/200 against 255/340 gives z = -1.266015', () => {
    const t = twoProportionZTest(255, 340, 140, 200);
    expect(t.z).toBeCloseTo(-1.266015, 6);
    expect(t.pValue).toBeCloseTo(2 * jStat.normal.cdf(-1.266015, 0, 1), 6);
  });

  it('gives the unpooled Wald interval of the difference', () => {
    // By hand: pA = 0.1, pB = 0.15, se = sqrt(0.1*0.9/1000 + 0.15*0.85/1000) = 0.014747881...
    const t = twoProportionZTest(100, 1000, 150, 1000, 0.95);
    const se = Math.sqrt((0.1 * 0.9) / 1000 + (0.15 * 0.85) / 1000);
    expect(t.difference).toBeCloseTo(0.05, 15);
    expect(t.relativeUplift).toBeCloseTo(0.5, 15);
    expect(t.ciLow).toBeCloseTo(0.05 - jStat.normal.inv(0.975, 0, 1) * se, 10);
    expect(t.ciHigh).toBeCloseTo(0.05 + jStat.normal.inv(0.975, 0, 1) * se, 10);
    // z's square is R's prop.test(c(100, 150), c(1000, 1000), correct = FALSE) X-squared = 11.429
    expect(t.z * t.z).toBeCloseTo(11.429, 3);
  });

  it('reports no difference when both groups never (or always) convert', () => {
    expect(twoProportionZTest(0, 50, 0, 70)).toMatchObject({ z: 0, pValue: 1, relativeUplift: null });
    expect(twoProportionZTest(50, 50, 70, 70)).toMatchObject({ z: 0, pValue: 1, relativeUplift: 0 });
  });
});

describe('smoothedOddsRatio (PostHog correlation, worked example 5 in the notes)', () => {
  it('gives 11 and 1/11 for 5 of 10 successes against 0 of 10 failures and the reverse', () => {
    expect(smoothedOddsRatio(5, 10, 0, 10)).toBeCloseTo(11, 12);
    expect(smoothedOddsRatio(0, 10, 5, 10)).toBeCloseTo(1 / 11, 12);
  });

  it('gives 3 for 2 of 3 successes and 0 of 1 failure', () => {
    expect(smoothedOddsRatio(2, 3, 0, 1)).toBeCloseTo(3, 12);
  });
});
