/**
 * Issue 13 items 7 to 10 on the fake, through dist/Code.js: a new Funnel tab shows what to do
 * before any data (and the Dashboard says "No data"), then the funnel once data is pasted, with
 * no run of the planner; columns are as wide as their text and wrap above their maximum; numbers
 * read as counts and percentages; the charts sit within the first screen of a 1366-px window
 * with the 300-px sidebar open; a width the user chose is kept. Formulas are computed by the
 * playground's formula host, with FUNNEL from dist/Code.js. Figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../dev/fake/spreadsheet';
import { FormulaHost } from '../../dev/playground/formula-host';
import { REQUEST } from './fixture';
import { type Planner, plannerOver } from './harness';

/** A planner whose formulas are computed as in the playground. */
function livePlanner(): Planner {
  const planner = plannerOver();
  const { fake, context } = planner;
  const model = contextOf(fake.spreadsheet).model;
  const host = new FormulaHost(model, () => new Map([['FUNNEL', context.FUNNEL!]]));
  fake.setFormulaEvaluator(host.evaluate);
  return planner;
}

const tab = (planner: Planner, name: string) => planner.fake.spreadsheet.getSheetByName(name)!;

/** The widths of columns 1..n of a tab, as the fake records them. */
const widths = (planner: Planner, name: string, n: number) =>
  Array.from({ length: n }, (_, c) => tab(planner, name).getColumnWidth(c + 1));

/** The first screen: a 1366-px window less the 300-px sidebar, Sheets' row numbers and scroll bar. */
const FIRST_SCREEN = 1000;

/** A long customer goal: 25014 Arial units, 334 px at 10 pt, wider than a text column's 260. */
const LONG_GOAL = 'I want to see what the product does before I talk to sales';
const withLongGoal = {
  ...REQUEST,
  phases: [REQUEST.phases[0]!, { ...REQUEST.phases[1]!, customerGoal: LONG_GOAL }],
};

describe('item 7: a new Funnel tab before any data', () => {
  it('shows what to do in the cell, not an error, and the Dashboard says No data', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    const funnel = tab(planner, 'Funnel');
    const message = funnel.getRange('A4').getValue();
    expect(message).toBe('No data yet: paste your analytics export into the Data tab, header row first.');
    // Visible in the sheet, not in a note, whole (wrapped in column A, not cut at its edge);
    // nothing else of the table shows yet.
    expect(funnel.getRange('A4').getNote()).toBe('');
    expect(funnel.getRange('A4').getWrap()).toBe(true);
    expect(
      funnel
        .getRange('B4:G8')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(
      funnel
        .getRange('A1:G12')
        .getDisplayValues()
        .flat()
        .some((v) => v.startsWith('#')),
    ).toBe(false);
    // The Dashboard: rows 5 (macro) to 8; Actual blank, Status "No data" (the entry step, row 6, has none).
    const dashboard = tab(planner, 'Dashboard').getRange('F5:G8').getValues();
    expect(dashboard).toEqual([
      ['', 'No data'],
      ['', ''],
      ['', 'No data'],
      ['', 'No data'],
    ]);
    expect(funnel.getCharts()).toHaveLength(1);
  });

  it('still waits with a header row only, then shows the funnel once rows arrive, with no run of the planner', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    const data = tab(planner, 'Data');
    data.getRange('A1:C1').setValues([['user_id', 'event_name', 'event_timestamp']]);
    expect(String(tab(planner, 'Funnel').getRange('A4').getValue())).toMatch(/^No data yet/);

    // u1 views pricing then downloads; u2 only views pricing.
    const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 10, minute));
    data.getRange('A2:C4').setValues([
      ['u1', 'view_pricing', at(0)],
      ['u1', 'file_download', at(1)],
      ['u2', 'view_pricing', at(0)],
    ]);
    const funnel = tab(planner, 'Funnel').getRange('A4:F6').getValues();
    expect(funnel[0]!.slice(0, 2)).toEqual(['Step', 'Users']);
    expect(funnel[1]!.slice(0, 2)).toEqual(['view_pricing', 2]);
    // 1 of 2 went on: 0.5 of the first step and of the previous one; 1 lost, half of them.
    expect(funnel[2]).toEqual(['file_download', 1, 0.5, 0.5, 1, 0.5]);
    // Shown as Sheets shows them in the formats the tab set.
    expect(tab(planner, 'Funnel').getRange('B6:F6').getDisplayValues()).toEqual([
      ['1', '50.0%', '50.0%', '1', '50.0%'],
    ]);
    // The Dashboard follows: Download a case study (step 2) at 50% of the previous step.
    expect(tab(planner, 'Dashboard').getRange('F7').getValue()).toBe(0.5);
  });
});

describe('item 8: columns sized to their text', () => {
  it('wraps a text wider than its column can grow, and fits the others', () => {
    const planner = plannerOver();
    planner.call('createFramework', withLongGoal);
    const phases = tab(planner, 'Phases');
    // Phase (A): "Discover", "Evaluate" and the bold header "Phase" are under 90 px: the minimum.
    // Customer goal (B): 334 px + padding > 260: the maximum, wrapped (header and written cells).
    expect(widths(planner, 'Phases', 2)).toEqual([90, 260]);
    expect(phases.getRange('B1:B3').getWraps()).toEqual([[true], [true], [true]]);
    expect(phases.getRange('A1:A3').getWraps()).toEqual([[false], [false], [false]]);

    // Milestones: Name (B) holds "Download a case study": 10338 units = 138 px + 12 = 150.
    const milestones = tab(planner, 'Milestones');
    const header = milestones.getRange('A1:I1').getValues()[0]!;
    expect(header.indexOf('Name')).toBe(1);
    expect(milestones.getColumnWidth(2)).toBe(150);
    // "Complete an order"-style names are no longer cut: every name fits its column.
    for (let c = 1; c <= 9; c++) {
      const width = milestones.getColumnWidth(c);
      expect(width).toBeGreaterThanOrEqual(70);
      expect(width).toBeLessThanOrEqual(260);
    }
    // Header notes stay.
    expect(milestones.getRange('B1').getNote()).not.toBe('');
  });

  it('keeps a width the user chose, widens one they narrowed, and never touches the user’s own cells', () => {
    const planner = plannerOver();
    planner.call('createFramework', withLongGoal);
    const phases = tab(planner, 'Phases');
    phases.setColumnWidth(1, 400); // the user widens Phase
    phases.setColumnWidth(2, 40); // and narrows Customer goal
    phases.getRange('D2').setValue(LONG_GOAL); // their own long text, beside the table
    phases.getRange('E2').setValue('mine').setWrap(true);
    phases.setColumnWidth(4, 55);
    planner.call('createFramework', withLongGoal);
    expect(widths(planner, 'Phases', 2)).toEqual([400, 260]);
    // Column D and E are not ours: width and wraps as the user left them.
    expect(phases.getColumnWidth(4)).toBe(55);
    expect(phases.getRange('D2:E2').getWraps()).toEqual([[false, true]]);
  });

  it('formats the Funnel tab for reading and wraps its Notes over the spill', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const funnel = tab(planner, 'Funnel');
    // Rows 5 to 8 (4 steps): counts #,##0 (B, E), shares 0.0% (C, D, F), Notes (G) wrapped.
    const formats = funnel.getRange('B5:F8').getNumberFormats();
    for (const row of formats) expect(row).toEqual(['#,##0', '0.0%', '0.0%', '#,##0', '0.0%']);
    expect(funnel.getRange('G4:G8').getWraps().flat()).toEqual([true, true, true, true, true]);
    // Notes is 320 px; Step (A) fits its widest step, "generate_lead": g556 e556 n556 e556 r333
    // a556 t278 e556 _556 l222 e556 a556 d556 = 6393 units = 85.2 -> 86 px, + 12 of padding.
    expect(funnel.getColumnWidth(7)).toBe(320);
    expect(funnel.getColumnWidth(1)).toBe(98);
  });

  it('wraps the Dashboard statuses: "Warning: not a path: report counts" is 202 px, wider than 150', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const dashboard = tab(planner, 'Dashboard');
    expect(dashboard.getRange('G4').getValue()).toBe('Status');
    expect(dashboard.getColumnWidth(7)).toBe(150);
    expect(dashboard.getRange('G4:G8').getWraps().flat()).toEqual([true, true, true, true, true]);
    // Target and Actual are percentages.
    expect(dashboard.getRange('E5:F5').getNumberFormats()).toEqual([['0.0%', '0.0%']]);
  });
});

describe('item 9: the charts are within the first screen', () => {
  /** Our chart's box in pixels from the grid's left edge, and its anchor row. */
  function chartBox(planner: Planner, name: string) {
    const sheet = tab(planner, name);
    const [chart] = sheet.getCharts();
    const info = chart!.getContainerInfo();
    const column = info.getAnchorColumn();
    const left = widths(planner, name, column - 1).reduce((a, b) => a + b, 0) + info.getOffsetX();
    const width = Number(chart!.getOptions().get('width'));
    return { row: info.getAnchorRow(), left, right: left + width };
  }

  it('puts the funnel chart under its table when both do not fit side by side', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const table = widths(planner, 'Funnel', 7).reduce((a, b) => a + b, 0);
    // 7 columns with 320 px of Notes: wider than 1000 - 480 - 16, so the chart goes under A4:G8.
    expect(table).toBeGreaterThan(FIRST_SCREEN - 480 - 16);
    const box = chartBox(planner, 'Funnel');
    expect(box).toEqual({ row: 10, left: 0, right: 480 });
    expect(box.right).toBeLessThanOrEqual(FIRST_SCREEN);
  });

  it('puts the Dashboard chart of targets and actual rates within the first screen, one chart across runs', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    planner.call('createFramework', REQUEST);
    const charts = tab(planner, 'Dashboard').getCharts();
    expect(charts).toHaveLength(1);
    // Header row 4, the macro in row 5, the 3 milestones in rows 6 to 8: names (A) against
    // Target and Actual (E:F).
    expect(charts[0]!.getRanges().map((range) => range.getA1Notation())).toEqual(['A4:A8', 'E4:F8']);
    const table = widths(planner, 'Dashboard', 8).reduce((a, b) => a + b, 0);
    const box = chartBox(planner, 'Dashboard');
    expect(box.right).toBeLessThanOrEqual(FIRST_SCREEN);
    // Beside the table (left of it nothing is covered) or under it (row 10 on): never over it.
    expect(box.left >= table || box.row >= 10).toBe(true);
  });

  it('follows the table as it grows, and stays on screen when the user widens a column', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    tab(planner, 'Funnel').setColumnWidth(7, 700);
    const more = {
      ...REQUEST,
      milestones: [
        ...REQUEST.milestones,
        { ...REQUEST.milestones[0]!, name: 'Read a case', eventName: 'read' },
      ],
    };
    planner.call('createFramework', more);
    // 5 steps: the table is A4:G9, the chart one blank row under it; Notes kept at 700 px.
    expect(tab(planner, 'Funnel').getColumnWidth(7)).toBe(700);
    expect(chartBox(planner, 'Funnel')).toEqual({ row: 11, left: 0, right: 480 });
  });
});
