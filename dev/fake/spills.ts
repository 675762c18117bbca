/**
 * Array formulas that spill, without a formula engine: a test declares how big a custom
 * function's result is (e.g. FUNNEL's header plus one row per step), and the fake spills that
 * many cells right and down from the formula. As in Sheets, a cell in the way that holds anything
 * breaks the formula: its cell shows `#REF!` and nothing spills. Other formulas evaluate to ''.
 */
import type { FakeServices } from './index';

export interface SpillSize {
  rows: number;
  columns: number;
}

/** What spilled cells hold: a number, so they read as data (and are told apart from typing). */
export const SPILLED = 1;

export function declareSpills(fake: FakeServices, sizeOf: (formula: string) => SpillSize | undefined): void {
  fake.setFormulaEvaluator((formula) => {
    const size = sizeOf(formula);
    if (!size) return '';
    return Array.from({ length: size.rows }, () => Array.from({ length: size.columns }, () => SPILLED));
  });
}

/**
 * FUNNEL's spill: a header row and one row per step, seven columns (steps read from its literal),
 * also inside the Funnel tab's guard `=IF(COUNTA(…)<2,"…",FUNNEL(…))` (taken as holding data).
 */
export function funnelSpill(formula: string): SpillSize | undefined {
  const match = /^=(?:IF\(.*,)?FUNNEL\(.*\{(.*)\}\)\)?$/.exec(formula);
  if (!match) return undefined;
  const steps = match[1]!.split(',').filter((step) => step.trim() !== '').length;
  return { rows: steps + 1, columns: 7 };
}
