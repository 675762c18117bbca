/**
 * FUNNEL's "compare" (with breakdown=): does a segment convert differently from everyone else?
 * Per segment, its conversion (last step / first step) against all other entities together, as a
 * 2x2 table (converted or not, this segment or the rest): the difference, a two-sided p-value
 * (Fisher's exact test when a cell is under 5, where the normal approximation is poor; else the
 * two-proportion z-test, R's prop.test without continuity correction), and a verdict at 95%.
 * Testing many segments finds "differences" by chance, so the p-values are Holm-adjusted across
 * the segments tested, and the header says so. A segment under 30 entities gets no verdict.
 */
import { fisherExactTwoSided, holmAdjust, twoProportionZTest } from '../stats';
import type { CountUnit } from '../table';
import type { Cell } from './layout';
import type { FunnelBlock } from './result';

const ALPHA = 0.05;
export const MIN_SEGMENT = 30;
/** Under this count in any cell of the 2x2 table, Fisher's exact test instead of the z-test. */
const SMALL_CELL = 5;

export interface SegmentTest {
  /** Conversion of the segment minus that of the rest. */
  difference: number;
  pValue: number;
  test: "Fisher's exact test" | 'two-proportion z-test';
}

/** The segment (a of n converted) against the rest (c of m converted). */
export function segmentTest(a: number, n: number, c: number, m: number): SegmentTest {
  const table = { a, b: n - a, c, d: m - c };
  if (Math.min(table.a, table.b, table.c, table.d) < SMALL_CELL) {
    return { difference: a / n - c / m, pValue: fisherExactTwoSided(table), test: "Fisher's exact test" };
  }
  const z = twoProportionZTest(c, m, a, n);
  return { difference: z.difference, pValue: z.pValue, test: 'two-proportion z-test' };
}

export function compareHeaders(tested: number): string[] {
  const family = `Holm-adjusted over ${tested} segment${tested === 1 ? '' : 's'}`;
  return ['Conversion vs rest', `p-value (${family})`, 'Verdict at 95%'];
}

export interface SegmentComparison {
  /** The cells under compareHeaders, on the segment's last step. */
  cells: Cell[];
  /** Both conversions and the test, for the Notes. */
  note: string;
}

/** Each segment's comparison; `tested` is how many got a p-value (the Holm family). */
export function compareSegments(
  segments: readonly FunnelBlock[],
  total: FunnelBlock,
  unit: CountUnit,
): { bySegment: Map<FunnelBlock, SegmentComparison>; tested: number } {
  const last = total.counts.length - 1;
  const tests = segments.map((s) => {
    const n = s.counts[1]!;
    const m = total.counts[1]! - n;
    return n > 0 && m > 0
      ? segmentTest(s.counts[last]!, n, total.counts[last]! - s.counts[last]!, m)
      : undefined;
  });
  const done = tests.filter((t) => t !== undefined);
  const adjusted = holmAdjust(done.map((t) => t.pValue));
  const bySegment = new Map<FunnelBlock, SegmentComparison>();
  let next = 0;
  segments.forEach((segment, i) => {
    const test = tests[i];
    if (!test) {
      bySegment.set(segment, { cells: ['', '', 'no other segment to compare with'], note: '' });
      return;
    }
    const p = adjusted[next++]!;
    const n = segment.counts[1]!;
    const verdict =
      n < MIN_SEGMENT
        ? `under ${MIN_SEGMENT} ${unit}: too few to tell`
        : p < ALPHA
          ? test.difference > 0
            ? 'higher'
            : 'lower'
          : 'no clear difference';
    const rate = segment.counts[last]! / n;
    const rest = (total.counts[last]! - segment.counts[last]!) / (total.counts[1]! - n);
    const note = `conversion ${percent(rate)} against ${percent(rest)} for all other ${unit} (${test.test})`;
    bySegment.set(segment, { cells: [test.difference, p, verdict], note });
  });
  return { bySegment, tested: done.length };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
