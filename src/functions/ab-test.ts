import { withUserErrors } from '../core/errors';
import { abTestTable, parseAbTestArguments } from '../core/insights/ab-test';

/** =AB_TEST(conversions_a, visitors_a, conversions_b, visitors_b, [confidence]); help in the catalog. */
export function AB_TEST(
  conversionsA: unknown,
  visitorsA: unknown,
  conversionsB: unknown,
  visitorsB: unknown,
  confidence?: unknown,
): (string | number)[][] {
  return withUserErrors('AB_TEST', () =>
    abTestTable(parseAbTestArguments(conversionsA, visitorsA, conversionsB, visitorsB, confidence)),
  );
}
