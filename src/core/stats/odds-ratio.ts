/**
 * PostHog's smoothed odds ratio for "did the action" against "converted" (funnel correlation):
 * a of the S successes and b of the F failures did it. Adding 1 to every cell keeps it finite
 * when a cell is 0. Above 1 the action goes with converting, below 1 with not converting.
 */
export function smoothedOddsRatio(a: number, successes: number, b: number, failures: number): number {
  return ((a + 1) * (failures - b + 1)) / ((successes - a + 1) * (b + 1));
}
