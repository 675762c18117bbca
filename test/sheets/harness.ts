/** A fresh fake spreadsheet with dist/Code.js loaded over it, as Apps Script would run the add-on. */
import { createFakeServices, type FakeOptions, type FakeServices } from '../../dev/fake';
import { contextOf } from '../../dev/fake/spreadsheet';
import { FormulaHost } from '../../dev/playground/formula-host';
import { loadBundle } from '../bundle/load-bundle';

export interface Planner {
  fake: FakeServices;
  /** The bundle's top-level functions, e.g. FUNNEL for a formula host. */
  context: Record<string, (...args: unknown[]) => unknown>;
  call: <T = unknown>(name: string, ...args: unknown[]) => T;
}

export function plannerOver(options: FakeOptions = {}): Planner {
  const fake = createFakeServices(options);
  const {
    spreadsheet: _spreadsheet,
    calls: _calls,
    ui: _ui,
    setAuthMode: _a,
    setFormulaEvaluator: _e,
    ...services
  } = fake;
  const ctx = loadBundle(services);
  const call = <T>(name: string, ...args: unknown[]): T => {
    const fn = ctx[name];
    if (typeof fn !== 'function') throw new Error(`dist/Code.js has no function ${name}`);
    // JSON round trip: what google.script.run carries, and plain objects of this realm.
    const result = fn(...args);
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  };
  return { fake, context: ctx, call };
}

/**
 * A tab's cells as Sheets would show them, its formulas computed by the playground's engine (the
 * bare fake shows a formula as ''): for the Framework tab, whose cells read the tables live.
 */
export function shownValues(planner: Planner, tab: string): unknown[][] {
  const sheet = planner.fake.spreadsheet.getSheetByName(tab)!;
  const range = sheet.getDataRange();
  const host = new FormulaHost(contextOf(planner.fake.spreadsheet).model, () => new Map());
  const formulas = range.getFormulas();
  return range.getValues().map((row, r) =>
    row.map((value, c) => {
      const formula = formulas[r]![c]!;
      if (formula === '') return value;
      const where = { sheetName: tab, row: r + 1, column: c + 1, a1: '', formula };
      const shown = host.evaluate(formula, where);
      return Array.isArray(shown) ? shown[0]?.[0] : shown;
    }),
  );
}
