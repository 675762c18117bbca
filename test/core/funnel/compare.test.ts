/**
 * FUNNEL's "compare" with breakdown=: each segment's conversion against all other entities,
 * worked by hand. The raw p-values are R's, computed for this test outside the code under test:
 * prop.test(c(a, c), c(n, m), correct = FALSE) is z = (a/n - c/m) / sqrt(p(1-p)(1/n + 1/m)) with
 * the pooled p, two-sided p = erfc(|z| / sqrt 2) (Python's math.erfc); fisher.test by its
 * definition in exact integers (Python's math.comb and Fraction), checked here again with BigInt.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';
import { segmentTest } from '../../../src/core/funnel/compare';
import { funnelSql } from '../../../src/core/sql/funnel-sql';

const { jStat } = createRequire(import.meta.url)('jstat') as {
  jStat: { normal: { cdf: (x: number, m: number, s: number) => number } };
};

/** Users of one segment: `entrants` view, the first `buyers` of them then buy. */
function segment(device: string, entrants: number, buyers: number, rows: unknown[][]): void {
  for (let i = 0; i < entrants; i++) {
    const user = `${device}-${i}`;
    rows.push([user, 'view', 1_700_000_000 + i, device]);
    if (i < buyers) rows.push([user, 'buy', 1_700_000_100 + i, device]);
  }
}

function data(segments: [string, number, number][]): unknown[][] {
  const rows: unknown[][] = [['user_id', 'event_name', 'event_timestamp', 'device']];
  for (const [device, entrants, buyers] of segments) segment(device, entrants, buyers, rows);
  return rows;
}

/** The compare cells (difference, p, verdict) and the note of each segment's last-step row. */
function compared(out: (string | number)[][]): Record<string, (string | number)[]> {
  const header = out[0]!;
  const from = header.indexOf('Conversion vs rest');
  return Object.fromEntries(
    out.filter((r) => r[1] === 'buy').map((r) => [r[0], [...r.slice(from, from + 3), r[r.length - 1]!]]),
  );
}

/** Fisher's two-sided p by definition, exact in BigInt (independent of src/core/stats). */
function fisherExact(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number) => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const weight = (k: number) => choose(a + c, k) * choose(b + d, a + b - k);
  let tail = 0n;
  let all = 0n;
  for (let k = Math.max(0, a - d); k <= Math.min(a + b, a + c); k++) {
    all += weight(k);
    if (weight(k) <= weight(a)) tail += weight(k);
  }
  return Number((tail * 10n ** 18n) / all) / 1e18;
}

describe('compare: a segment against all other entities', () => {
  it('three segments: z-tests for the large ones, Fisher for the small one, Holm over 3', () => {
    // desktop 40/100 vs rest 22/110: z = 3.1733, p = 0.0015072 (prop.test, R-equivalent).
    // mobile 20/100 vs rest 42/110: z = -2.8848, p = 0.0039166.
    // tablet 2/10 vs rest 60/200: a cell is 2 < 5, so fisher.test: p = 0.72670.
    // Holm, m = 3: 0.0015072 x 3 = 0.0045217; 0.0039166 x 2 = 0.0078331; 0.72670 x 1 = 0.72670.
    const out = funnel(
      data([
        ['desktop', 100, 40],
        ['mobile', 100, 20],
        ['tablet', 10, 2],
      ]),
      'view, buy',
      '',
      'breakdown=device, compare',
    );
    expect(out[0]!.slice(7)).toEqual([
      'Conversion vs rest',
      'p-value (Holm-adjusted over 3 segments)',
      'Verdict at 95%',
      'Notes',
    ]);
    const got = compared(out);
    expect(got.desktop![0]).toBeCloseTo(0.4 - 0.2, 12);
    expect(got.desktop![1]).toBeCloseTo(0.0015072371 * 3, 9);
    expect(got.desktop!.slice(2)).toEqual([
      'higher',
      'conversion 40.0% against 20.0% for all other users (two-proportion z-test)',
    ]);
    expect(got.mobile![0]).toBeCloseTo(0.2 - 42 / 110, 12);
    expect(got.mobile![1]).toBeCloseTo(0.0039165505 * 2, 9);
    expect(got.mobile![2]).toBe('lower');
    expect(got.tablet![0]).toBeCloseTo(0.2 - 0.3, 12);
    expect(got.tablet![1]).toBeCloseTo(0.72669547, 7);
    expect(got.tablet!.slice(2)).toEqual([
      'under 30 users: too few to tell',
      "conversion 20.0% against 30.0% for all other users (Fisher's exact test)",
    ]);
    // Only the last step of a segment carries the test; the Total block none.
    expect(out.filter((r) => r[1] === 'view').every((r) => r.slice(7, 10).join('') === '')).toBe(true);
    expect(out[out.length - 1]!.slice(0, 2)).toEqual(['Total', 'buy']);
    expect(out[out.length - 1]!.slice(7)).toEqual(['', '', '', '']);
  });

  it('Holm: p = 0.024 alone would say "higher", but over 3 segments it is no clear difference', () => {
    // a 50/150 vs rest 70/300: z = 2.2612, p = 0.0237385; b and c 35/150 vs rest 85/300: p = 0.2581950.
    // Holm: 0.0237385 x 3 = 0.0712155; 0.2581950 x 2 = 0.5163901, then max(0.5163901, 0.2581950 x 1).
    const got = compared(
      funnel(
        data([
          ['a', 150, 50],
          ['b', 150, 35],
          ['c', 150, 35],
        ]),
        'view, buy',
        '',
        'breakdown=device, compare',
      ),
    );
    expect(got.a![1]).toBeCloseTo(0.0712155457, 8);
    expect(got.a![2]).toBe('no clear difference');
    expect(got.b![1]).toBeCloseTo(0.5163900952, 8);
    expect(got.c![1]).toBeCloseTo(0.5163900952, 8);
    expect([got.b![2], got.c![2]]).toEqual(['no clear difference', 'no clear difference']);
  });

  it('two segments, a cell under 5: Fisher on both (the same table), Holm doubles the smaller', () => {
    // x 3/40 vs y 20/60: fisher.test(matrix(c(3, 20, 37, 40), 2)) p = 0.0031223; Holm, m = 2: 0.0062446.
    const got = compared(
      funnel(
        data([
          ['x', 40, 3],
          ['y', 60, 20],
        ]),
        'view, buy',
        '',
        'breakdown=device, compare',
      ),
    );
    expect(fisherExact(3, 37, 20, 40)).toBeCloseTo(0.0031223175, 9);
    expect(got.x!.slice(1, 3)).toEqual([expect.closeTo(0.006244635, 8), 'lower']);
    expect(got.y!.slice(1, 3)).toEqual([expect.closeTo(0.006244635, 8), 'higher']);
  });

  it('with time: the time columns, then the comparison, then Notes; any order compares as well', () => {
    const rows = data([
      ['x', 40, 3],
      ['y', 60, 20],
    ]);
    const out = funnel(rows, 'view, buy', '', 'breakdown=device, compare, time');
    expect(out[0]!.slice(7)).toEqual([
      'Median time from previous step',
      'Mean time from previous step',
      'Conversion vs rest',
      'p-value (Holm-adjusted over 2 segments)',
      'Verdict at 95%',
      'Notes',
    ]);
    // Same counts in any order (one view, then one buy per user): the same test, as above.
    const anyOrder = compared(funnel(rows, 'view, buy', '', 'any order, breakdown=device, compare'));
    expect(anyOrder.x!.slice(1, 3)).toEqual([expect.closeTo(0.006244635, 8), 'lower']);
  });

  it('one segment: nothing to compare it with', () => {
    const out = funnel(data([['only', 40, 10]]), 'view, buy', '', 'breakdown=device, compare');
    expect(out[0]![8]).toBe('p-value (Holm-adjusted over 0 segments)');
    expect(compared(out).only!.slice(0, 3)).toEqual(['', '', 'no other segment to compare with']);
  });

  it('segmentTest picks the test by the smallest cell and agrees with an independent z and Fisher', () => {
    // All cells >= 5: the z-test; p from jstat's normal CDF.
    const big = segmentTest(30, 100, 20, 100);
    const pooled = 50 / 200;
    const z = 0.1 / Math.sqrt(pooled * (1 - pooled) * (2 / 100));
    expect(big.test).toBe('two-proportion z-test');
    expect(big.pValue).toBeCloseTo(2 * jStat.normal.cdf(-z, 0, 1), 10);
    // Non-converters of the rest: 4 < 5, so Fisher.
    const small = segmentTest(10, 20, 26, 30);
    expect(small.test).toBe("Fisher's exact test");
    expect(small.pValue).toBeCloseTo(fisherExact(10, 10, 26, 4), 10);
  });

  it('is refused without breakdown=, with open, on report rows and in FUNNEL_SQL', () => {
    const rows = data([['x', 3, 1]]);
    expect(() => funnel(rows, 'view, buy', '', 'compare')).toThrow(
      'option "compare" compares the segments of a breakdown: add breakdown=<column> (e.g. breakdown=device), or remove "compare".',
    );
    expect(() => funnel(rows, 'view, buy', '', 'open, breakdown=device, compare')).toThrow(
      /^option "compare" tests each segment's conversion from the first step to the last, which an "open" funnel/,
    );
    const report = [
      ['Event name', 'Total users', 'device'],
      ['view', 10, 'a'],
      ['buy', 4, 'a'],
    ];
    expect(() => funnel(report, 'view, buy', '', 'breakdown=device, compare')).toThrow(
      /^"compare" needs event rows \(one row per event with a user or session id and a timestamp\), but data is a report/,
    );
    expect(() => funnelSql('view, buy', '', 'breakdown=device, compare', '', '')).toThrow(
      /^option "breakdown=" is not available in FUNNEL_SQL/,
    );
  });
});
