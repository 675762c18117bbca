/**
 * Holm's step-down correction for m tests (Holm 1979; R's p.adjust(p, "holm")): sort the
 * p-values, multiply the i-th smallest (from 1) by m - i + 1, cap at 1, and keep the sequence
 * from decreasing. A test is significant at level alpha when its adjusted p-value is below alpha,
 * which keeps the chance of any false "significant" across all m tests at most alpha.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}
