/**
 * Issue 13 items 8 and 9 as sequences of what users do: they resize columns of our tabs, type
 * their own wrapped cells beside our tables, and run the planner again with longer or shorter
 * text. After every run: a column the user sized is never narrower than they left it; a column
 * nobody touched is within the widths the rules allow (70 px for numbers to 320 px for the
 * Funnel's Notes); the user's own cells keep their wrap; both charts end within the first 1000
 * px of the grid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST } from './fixture';
import { type Planner, plannerOver } from './harness';

/** Our tabs and how many columns of each are ours (the fixture's tables, FUNNEL's 7, the Dashboard's 8). */
const TABS: Record<string, number> = {
  Macro: 5,
  Phases: 2,
  Milestones: 9,
  'Secondary Actions': 8,
  Funnel: 7,
  Dashboard: 8,
};
const NAMES = Object.keys(TABS);

type Action =
  | { kind: 'resize'; tab: string; column: number; width: number }
  | { kind: 'own'; tab: string }
  | { kind: 'plan'; long: boolean };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('resize' as const),
    tab: fc.constantFrom(...NAMES),
    column: fc.integer({ min: 1, max: 10 }),
    // 100 px is Sheets' default: a column at it counts as sized by nobody.
    width: fc.integer({ min: 20, max: 500 }).filter((width) => width !== 100),
  }),
  fc.record({ kind: fc.constant('own' as const), tab: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('plan' as const), long: fc.boolean() }),
);

/** The fixture, or with a customer goal and a milestone name too long for their columns. */
function request(long: boolean) {
  if (!long) return REQUEST;
  const goal = 'I want to see what the product does before I talk to anyone in sales';
  return {
    ...REQUEST,
    phases: [{ ...REQUEST.phases[0]!, customerGoal: goal }, REQUEST.phases[1]!],
    milestones: [
      { ...REQUEST.milestones[0]!, name: `View pricing, plans and ${goal}` },
      ...REQUEST.milestones.slice(1),
    ],
  };
}

/** Where the user's own wrapped cell goes: far right of and below any table of ours. */
const OWN = { row: 40, column: 14 };

function check(planner: Planner, sized: Map<string, number>, owned: Set<string>): void {
  const book = planner.fake.spreadsheet;
  for (const [name, count] of Object.entries(TABS)) {
    const sheet = book.getSheetByName(name)!;
    for (let c = 1; c <= count; c++) {
      const width = sheet.getColumnWidth(c);
      const mine = sized.get(`${name}:${c}`);
      if (mine !== undefined) expect(width, `${name} column ${c}`).toBeGreaterThanOrEqual(mine);
      else {
        expect(width, `${name} column ${c}`).toBeGreaterThanOrEqual(70);
        expect(width, `${name} column ${c}`).toBeLessThanOrEqual(320);
      }
    }
    if (owned.has(name)) {
      expect(sheet.getRange(OWN.row, OWN.column).getWrap(), `${name} own cell`).toBe(true);
      expect(sheet.getRange(OWN.row, OWN.column).getValue()).toBe('my own long note, wrapped');
    }
  }
  for (const name of ['Funnel', 'Dashboard']) {
    const sheet = book.getSheetByName(name)!;
    for (const chart of sheet.getCharts()) {
      const info = chart.getContainerInfo();
      let left = info.getOffsetX();
      for (let c = 1; c < info.getAnchorColumn(); c++) left += sheet.getColumnWidth(c);
      expect(left + Number(chart.getOptions().get('width')), `${name} chart`).toBeLessThanOrEqual(1000);
    }
  }
}

describe('column widths across sessions', () => {
  it('never narrow what the user sized, stay within the rules, keep the user’s cells', {
    timeout: 300_000,
  }, () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 2, maxLength: 8 }), (actions) => {
        const planner = plannerOver();
        planner.call('createFramework', REQUEST);
        const sized = new Map<string, number>();
        const owned = new Set<string>();
        for (const step of [...actions, { kind: 'plan', long: true } as const]) {
          const sheet = planner.fake.spreadsheet.getSheetByName(step.kind === 'plan' ? 'Macro' : step.tab)!;
          if (step.kind === 'resize') {
            sheet.setColumnWidth(step.column, step.width);
            sized.set(`${step.tab}:${step.column}`, step.width);
          } else if (step.kind === 'own') {
            sheet.getRange(OWN.row, OWN.column).setValue('my own long note, wrapped').setWrap(true);
            owned.add(step.tab);
          } else {
            planner.call('createFramework', request(step.long));
            check(planner, sized, owned);
          }
        }
      }),
      process.env.SESSION_RUNS ? { numRuns: Number(process.env.SESSION_RUNS) } : { numRuns: 12, seed: 13 },
    );
  });
});
