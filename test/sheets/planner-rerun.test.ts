/**
 * Running the planner again: the tabs end up identical when nothing changed, and whatever the
 * user typed, added or named survives (README: "Never lose the user's work").
 */
import { describe, expect, it } from 'vitest';
import { FakeSheet, snapshot } from '../../dev/fake';
import { REQUEST, sheetOf, tabValues } from './fixture';
import { plannerOver } from './harness';

const TEMPLATES = ['blank', 'ecommerce', 'lead-generation', 'saas', 'content', 'small-business'];

describe('running createFramework twice', () => {
  it.each(TEMPLATES)('leaves the spreadsheet identical for template %s', (template) => {
    const planner = plannerOver();
    planner.call('createFramework', { template });
    const first = snapshot(planner.fake.spreadsheet);
    planner.call('createFramework', { template });
    expect(snapshot(planner.fake.spreadsheet)).toEqual(first);
  });

  it('leaves it identical for a framework sent by the sidebar, and reports the tabs as updated', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const first = snapshot(planner.fake.spreadsheet);
    const again = planner.call<{ created: string[]; updated: string[] }>('createFramework', REQUEST);
    expect(snapshot(planner.fake.spreadsheet)).toEqual(first);
    expect(again.created).toEqual([]);
    expect(again.updated).toHaveLength(8);
  });
});

describe("the user's work survives a re-run", () => {
  it('keeps a cell the user edited in one of our rows when the template runs again', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const milestones = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    milestones.getRange('F2').setValue('Growth team');
    milestones.getRange('E3').setValue(0.3);
    milestones.getRange('D4').setFormula('=B4&" rate"');
    planner.call('createFramework', { template: 'blank' });
    const values = tabValues(snapshot(planner.fake.spreadsheet), 'Milestones');
    expect(values[1]![5]).toBe('Growth team');
    expect(values[2]![4]).toBe(0.3);
    expect(values[3]![3]).toBe('=B4&" rate"');
  });

  it('writes what the sidebar sends for a field, over the sheet (the sidebar read it back first)', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const milestones = [...REQUEST.milestones];
    milestones[0] = { ...milestones[0]!, owner: 'Pricing team', target: 0.45 };
    planner.call('createFramework', { ...REQUEST, milestones });
    const values = tabValues(snapshot(planner.fake.spreadsheet), 'Milestones');
    expect(values[1]!.slice(4, 6)).toEqual([0.45, 'Pricing team']);
  });

  it('matches milestones by event name when the sidebar renames them, by name when it changes the event', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const milestones = REQUEST.milestones.map((m) => ({ ...m }));
    milestones[0]!.name = 'See the prices';
    milestones[1]!.eventName = 'video_play';
    planner.call('createFramework', { ...REQUEST, milestones });
    const values = tabValues(snapshot(planner.fake.spreadsheet), 'Milestones');
    expect(values.map((row) => row.slice(1, 3))).toEqual([
      ['Name', 'Event name'],
      ['See the prices', 'view_pricing'],
      ['Watch the demo video', 'video_play'],
      ['Download a case study', 'file_download'],
    ]);
  });

  it("keeps the user's extra rows and columns, and adds new items below them", () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const phases = planner.fake.spreadsheet.getSheetByName('Phases')!;
    phases.getRange('C1:C3').setValues([['Notes'], ['from the workshop'], ['=LEN(A3)']]);
    phases.getRange('A4:C4').setValues([['Return', 'I want to come back', 'added by hand']]);
    planner.call('createFramework', {
      ...REQUEST,
      phases: [...REQUEST.phases, { name: 'Decide', customerGoal: 'I want a fair price' }],
    });
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Phases')).toEqual([
      ['Phase', 'Customer goal', 'Notes'],
      ['Discover', 'I want to know what it does', 'from the workshop'],
      ['Evaluate', 'I want proof it works for me', '=LEN(A3)'],
      ['Return', 'I want to come back', 'added by hand'],
      ['Decide', 'I want a fair price', ''],
    ]);
    const named = snapshot(planner.fake.spreadsheet).namedRanges.find((n) => n.name === 'MCF_Phases');
    // Our columns, every row of the table (the user's row included).
    expect(named?.range).toBe('Phases!A1:B5');
  });

  it('finds its columns by header when the user inserted a column between them', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const macro = planner.fake.spreadsheet.getSheetByName('Macro')!;
    macro.insertColumnAfter(2);
    macro.getRange('C1:C2').setValues([['Comment'], ['agreed with sales']]);
    planner.call('createFramework', { ...REQUEST, macro: { ...REQUEST.macro, owner: 'Head of sales' } });
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Macro')).toEqual([
      ['Macro conversion', 'Event name', 'Comment', 'Value per conversion', 'Target rate', 'Owner'],
      ['Book a demo', 'generate_lead', 'agreed with sales', 400, 0.03, 'Head of sales'],
    ]);
  });

  it('moves rows into the order the sidebar sends, and the funnel follows', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const phases = [...REQUEST.phases].reverse();
    const result = planner.call<{ steps: string[] }>('createFramework', { ...REQUEST, phases });
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Phases').slice(1)).toEqual([
      ['Evaluate', 'I want proof it works for me'],
      ['Discover', 'I want to know what it does'],
    ]);
    expect(result.steps).toEqual(['video_start', 'view_pricing', 'file_download', 'generate_lead']);
  });

  it("moves a reordered row whole, with the user's cells; a template run never reorders", () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const phases = planner.fake.spreadsheet.getSheetByName('Phases')!;
    phases.getRange('C2').setValue('workshop notes');
    planner.call('createFramework', { ...REQUEST, phases: [...REQUEST.phases].reverse() });
    // Discover's row (with the notes) moved below Evaluate.
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Phases')).toEqual([
      ['Phase', 'Customer goal', ''],
      ['Evaluate', 'I want proof it works for me', ''],
      ['Discover', 'I want to know what it does', 'workshop notes'],
    ]);
    // The user swaps the rows back by hand; running the template again keeps their order.
    phases.getRange('A2:C3').setValues([
      ['Discover', 'I want to know what it does', 'workshop notes'],
      ['Evaluate', 'I want proof it works for me', ''],
    ]);
    planner.call('createFramework', { template: 'blank' });
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Phases')).toEqual([
      ['Phase', 'Customer goal', ''],
      ['Discover', 'I want to know what it does', 'workshop notes'],
      ['Evaluate', 'I want proof it works for me', ''],
    ]);
  });

  it('never deletes a row: an item the request leaves out stays in the sheet', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    planner.call('createFramework', { ...REQUEST, secondaryActions: [] });
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Secondary Actions')[1]![0]).toBe('Share a page');
  });

  it("leaves a user's own tab named Milestones untouched and gives ours a suffix", () => {
    const planner = plannerOver({ sheetNames: ['Milestones', 'Data'] });
    const mine = planner.fake.spreadsheet.getSheetByName('Milestones')!;
    mine.getRange('A1:B2').setValues([
      ['My list', 'Owner'],
      ['Launch party', 'Me'],
    ]);
    const before = snapshot(planner.fake.spreadsheet).sheets.filter(
      (s) => s.name === 'Milestones' || s.name === 'Data',
    );
    const result = planner.call<{ created: string[] }>('createFramework', REQUEST);
    planner.call('createFramework', REQUEST);
    const book = snapshot(planner.fake.spreadsheet);
    expect(book.sheets.filter((s) => s.name === 'Milestones' || s.name === 'Data')).toEqual(before);
    expect(result.created).toContain('Milestones (MCF)');
    expect(result.created).toContain('Data (MCF)');
    expect(tabValues(book, 'Milestones (MCF)')[1]![1]).toBe('View pricing');
    expect(book.namedRanges.find((n) => n.name === 'MCF_Milestones')?.range).toBe("'Milestones (MCF)'!A1:I4");
    expect(sheetOf(book, 'Funnel').formulas[3]![0]).toMatch(
      /^=IF\(COUNTA\('Data \(MCF\)'!A:A\)<2,.*,FUNNEL\('Data \(MCF\)'!A:Z, /,
    );
    expect(sheetOf(book, 'Dashboard').formulas[5]![0]).toBe(
      `=IF('Milestones (MCF)'!B2="","",'Milestones (MCF)'!B2)`,
    );
  });

  it("keeps the user's own note on Data!A1 and the data pasted there", () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const data = planner.fake.spreadsheet.getSheetByName('Data')!;
    data.getRange('A1:B2').setValues([
      ['user_id', 'event_name'],
      ['u1', 'view_pricing'],
    ]);
    data.getRange('A1').setNote('Exported from GA4 on Monday');
    planner.call('createFramework', REQUEST);
    expect(data.getRange('A1').getNote()).toBe('Exported from GA4 on Monday');
    expect(data.getRange('A1:B2').getValues()).toEqual([
      ['user_id', 'event_name'],
      ['u1', 'view_pricing'],
    ]);
  });

  it('grows a tab the user shrank to fit the table', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const phases = planner.fake.spreadsheet.getSheetByName('Phases')!;
    phases.deleteRows(4, phases.getMaxRows() - 3);
    phases.deleteColumns(3, phases.getMaxColumns() - 2);
    planner.call('createFramework', {
      ...REQUEST,
      phases: [...REQUEST.phases, { name: 'Decide', customerGoal: 'I want a fair price' }],
    });
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Phases').map((row) => row[0])).toEqual([
      'Phase',
      'Discover',
      'Evaluate',
      'Decide',
    ]);
  });

  it('still knows its tabs after a run that failed half way', () => {
    const planner = plannerOver();
    const insertChart = FakeSheet.prototype.insertChart;
    FakeSheet.prototype.insertChart = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    try {
      expect(() => planner.call('createFramework', REQUEST)).toThrow(/createFramework failed unexpectedly/);
    } finally {
      FakeSheet.prototype.insertChart = insertChart;
    }
    const again = planner.call<{ created: string[] }>('createFramework', REQUEST);
    // Every tab was made before the chart failed; the second run updates them, adding none.
    expect(again.created).toEqual([]);
    expect(snapshot(planner.fake.spreadsheet).sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Macro',
      'Phases',
      'Milestones',
      'Secondary Actions',
      'Data',
      'Funnel',
      'Dashboard',
      'Framework',
    ]);
  });

  it('finds its tabs after the user renamed them', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    planner.fake.spreadsheet.getSheetByName('Phases')!.setName('Customer phases');
    const again = planner.call<{ created: string[] }>('createFramework', REQUEST);
    expect(again.created).toEqual([]);
    expect(tabValues(snapshot(planner.fake.spreadsheet), 'Customer phases')[1]![0]).toBe('Discover');
  });

  it('keeps what the user put beside and below the dashboard when it grows', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const dashboard = planner.fake.spreadsheet.getSheetByName('Dashboard')!;
    dashboard.getRange('J1').setValue('my KPI notes');
    dashboard.getRange('A10').setValue('reviewed on Monday');
    planner.call('createFramework', {
      ...REQUEST,
      milestones: [
        ...REQUEST.milestones,
        { ...REQUEST.milestones[0]!, name: 'Compare plans', eventName: 'compare_plans' },
        { ...REQUEST.milestones[0]!, name: 'Open the calculator', eventName: 'open_calculator' },
      ],
    });
    const values = tabValues(snapshot(planner.fake.spreadsheet), 'Dashboard');
    expect(values[0]![9]).toBe('my KPI notes');
    // The block grew from 8 to 10 rows: the user's row 10 moved down by two.
    expect(values[11]![0]).toBe('reviewed on Monday');
    expect(values.flat().filter((v) => v === 'reviewed on Monday')).toHaveLength(1);
  });

  it("keeps the user's own conditional formatting and charts on our tabs", () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const dashboard = planner.fake.spreadsheet.getSheetByName('Dashboard')!;
    const mine = SpreadsheetAppOf(planner)
      .newConditionalFormatRule()
      .whenTextEqualTo('Sales lead')
      .setBold(true)
      .setRanges([dashboard.getRange('H5:H20')])
      .build();
    dashboard.setConditionalFormatRules([...dashboard.getConditionalFormatRules(), mine]);
    planner.call('createFramework', REQUEST);
    const rules = sheetOf(snapshot(planner.fake.spreadsheet), 'Dashboard').conditionalFormatRules;
    expect(rules.map((r) => r.values[0])).toEqual([
      'Sales lead',
      'On target',
      'Below target',
      'No data',
      'Warning: not a path: report counts',
      'Warning: above 100%',
      'Warning: target is not a rate (see Check)',
    ]);
  });
});

function SpreadsheetAppOf(planner: ReturnType<typeof plannerOver>) {
  return planner.fake.SpreadsheetApp;
}
