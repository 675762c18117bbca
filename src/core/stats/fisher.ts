import { logFactorial } from './log-gamma';

/**
 * Fisher's exact test on a 2x2 table of counts
 *
 *            with   without
 *   group 1    a       b
 *   group 2    c       d
 *
 * Conditioned on the margins, `a` follows a hypergeometric distribution. The two-sided p-value
 * sums the probabilities of every table at most as likely as the observed one, with R's relative
 * tolerance of 1e-7 so tables that tie in exact arithmetic are not lost to rounding.
 */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * log P(X = k) for X ~ Hypergeometric: k successes in n draws from a population of N holding K
 * successes. -Infinity outside the support.
 */
export function hypergeometricLogPmf(k: number, N: number, K: number, n: number): number {
  if (k < Math.max(0, n + K - N) || k > Math.min(n, K)) return Number.NEGATIVE_INFINITY;
  return logChoose(K, k) + logChoose(N - K, n - k) - logChoose(N, n);
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** The two-sided Fisher exact p-value of a 2x2 table of non-negative whole counts. */
export function fisherExactTwoSided({ a, b, c, d }: TwoByTwo): number {
  for (const v of [a, b, c, d]) {
    if (!(Number.isInteger(v) && v >= 0))
      throw new RangeError(`Fisher's test needs whole counts >= 0, got ${v}`);
  }
  const row1 = a + b;
  const col1 = a + c;
  const total = a + b + c + d;
  const low = Math.max(0, row1 + col1 - total);
  const high = Math.min(row1, col1);
  if (low === high) return 1;
  // log P(k) over the support by the ratio P(k+1)/P(k): two logs a table instead of six log-gammas.
  const logP = new Float64Array(high - low + 1);
  logP[0] = hypergeometricLogPmf(low, total, col1, row1);
  let max = logP[0];
  for (let k = low; k < high; k++) {
    const next =
      logP[k - low]! + Math.log(((row1 - k) * (col1 - k)) / ((k + 1) * (total - row1 - col1 + k + 1)));
    logP[k + 1 - low] = next;
    if (next > max) max = next;
  }
  // Relative to the most likely table (as R does), so the sums neither overflow nor vanish.
  const observed = Math.exp(logP[a - low]! - max) * RELATIVE_TOLERANCE;
  let atMostAsLikely = 0;
  let all = 0;
  for (let i = 0; i < logP.length; i++) {
    const relative = Math.exp(logP[i]! - max);
    all += relative;
    if (relative <= observed) atMostAsLikely += relative;
  }
  return Math.min(1, atMostAsLikely / all);
}
