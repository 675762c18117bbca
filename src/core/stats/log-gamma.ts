/**
 * Natural log of the gamma function, for x > 0: Stirling's series with six terms for x >= 15
 * (truncation error below 1e-17 there), and the recurrence Gamma(x) = Gamma(x + n) / (x (x+1) ...)
 * to get there from smaller x. About 14-15 significant digits everywhere.
 */
const HALF_LOG_TWO_PI = 0.9189385332046728;
const STIRLING_FROM = 15;

export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  let shift = 0;
  let product = 1;
  while (x + shift < STIRLING_FROM) {
    product *= x + shift;
    shift++;
  }
  return stirling(x + shift) - Math.log(product);
}

/** Stirling's series; the coefficients are B(2k) / (2k (2k - 1)) for the Bernoulli numbers B. */
function stirling(x: number): number {
  const r = 1 / (x * x);
  const series =
    (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - (r * 691) / 360360))))) / x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}

/** log(n!) for a whole number n >= 0. */
export function logFactorial(n: number): number {
  if (n < 2) return 0;
  if (n < 23) {
    // Exact in doubles up to 22!: better than any approximation.
    let f = 1;
    for (let i = 2; i <= n; i++) f *= i;
    return Math.log(f);
  }
  return logGamma(n + 1);
}
