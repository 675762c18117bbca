import { normalQuantile, normalUpperTail } from './normal';

/**
 * Two-proportion z-test (group A against group B), as in every statistics textbook and R's
 * prop.test without continuity correction: the pooled standard error under "no difference"
 * gives z and the two-sided p-value; the unpooled standard error gives the Wald confidence
 * interval of the difference (B minus A), which does not assume the null.
 */
export interface ProportionTest {
  rateA: number;
  rateB: number;
  /** rateB - rateA */
  difference: number;
  /** (rateB - rateA) / rateA; null when rateA is 0 (uplift from nothing is undefined). */
  relativeUplift: number | null;
  z: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

export function twoProportionZTest(
  conversionsA: number,
  visitorsA: number,
  conversionsB: number,
  visitorsB: number,
  confidence = 0.95,
): ProportionTest {
  const rateA = conversionsA / visitorsA;
  const rateB = conversionsB / visitorsB;
  const difference = rateB - rateA;
  const pooled = (conversionsA + conversionsB) / (visitorsA + visitorsB);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / visitorsA + 1 / visitorsB));
  // Both groups all 0% or all 100%: no variation at all, so no evidence of a difference.
  const z = pooledSe > 0 ? difference / pooledSe : 0;
  const pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  const unpooledSe = Math.sqrt((rateA * (1 - rateA)) / visitorsA + (rateB * (1 - rateB)) / visitorsB);
  const margin = normalQuantile(1 - (1 - confidence) / 2) * unpooledSe;
  return {
    rateA,
    rateB,
    difference,
    relativeUplift: rateA > 0 ? difference / rateA : null,
    z,
    pValue,
    ciLow: difference - margin,
    ciHigh: difference + margin,
  };
}
