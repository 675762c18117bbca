/**
 * The Insights tab's "Where they went" block: DROP_OFF over the same funnel as the weekly trend.
 * Pure (no Apps Script call): createInsights writes the label above the formula, as it does for
 * MICRO_IMPACT and FUNNEL_TREND. With a single step there is no drop-off to show, so no block.
 */
import { formulaString } from './cell-input';

export interface DropOffBlock {
  /** The block's heading. */
  label: string;
  /** The formula for the block's first cell; it spills 5 columns wide. */
  formula: string;
}

/**
 * `data`: the data range as a formula reference ('Data'!A1:D, from dataReference); `steps`: the
 * funnel's step names in order; `window`: as FUNNEL takes it ("7d"; "" for none).
 */
export function insightsDropOff(
  data: string,
  steps: readonly string[],
  window = '',
): DropOffBlock | undefined {
  if (steps.length < 2) return undefined;
  return {
    label: "Where they went: what each step's drop-offs did next (DROP_OFF)",
    formula: `=DROP_OFF(${data},{${steps.map(formulaString).join(',')}},${formulaString(window)})`,
  };
}
