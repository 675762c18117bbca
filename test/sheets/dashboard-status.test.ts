/**
 * The Dashboard's status formula, evaluated by the playground's formula host over a Funnel table
 * written by hand in FUNNEL's shape (header on row 4, Notes in column G, steps on rows 5-8), so
 * every branch is reached whatever FUNNEL itself can produce. Expected statuses worked by hand
 * from the fixture's targets: macro 3%, file_download (Dashboard row 7, Funnel row 6) 10%.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from '../../dev/fake/spreadsheet';
import { FormulaHost } from '../../dev/playground/formula-host';
import { REQUEST } from './fixture';
import { type Planner, plannerOver } from './harness';

const EVENT_NOTES = 'Notes';
const REPORT_NOTES = 'Notes (report counts, not paths)';
const HEADER = [
  'Step',
  'Users',
  'Share of first step',
  'Share of previous step',
  'Drop-off',
  'Drop-off share',
];

let planner: Planner;

beforeAll(() => {
  planner = plannerOver();
  const model = contextOf(planner.fake.spreadsheet).model;
  const host = new FormulaHost(model, () => new Map([['FUNNEL', planner.context.FUNNEL!]]));
  planner.fake.setFormulaEvaluator(host.evaluate);
  planner.call('createFramework', REQUEST);
});

/**
 * Writes the Funnel table over FUNNEL's cells: `notes` heads column G; file_download's share of
 * the previous step is `rate` and the macro's share of the first step is `macroRate`.
 */
function funnelTable(notes: string, rate: number | string, macroRate: number | string = 0.05): void {
  planner.fake.spreadsheet
    .getSheetByName('Funnel')!
    .getRange('A4:G8')
    .setValues([
      [...HEADER, notes],
      ['view_pricing', 40, 1, '', '', '', ''],
      ['file_download', 10, 0.25, rate, 30, 0.75, ''],
      ['video_start', 5, 0.125, 0.5, 5, 0.5, ''],
      ['generate_lead', 2, macroRate, 0.4, 3, 0.6, ''],
    ]);
}

const status = (a1: string) => planner.fake.spreadsheet.getSheetByName('Dashboard')!.getRange(a1).getValue();

describe('Dashboard status', () => {
  it.each([
    [EVENT_NOTES, 0.75, 'On target'], // 75% >= 10%
    [EVENT_NOTES, 0.1, 'On target'], // exactly the target
    [EVENT_NOTES, 0.05, 'Below target'], // 5% < 10%
    [EVENT_NOTES, 1, 'On target'], // everyone went on: possible on paths
    [EVENT_NOTES, 1.5, 'Warning: above 100%'], // no share of users passes 100%, whatever the data
    [EVENT_NOTES, '', 'No data'],
    [REPORT_NOTES, 0.75, 'Warning: not a path: report counts'], // would be On target on paths
    [REPORT_NOTES, 0.05, 'Warning: not a path: report counts'], // would be Below target
    [REPORT_NOTES, 1.2, 'Warning: not a path: report counts'], // a report step above the one before
    [REPORT_NOTES, '', 'No data'],
  ])('Notes header %j, rate %j: %s', (notes, rate, expected) => {
    funnelTable(notes, rate);
    expect(status('G7')).toBe(expected);
  });

  it('the macro row follows the same rules (its rate is the share of the first step)', () => {
    funnelTable(EVENT_NOTES, 0.5, 0.05);
    expect(status('G5')).toBe('On target'); // 5% >= 3%
    funnelTable(EVENT_NOTES, 0.5, 1.25);
    expect(status('G5')).toBe('Warning: above 100%');
    funnelTable(REPORT_NOTES, 0.5, 0.05);
    expect(status('G5')).toBe('Warning: not a path: report counts');
  });

  it('never says On target for a rate above 100% or from report counts', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0, max: 5, noNaN: true }), (report, rate) => {
        funnelTable(report ? REPORT_NOTES : EVENT_NOTES, rate);
        const shown = status('G7');
        if (report) expect(shown).toBe('Warning: not a path: report counts');
        else if (rate > 1) expect(shown).toBe('Warning: above 100%');
        else expect(shown).toBe(rate >= 0.1 ? 'On target' : 'Below target');
      }),
      { numRuns: 60 },
    );
  });
});

describe('Dashboard: a target that is not a rate', () => {
  it('shows the target as the sheet holds it, and the status says it is not a rate', () => {
    funnelTable(EVENT_NOTES, 0.75);
    // Dashboard row 7 is file_download, Milestones row 4 (target cell E4).
    const milestones = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    for (const typed of [1.5, 'about 10%', -0.2]) {
      milestones.getRange('E4').setValue(typed); // 1.5: a typed 150% in the percent cell
      const dashboard = planner.fake.spreadsheet.getSheetByName('Dashboard')!;
      expect(dashboard.getRange('E7').getValue()).toBe(typed); // shown as it is, not blank
      expect(status('G7')).toBe('Warning: target is not a rate (see Check)');
    }
    milestones.getRange('E4').setValue(0.1);
    expect(status('G7')).toBe('On target'); // fixed: 75% >= 10%
    milestones.getRange('E4').setValue('');
    expect(status('G7')).toBe('No target');
  });
});
