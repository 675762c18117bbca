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
  /** The most rows its result can take: a header, then per step a line and up to TOP + 2 rows. */
  rows: number;
}

/** Next events shown per step: five, then "(other events)" and "(no further event)". */
const TOP = 5;
export const DROP_OFF_COLUMNS = 5;
/** DROP_OFF's "Share of drop-offs" column, 1-based within the block. */
export const DROP_OFF_SHARE_COLUMN = 4;

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
    formula: `=DROP_OFF(${data},{${steps.map(formulaString).join(',')}},${formulaString(window)},"",${TOP})`,
    rows: 1 + (steps.length - 1) * (TOP + 3),
  };
}
