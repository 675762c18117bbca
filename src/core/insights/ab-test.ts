/**
 * The A/B test report behind AB_TEST: both conversion rates, the relative uplift, the
 * two-proportion z-test and the confidence interval of the difference, with a plain verdict.
 */
import { UserError } from '../errors';
import { twoProportionZTest } from '../stats';
import { parseConfidence, parseCount } from './arguments';

/** Below this many visitors a group is too small for the normal approximation to be trusted. */
export const SMALL_GROUP = 30;
/** The textbook rule: at least 5 expected conversions and 5 non-conversions in each group. */
const MIN_EXPECTED = 5;

export type Verdict = 'B wins' | 'A wins' | 'no significant difference';

export interface AbTestInput {
  conversionsA: number;
  visitorsA: number;
  conversionsB: number;
  visitorsB: number;
  confidence: number;
}

/** Checks the four counts and the confidence as typed in cells. Throws a UserError naming the bad one. */
export function parseAbTestArguments(
  conversionsA: unknown,
  visitorsA: unknown,
  conversionsB: unknown,
  visitorsB: unknown,
  confidence: unknown,
): AbTestInput {
  const input: AbTestInput = {
    conversionsA: parseCount(conversionsA, 'conversions_a', '120'),
    visitorsA: parseCount(visitorsA, 'visitors_a', '2400'),
    conversionsB: parseCount(conversionsB, 'conversions_b', '150'),
    visitorsB: parseCount(visitorsB, 'visitors_b', '2380'),
    confidence: parseConfidence(confidence),
  };
  for (const group of ['a', 'b'] as const) {
    const conversions = group === 'a' ? input.conversionsA : input.conversionsB;
    const visitors = group === 'a' ? input.visitorsA : input.visitorsB;
    if (visitors === 0) {
      throw new UserError(
        `visitors_${group} is 0: a group needs visitors before its conversion rate means anything.`,
      );
    }
    if (conversions > visitors) {
      throw new UserError(
        `conversions_${group} (${conversions}) is larger than visitors_${group} (${visitors}): a visitor converts ` +
          'at most once. Check the order: AB_TEST(conversions_a, visitors_a, conversions_b, visitors_b).',
      );
    }
  }
  return input;
}

/** Why the normal approximation may not hold for these counts, or '' when it does. */
export function sampleSizeCaution(input: AbTestInput): string {
  const small: string[] = [];
  for (const [group, conversions, visitors] of [
    ['A', input.conversionsA, input.visitorsA],
    ['B', input.conversionsB, input.visitorsB],
  ] as const) {
    if (visitors < SMALL_GROUP) small.push(`${group} has only ${visitors} visitors`);
    else if (conversions < MIN_EXPECTED || visitors - conversions < MIN_EXPECTED) {
      small.push(
        `${group} has ${Math.min(conversions, visitors - conversions)} ${conversions < MIN_EXPECTED ? 'conversions' : 'non-conversions'}`,
      );
    }
  }
  if (small.length === 0) return '';
  return (
    `Small sample: ${small.join(' and ')}. The z-test needs at least ${SMALL_GROUP} visitors and ` +
    `${MIN_EXPECTED} conversions and non-conversions per group; keep the test running.`
  );
}

/** The report as label/value rows, ready for a sheet. */
export function abTestTable(input: AbTestInput): (string | number)[][] {
  const t = twoProportionZTest(
    input.conversionsA,
    input.visitorsA,
    input.conversionsB,
    input.visitorsB,
    input.confidence,
  );
  const significant = t.pValue < 1 - input.confidence;
  const verdict: Verdict = !significant
    ? 'no significant difference'
    : t.difference > 0
      ? 'B wins'
      : 'A wins';
  const percent = `${Number((input.confidence * 100).toPrecision(6))}%`;
  return [
    ['Metric', 'Value'],
    ['Conversion rate A', t.rateA],
    ['Conversion rate B', t.rateB],
    ['Difference (B - A)', t.difference],
    ['Relative uplift (B vs A)', t.relativeUplift ?? 'n/a: A has no conversions'],
    ['z', t.z],
    ['p-value (two-sided)', t.pValue],
    [`${percent} CI of difference, low`, t.ciLow],
    [`${percent} CI of difference, high`, t.ciHigh],
    ['Verdict', verdict],
    ['Caution', sampleSizeCaution(input)],
  ];
}
