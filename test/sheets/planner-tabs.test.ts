/** What createFramework writes into each tab, for a framework written out by hand (fixture.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot, type WorkbookSnapshot } from '../../dev/fake';
import { REQUEST, sheetOf, tabValues } from './fixture';
import { type Planner, plannerOver, shownValues } from './harness';

/** The FUNNEL call inside the Funnel tab's guard `=IF(COUNTA(…)<2,"No data yet…",FUNNEL(…))`. */
const funnelCall = (formula: string) => formula.slice(formula.indexOf(',FUNNEL(') + 1, -1);

interface Result {
  tabs: string[];
  created: string[];
  updated: string[];
  steps: string[];
  findings: { severity: string; message: string; sheet?: string; a1?: string }[];
}

let planner: Planner;
let result: Result;
let book: WorkbookSnapshot;

beforeAll(() => {
  planner = plannerOver();
  result = planner.call<Result>('createFramework', REQUEST);
  book = snapshot(planner.fake.spreadsheet);
});

describe('createFramework on a fresh spreadsheet', () => {
  it('creates the eight tabs and reports them', () => {
    const names = [
      'Macro',
      'Phases',
      'Milestones',
      'Secondary Actions',
      'Data',
      'Funnel',
      'Dashboard',
      'Framework',
    ];
    expect(result.created).toEqual(names);
    expect(result.updated).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', ...names]);
  });

  it('writes the macro table', () => {
    expect(tabValues(book, 'Macro')).toEqual([
      ['Macro conversion', 'Event name', 'Value per conversion', 'Target rate', 'Owner'],
      ['Book a demo', 'generate_lead', 400, 0.03, 'Sales lead'],
    ]);
  });

  it('writes the phases in order', () => {
    expect(tabValues(book, 'Phases')).toEqual([
      ['Phase', 'Customer goal'],
      ['Discover', 'I want to know what it does'],
      ['Evaluate', 'I want proof it works for me'],
    ]);
  });

  it('writes the milestones with the phase first', () => {
    expect(tabValues(book, 'Milestones')).toEqual([
      ['Phase', 'Name', 'Event name', 'Metric', 'Target', 'Owner', 'Priority', 'Data source', 'Status'],
      [
        'Discover',
        'View pricing',
        'view_pricing',
        'Users who view pricing / all users',
        0.4,
        'Web lead',
        'High',
        'GA4',
        'Live',
      ],
      [
        'Evaluate',
        'Watch the demo video',
        'video_start',
        'Users who start the video / pricing viewers',
        0.25,
        'Content lead',
        'Medium',
        'GA4',
        'Planned',
      ],
      [
        'Discover',
        'Download a case study',
        'file_download',
        'Users who download / pricing viewers',
        0.1,
        'Content lead',
        'Low',
        'GA4',
        'Tracking',
      ],
    ]);
  });

  it('writes the secondary actions', () => {
    expect(tabValues(book, 'Secondary Actions')).toEqual([
      ['Name', 'Event name', 'Metric', 'Target', 'Owner', 'Priority', 'Data source', 'Status'],
      ['Share a page', 'share', 'Shares / sessions', 0.01, 'Social lead', 'Low', 'GA4', 'Planned'],
    ]);
  });

  it('styles, freezes and annotates every table header', () => {
    for (const [name, width] of [
      ['Macro', 5],
      ['Phases', 2],
      ['Milestones', 9],
      ['Secondary Actions', 8],
    ] as const) {
      const sheet = sheetOf(book, name);
      expect(sheet.frozenRows, name).toBe(1);
      expect(sheet.fontWeights[0]!.slice(0, width), name).toEqual(Array(width).fill('bold'));
      expect(sheet.backgrounds[0]!.slice(0, width), name).toEqual(Array(width).fill('#1a73e8'));
      for (const note of sheet.notes[0]!.slice(0, width)) expect(note.length, name).toBeGreaterThan(20);
    }
    expect(sheetOf(book, 'Milestones').notes[0]![0]).toContain('phase');
  });

  it('formats targets as percentages, in the rows and below them', () => {
    const milestones = sheetOf(book, 'Milestones');
    expect(milestones.numberFormats.slice(1, 4).map((row) => row[4])).toEqual(['0.0%', '0.0%', '0.0%']);
    expect(milestones.numberFormats[10]![4]).toBe('0.0%');
    expect(milestones.displayValues[1]![4]).toBe('40.0%');
    expect(sheetOf(book, 'Macro').displayValues[1]![3]).toBe('3.0%');
  });

  it('offers dropdowns: the phase from the Phases tab, priority and status from their lists', () => {
    const milestones = sheetOf(book, 'Milestones');
    const phase = milestones.validations[1]![0]!;
    expect(phase.criteria).toBe('VALUE_IN_RANGE');
    expect(phase.sourceRange).toBe('Phases!A2:A1000');
    expect(milestones.validations[1]![6]).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['High', 'Medium', 'Low'], true],
    });
    expect(milestones.validations[1]![8]).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['Planned', 'Tracking', 'Live', 'Paused'], true],
    });
    // Rows the user adds later get the dropdowns too.
    expect(milestones.validations[500]![6]?.criteria).toBe('VALUE_IN_LIST');
    expect(sheetOf(book, 'Secondary Actions').validations[1]![5]?.criteria).toBe('VALUE_IN_LIST');
  });

  it('names each table', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...book.namedRanges].sort(byName)).toEqual(
      [
        { name: 'MCF_MacroConversion', range: 'Macro!A1:E2' },
        { name: 'MCF_Phases', range: 'Phases!A1:B3' },
        { name: 'MCF_Milestones', range: 'Milestones!A1:I4' },
        { name: 'MCF_SecondaryActions', range: "'Secondary Actions'!A1:H2" },
      ].sort(byName),
    );
  });

  it('leaves the Data tab empty, with the how-to in a note on A1', () => {
    const data = sheetOf(book, 'Data');
    expect(tabValues(book, 'Data')).toEqual([]);
    expect(data.notes[0]![0]).toMatch(/^Paste your analytics export here, starting at A1/);
    expect(data.notes[0]![0]).toContain('Funnel tab reads columns A:Z');
  });

  it('puts the FUNNEL formula on the Funnel tab: milestones in phase order, then the macro', () => {
    // Discover holds view_pricing and file_download (in row order), Evaluate holds video_start.
    expect(result.steps).toEqual(['view_pricing', 'file_download', 'video_start', 'generate_lead']);
    const funnel = sheetOf(book, 'Funnel');
    // FUNNEL runs once column A of the Data tab holds a header and a row; until then, what to do.
    expect(funnel.formulas[3]![0]).toBe(
      `=IF(COUNTA('Data'!A:A)<2,"No data yet: paste your analytics export into the Data tab, header row first.",` +
        `FUNNEL('Data'!A:Z, {"view_pricing","file_download","video_start","generate_lead"}))`,
    );
    expect(funnel.values[0]![0]).toBe('Conversion funnel');
    // Counts (B) and drop-off (E) with thousands separators; shares of first and previous step
    // (C, D) and drop-off share (F) as percentages.
    expect(funnel.numberFormats[4]!.slice(1, 6)).toEqual(['#,##0', '0.0%', '0.0%', '#,##0', '0.0%']);
  });

  it('charts the funnel counts: step labels and counts, header row included', () => {
    const [chart, ...others] = sheetOf(book, 'Funnel').charts;
    expect(others).toEqual([]);
    expect(chart!.type).toBe('BAR');
    expect(chart!.ranges).toEqual(['Funnel!A4:B8']);
  });

  it('builds the dashboard: macro on top, milestones in funnel order, live references', () => {
    const dashboard = sheetOf(book, 'Dashboard');
    expect(dashboard.values[3]).toEqual([
      'Conversion',
      'Kind',
      'Phase',
      'Event',
      'Target',
      'Actual',
      'Status',
      'Owner',
    ]);
    expect(dashboard.frozenRows).toBe(4);
    const macro = dashboard.formulas[4]!;
    expect(macro[0]).toBe(`=IF('Macro'!A2="","",'Macro'!A2)`);
    expect(macro[4]).toBe(`=IF('Macro'!D2="","",'Macro'!D2)`);
    // The macro is step 4: FUNNEL's header is on row 4, so its row is 8; column C is the share of the first step.
    expect(macro[5]).toBe(`=IFERROR(IF(ISNUMBER('Funnel'!C8),'Funnel'!C8,""),"")`);
    // A target that holds something but no rate from 0 to 1 is a warning first. No number: no
    // data. Then FUNNEL's Notes header (column G of its header row 4) names report counts, or a
    // rate above 100%: warnings, before the target is ever compared.
    expect(macro[6]).toBe(
      '=IF(AND(E5<>"",OR(NOT(ISNUMBER(E5)),E5<0,E5>1)),"Warning: target is not a rate (see Check)",' +
        'IF(NOT(ISNUMBER(F5)),"No data",' +
        `IF('Funnel'!G4="Notes (report counts, not paths)","Warning: not a path: report counts",` +
        'IF(F5>1,"Warning: above 100%",' +
        'IF(NOT(ISNUMBER(E5)),"No target",IF(F5>=E5,"On target","Below target"))))))',
    );
    // Funnel order: View pricing (Milestones row 2), Download a case study (row 4), Watch the demo video (row 3).
    expect(dashboard.formulas.slice(5, 8).map((row) => row[0])).toEqual([
      `=IF('Milestones'!B2="","",'Milestones'!B2)`,
      `=IF('Milestones'!B4="","",'Milestones'!B4)`,
      `=IF('Milestones'!B3="","",'Milestones'!B3)`,
    ]);
    // A later milestone's actual rate is its step's share of the previous step (column D of rows 6, 7);
    // the entry step (row 5) has no previous step.
    expect(dashboard.formulas.slice(5, 8).map((row) => row[5])).toEqual([
      '',
      `=IFERROR(IF(ISNUMBER('Funnel'!D6),'Funnel'!D6,""),"")`,
      `=IFERROR(IF(ISNUMBER('Funnel'!D7),'Funnel'!D7,""),"")`,
    ]);
    expect(dashboard.values[5]![6]).toBe(''); // no status for the entry step: the planner says why, once
    expect(dashboard.formulas[5]![6]).toBe('');
    expect(dashboard.numberFormats[5]![4]).toBe('0.0%');
    expect(dashboard.numberFormats[6]![5]).toBe('0.0%');
  });

  it('colours the dashboard status by conditional formatting', () => {
    const rules = sheetOf(book, 'Dashboard').conditionalFormatRules;
    expect(rules.map((r) => [r.criteria, r.values, r.ranges, r.background])).toEqual([
      ['TEXT_EQUAL_TO', ['On target'], ['Dashboard!G5:G8'], '#d9ead3'],
      ['TEXT_EQUAL_TO', ['Below target'], ['Dashboard!G5:G8'], '#f4cccc'],
      ['TEXT_EQUAL_TO', ['No data'], ['Dashboard!G5:G8'], '#f1f3f4'],
      ['TEXT_EQUAL_TO', ['Warning: not a path: report counts'], ['Dashboard!G5:G8'], '#fce8b2'],
      ['TEXT_EQUAL_TO', ['Warning: above 100%'], ['Dashboard!G5:G8'], '#fce8b2'],
      ['TEXT_EQUAL_TO', ['Warning: target is not a rate (see Check)'], ['Dashboard!G5:G8'], '#fce8b2'],
    ]);
  });

  it('lays out the printable Framework tab, every cell reading the tables live', () => {
    const print = sheetOf(book, 'Framework');
    const values = shownValues(planner, 'Framework');
    expect(values[0]![0]).toBe('Micro Conversion Framework');
    expect(values[1]![0]).toBe(
      'Macro conversion: Book a demo · event generate_lead · target 3% · value 400 per conversion · owner Sales lead',
    );
    expect(values[3]!.slice(0, 2)).toEqual(['Discover', 'Evaluate']);
    expect(values[4]!.slice(0, 2)).toEqual(['I want to know what it does', 'I want proof it works for me']);
    // One cell per phase holds its milestones, in their row order, a blank line between.
    expect(values[5]!.slice(0, 2)).toEqual([
      'View pricing\nview_pricing · target 40% · Web lead\n\nDownload a case study\nfile_download · target 10% · Content lead',
      'Watch the demo video\nvideo_start · target 25% · Content lead',
    ]);
    expect(values[6]![0]).toBe(''); // nothing is left out of the columns
    expect(values[7]![0]).toBe('Secondary actions');
    expect(values[8]![0]).toBe('Share a page (share)');
    expect(values[10]![0]).toBe('Measurement plan');
    expect(values.slice(11).map((row) => row.slice(0, 2))).toEqual([
      ['Funnel steps', 'view_pricing → file_download → video_start → generate_lead'],
      ['Micro conversions', '3 process milestones (1 high, 1 medium, 1 low priority), 1 secondary action'],
      ['Targets set', '4 of 4'],
      ['Owners', 'Sales lead, Web lead, Content lead, Social lead'],
      ['Data sources', 'GA4'],
      ['Status', '2 planned, 1 tracking, 1 live'],
    ]);
    // Four columns (at least four, for the summary), merged bands, no gridlines.
    expect(print.merges).toContain('A1:D1');
    expect(print.merges).toContain('A9:D9');
    expect(print.merges).toContain('B12:D12');
    expect(print.hiddenGridlines).toBe(true);
    expect(print.columnWidths).toEqual({ '1': 250, '2': 250, '3': 250, '4': 250 });
  });

  it('checks what it wrote: this framework has no findings', () => {
    expect(result.findings).toEqual([]);
  });

  it('shows a toast while it works and when done', () => {
    expect(planner.fake.ui.toasts.map((t) => t.message ?? t)).toHaveLength(2);
  });
});

describe('createFramework from the e-commerce template', () => {
  // Worked from src/core/framework/templates/ecommerce.ts: three phases, five milestones, six
  // secondary actions, the macro "Complete an order" recorded by GA4's purchase event.
  const planner = plannerOver();
  const result = planner.call<Result>('createFramework', { template: 'ecommerce' });
  const book = snapshot(planner.fake.spreadsheet);

  it('writes one row per item of the template', () => {
    expect(tabValues(book, 'Macro')[1]!.slice(0, 2)).toEqual(['Complete an order', 'purchase']);
    expect(tabValues(book, 'Phases').map((row) => row[0])).toEqual([
      'Phase',
      'Explore the range',
      'Choose a product',
      'Check out',
    ]);
    expect(tabValues(book, 'Milestones')).toHaveLength(6);
    expect(tabValues(book, 'Secondary Actions')).toHaveLength(7);
  });

  it("makes GA4's recommended events the funnel steps, in phase order", () => {
    expect(funnelCall(sheetOf(book, 'Funnel').formulas[3]![0]!)).toBe(
      `FUNNEL('Data'!A:Z, {"view_item_list","add_to_cart","begin_checkout","add_shipping_info","add_payment_info","purchase"})`,
    );
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('prints three phase columns with the five milestones beneath', () => {
    const values = shownValues(planner, 'Framework');
    expect(values[3]!.slice(0, 3)).toEqual(['Explore the range', 'Choose a product', 'Check out']);
    // Check out holds three milestones, in its one cell of row 6, a blank line between them.
    expect(
      String(values[5]![2])
        .split('\n\n')
        .map((milestone) => milestone.split('\n')[0]),
    ).toEqual(['Start checkout', 'Fill in the shipping form', 'Enter a payment method']);
  });
});
