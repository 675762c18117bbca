/**
 * Property (issue 11): random user sessions on the views. The user types beside, under and
 * inside the Funnel, Dashboard, Framework and Insights tabs (values, formulas, notes, bold,
 * colours), deletes and inserts rows and columns near them, renames and deletes those tabs and
 * makes a copy of the file, interleaved with planner runs of a growing and shrinking framework
 * and Analyse. After every step:
 * - every cell the user wrote is still there with its value, formula, note and format (it may have
 *   moved down or right with rows and columns the planner inserted), unless the user removed it;
 * - every run either finished or wrote nothing (a refused run is a message, never a crash);
 * - the views show the framework as the tabs hold it.
 * The FUNNEL, MICRO_IMPACT and FUNNEL_TREND formulas spill (dev/fake/spills.ts), so a spill that a
 * user cell blocks shows #REF!: the Funnel's must not once a run has finished.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { makeCopy } from '../../dev/fake/copy';
import { metadataOf } from '../../dev/fake/metadata';
import { declareSpills, funnelSpill } from '../../dev/fake/spills';
import { contextOf } from '../../dev/fake/spreadsheet';
import { REQUEST } from './fixture';
import { type Planner, plannerOver, shownValues } from './harness';

const VIEWS = ['funnel', 'dashboard', 'framework', 'insights'] as const;
type ViewRole = (typeof VIEWS)[number];

type Action =
  | {
      kind: 'type';
      view: ViewRole;
      row: number;
      column: number;
      formula: boolean;
      note: boolean;
      bold: boolean;
    }
  | { kind: 'deleteRows' | 'insertRows'; view: ViewRole; row: number; count: number }
  | { kind: 'deleteColumn'; view: ViewRole; column: number }
  | { kind: 'rename' | 'deleteTab'; view: ViewRole }
  | { kind: 'copy' }
  | { kind: 'plan'; milestones: number; phases: number }
  | { kind: 'analyse' };

const view = fc.constantFrom(...VIEWS);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      view,
      row: fc.integer({ min: 1, max: 22 }),
      column: fc.integer({ min: 1, max: 12 }),
      formula: fc.boolean(),
      note: fc.boolean(),
      bold: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('deleteRows' as const, 'insertRows' as const),
      view,
      row: fc.integer({ min: 1, max: 14 }),
      count: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteColumn' as const),
      view,
      column: fc.integer({ min: 1, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('rename' as const, 'deleteTab' as const), view }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'copy' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('plan' as const),
      milestones: fc.integer({ min: 0, max: 3 }),
      phases: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'analyse' as const }) },
);

/** REQUEST with extra milestones (in the first phase) and extra phases; the others removed by name. */
function planRequest(milestones: number, phases: number) {
  const extraMilestone = (i: number) => ({
    ...REQUEST.milestones[0]!,
    name: `Extra ${i}`,
    eventName: `extra_${i}`,
  });
  const extraPhase = (i: number) => ({ name: `Phase ${i}`, customerGoal: `Goal ${i}` });
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  return {
    ...REQUEST,
    phases: [...REQUEST.phases, ...range(1, phases).map(extraPhase)],
    milestones: [...REQUEST.milestones, ...range(1, milestones).map(extraMilestone)],
    removed: {
      phases: range(phases + 1, 2).map((i) => extraPhase(i).name),
      milestones: range(milestones + 1, 3).map((i) => ({ name: `Extra ${i}`, eventName: `extra_${i}` })),
    },
  };
}

/** Our tab of a role, found by its developer-metadata tag (names change). */
function ourTab(planner: Planner, role: ViewRole) {
  return planner.fake.spreadsheet
    .getSheets()
    .find((sheet) =>
      sheet
        .getDeveloperMetadata()
        .some((m) => m.getKey() === 'mcf.tab' && m.getValue()?.includes(`"role":"${role}"`)),
    );
}

/** The workbook's model, read directly (a full snapshot per step would be slow). */
const modelOf = (planner: Planner) => contextOf(planner.fake.spreadsheet).model;

/** Every cell of the user's (a `mine-N` marker in its value or formula), with what must stay. */
function userCells(planner: Planner): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const sheet of modelOf(planner).sheets) {
    for (const row of sheet.grid) {
      for (const cell of row ?? []) {
        const marker = /mine-\d+/.exec(`${cell?.formula ?? ''} ${String(cell?.value ?? '')}`)?.[0];
        if (!marker || !cell) continue;
        expect(cells.has(marker), `${marker} appears twice`).toBe(false);
        // Its value or formula, note and formats; where it is may change (rows inserted above it).
        cells.set(marker, { sheetId: sheet.id, ...cell });
      }
    }
  }
  return cells;
}

/** The whole workbook and the document properties: what a run that stops must leave as it was. */
function everything(planner: Planner): string {
  const model = modelOf(planner);
  return JSON.stringify({
    sheets: model.sheets.map((sheet) => ({
      name: sheet.name,
      id: sheet.id,
      size: [sheet.maxRows, sheet.maxColumns, sheet.frozenRows],
      grid: sheet.grid,
      merges: sheet.merges,
      charts: sheet.charts.map((chart) => ({ ...chart, ranges: chart.ranges.map((ref) => ref.rect) })),
      rules: sheet.conditionalRules.length,
      metadata: metadataOf(sheet),
    })),
    named: model.namedRanges.map((named) => [named.name, named.ref.rect]),
    properties: [...planner.fake.PropertiesService.stores.document],
  });
}

/** A run: it finishes, or it is refused with a message for the user and leaves everything as it was. */
function run<T>(planner: Planner, name: string, arg: unknown): T | undefined {
  const before = everything(planner);
  try {
    return planner.call<T>(name, arg);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    expect(message).not.toMatch(/unexpectedly/);
    expect(everything(planner)).toBe(before);
    return undefined;
  }
}

/** The views show what the tabs hold: the funnel's steps, one Dashboard row per milestone, every name printed. */
function expectViewsMatch(planner: Planner, steps: string[]): void {
  const framework = planner.call<{ phases: { name: string }[]; milestones: { name: string }[] }>(
    'readFramework',
  );
  const book = snapshot(planner.fake.spreadsheet);
  const sheetOf = (role: ViewRole) =>
    book.sheets.find((s) => s.sheetId === ourTab(planner, role)?.getSheetId())!;
  const funnel = sheetOf('funnel');
  const literal = `{${steps.map((s) => `"${s}"`).join(',')}}`;
  const formulaAt = funnel.formulas
    .flatMap((row, r) => row.map((f, c) => ({ f, r, c })))
    .find(({ f }) => f.includes(',FUNNEL(') && f.endsWith(`${literal}))`));
  expect(formulaAt, 'the FUNNEL formula lists the steps').toBeDefined();
  expect(funnel.values[formulaAt!.r]![formulaAt!.c], 'the funnel spills').not.toBe('#REF!');
  const dashboard = sheetOf('dashboard');
  const rows = dashboard.values.flat().filter((v) => v === 'Process milestone').length;
  expect(rows).toBeGreaterThanOrEqual(framework.milestones.length);
  // The Framework tab reads the tables live: its formulas, computed, show every name.
  const print = ourTab(planner, 'framework')!;
  const printed = JSON.stringify(shownValues(planner, print.getName()));
  for (const item of [...framework.phases, ...framework.milestones])
    expect(printed).toContain(JSON.stringify(item.name).slice(1, -1));
}

/** The steps Analyse trends: the ones the session's Data rows have (it refuses steps they lack). */
const ANALYSED_STEPS = ['view_pricing', 'generate_lead'];

function play(planner: Planner, actions: Action[]): void {
  let marker = 0;
  let renamed = 0;
  let expected = userCells(planner);
  for (const step of actions) {
    if (step.kind === 'plan' || step.kind === 'analyse') {
      if (step.kind === 'plan') {
        const result = run<{ steps: string[] }>(
          planner,
          'createFramework',
          planRequest(step.milestones, step.phases),
        );
        if (result) expectViewsMatch(planner, result.steps);
      } else {
        run(planner, 'createInsights', {
          dataRange: 'Data!A1:C3',
          macroEvent: 'generate_lead',
          steps: ANALYSED_STEPS,
        });
      }
      expect(Object.fromEntries(userCells(planner))).toEqual(Object.fromEntries(expected));
      continue;
    }
    // A user action: afterwards, the user's cells are whatever the user left.
    if (step.kind === 'copy') makeCopy(planner.fake);
    else {
      const sheet = ourTab(planner, step.view);
      if (!sheet) continue;
      if (step.kind === 'type') {
        const id = `mine-${++marker}`;
        const cell = sheet.getRange(step.row, Math.min(step.column, sheet.getMaxColumns()));
        cell.setValue(step.formula ? `="${id}"` : id);
        if (step.note) cell.setNote(`note of ${id}`);
        if (step.bold) cell.setFontWeight('bold').setBackground('#fff2cc');
      } else if (step.kind === 'deleteRows' && step.row + step.count <= sheet.getMaxRows()) {
        sheet.deleteRows(step.row, step.count);
      } else if (step.kind === 'insertRows' && step.row <= sheet.getMaxRows()) {
        sheet.insertRowsAfter(step.row, step.count);
      } else if (step.kind === 'deleteColumn' && step.column < sheet.getMaxColumns()) {
        sheet.deleteColumn(step.column);
      } else if (step.kind === 'rename') {
        sheet.setName(`Renamed ${++renamed}`);
      } else if (step.kind === 'deleteTab') {
        planner.fake.spreadsheet.deleteSheet(sheet);
      }
    }
    expected = userCells(planner);
  }
}

describe('random sessions on the views', () => {
  it('keep every user cell, finish or write nothing, and show the framework', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 3, maxLength: 9 }), (actions) => {
        const planner = plannerOver();
        declareSpills(planner.fake, (formula) => {
          if (formula.includes(',FUNNEL(')) return funnelSpill(formula);
          if (formula.startsWith('=MICRO_IMPACT(')) return { rows: 3, columns: 9 };
          if (formula.startsWith('=FUNNEL_TREND(')) return { rows: 3, columns: 6 };
          return undefined;
        });
        planner.call('createFramework', REQUEST);
        planner.fake.spreadsheet
          .getSheetByName('Data')!
          .getRange('A1:C3')
          .setValues([
            ['user_pseudo_id', 'event_name', 'event_timestamp'],
            ['u1', 'view_pricing', '2024-03-01 10:00:00'],
            ['u1', 'generate_lead', '2024-03-01 11:00:00'],
          ]);
        planner.call('createInsights', {
          dataRange: 'Data!A1:C3',
          macroEvent: 'generate_lead',
          steps: ANALYSED_STEPS,
        });
        play(planner, [...actions, { kind: 'plan', milestones: 1, phases: 1 }, { kind: 'analyse' }]);
      }),
      process.env.SESSION_RUNS
        ? { numRuns: Number(process.env.SESSION_RUNS), endOnFailure: true }
        : { numRuns: 15, seed: 11, endOnFailure: true },
    );
  });
});
