import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AB_TEST } from '../../../src/functions/ab-test';

const { jStat } = createRequire(import.meta.url)('jstat') as {
  jStat: {
    normal: {
      cdf: (x: number, m: number, s: number) => number;
      inv: (p: number, m: number, s: number) => number;
    };
  };
};

/** The report as a label -> value map. */
function report(...args: unknown[]): Map<string, unknown> {
  const rows = (AB_TEST as (...a: unknown[]) => unknown[][])(...args);
  expect(rows[0]).toEqual(['Metric', 'Value']);
  for (const row of rows) expect(row).toHaveLength(2);
  return new Map(rows.slice(1).map((r) => [r[0] as string, r[1]]));
}

describe('AB_TEST', () => {
  it('reports rates, uplift, z, p and the 95% interval of a textbook example (96/200 vs 168/300)', () => {
    // Textbook: z = 1.755, two-sided p = 0.0792 (pooled SE).
    const r = report(96, 200, 168, 300);
    expect(r.get('Conversion rate A')).toBeCloseTo(0.48, 15);
    expect(r.get('Conversion rate B')).toBeCloseTo(0.56, 15);
    expect(r.get('Difference (B - A)')).toBeCloseTo(0.08, 12);
    expect(r.get('Relative uplift (B vs A)')).toBeCloseTo(0.08 / 0.48, 12);
    expect(r.get('z')).toBeCloseTo(1.755, 3);
    expect(r.get('p-value (two-sided)')).toBeCloseTo(0.0792, 4);
    // Unpooled SE by hand: sqrt(.48*.52/200 + .56*.44/300)
    const se = Math.sqrt((0.48 * 0.52) / 200 + (0.56 * 0.44) / 300);
    const zc = jStat.normal.inv(0.975, 0, 1);
    expect(r.get('95% CI of difference, low')).toBeCloseTo(0.08 - zc * se, 10);
    expect(r.get('95% CI of difference, high')).toBeCloseTo(0.08 + zc * se, 10);
    expect(r.get('Verdict')).toBe('no significant difference');
    expect(r.get('Caution')).toBe('');
  });

  it('says B wins at 90% confidence for the same counts (p = 0.0792 < 0.10)', () => {
    const r = report(96, 200, 168, 300, 0.9);
    expect(r.get('Verdict')).toBe('B wins');
    expect(r.has('90% CI of difference, low')).toBe(true);
  });

  it('says A wins when A converts clearly better', () => {
    const r = report(300, 1000, 200, 1000);
    expect(r.get('Verdict')).toBe('A wins');
    // z by hand: pooled 0.25, se = sqrt(.25*.75*2/1000)
    const z = -0.1 / Math.sqrt((0.25 * 0.75 * 2) / 1000);
    expect(r.get('z')).toBeCloseTo(z, 10);
    expect(r.get('p-value (two-sided)')).toBeCloseTo(2 * jStat.normal.cdf(z, 0, 1), 12);
  });

  it('accepts the confidence as 0.99, 99, "99%", "0.99" and "99" alike', () => {
    const expected = report(100, 1000, 130, 1000, 0.99).get('99% CI of difference, low');
    for (const c of [99, '99%', '0.99', '99']) {
      expect(report(100, 1000, 130, 1000, c).get('99% CI of difference, low')).toBeCloseTo(
        expected as number,
        14,
      );
    }
  });

  it('defaults to 95% for a blank confidence', () => {
    expect(report(100, 1000, 130, 1000, '').has('95% CI of difference, low')).toBe(true);
  });

  it('flags small samples but still answers', () => {
    const r = report(2, 20, 9, 25);
    expect(r.get('Caution')).toMatch(/^Small sample: A has only 20 visitors and B has only 25 visitors\./);
    expect(report(3, 1000, 9, 1000).get('Caution')).toMatch(/A has 3 conversions/);
  });

  it('shows uplift as n/a when A has no conversions', () => {
    expect(report(0, 500, 10, 500).get('Relative uplift (B vs A)')).toBe('n/a: A has no conversions');
  });

  it.each([
    [[120, 100, 10, 100], /conversions_a \(120\) is larger than visitors_a \(100\)/],
    [[10, 100, 101, 100], /conversions_b \(101\) is larger than visitors_b \(100\)/],
    [[-1, 100, 10, 100], /conversions_a is -1: a count cannot be negative/],
    [[10.5, 100, 10, 100], /conversions_a is 10.5: counts are whole numbers/],
    [['lots', 100, 10, 100], /conversions_a must be a whole number such as 120, not the text "lots"/],
    [[10, '', 10, 100], /visitors_a is missing/],
    [[0, 0, 10, 100], /visitors_a is 0/],
    [[10, 100, 10, [[1, 2]]], /visitors_b must be one cell or a number, not a range/],
    [
      [10, 100, 10, 100, 0],
      /confidence must be a level between 0 and 100% \(write 0.95, 95%, 95 or 0.99\), not 0\./,
    ],
    [[10, 100, 10, 100, 100], /confidence must be .*, not 100\./],
    [[10, 100, 10, 100, 1], /confidence must be .*, not 1\./],
    [[10, 100, 10, 100, 'high'], /confidence must be .*, not the text "high"\./],
    [[10, 100, 10, 100, -0.5], /confidence must be .*, not -0.5\./],
    // Text past the float range reads as Infinity; the message quotes what was typed.
    [['1e400', 100, 10, 100], /^conversions_a is 1e400: larger than any real count/],
    [[10, ' -1e400 ', 10, 100], /^visitors_a is -1e400: a count cannot be negative\.$/],
  ])('rejects %j with a clear message', (args, message) => {
    expect(() => (AB_TEST as (...a: unknown[]) => unknown)(...args)).toThrow(message);
  });

  it('throws plain Errors (what Sheets shows), not stack traces', () => {
    try {
      AB_TEST(5, 4, 1, 1);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).name).toBe('Error');
    }
  });
});
