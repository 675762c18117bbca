import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';
import { loadBundle } from './load-bundle';

const DATA = [
  ['user_pseudo_id', 'event_name', 'event_timestamp'],
  ['u1', 'view_item', '2024-03-04 10:00:00'],
  ['u1', 'purchase', '2024-03-04 11:00:00'],
];

function setup(sheetNames = ['Data'], rows: unknown[][] = DATA) {
  const fake = createFakeServices({ sheetNames });
  putData(fake, rows);
  const ctx = loadBundle({ ...fake });
  const run = (request: unknown) => ctx.createInsights!(request) as { sheet: string; created: boolean };
  return { fake, run, ctx };
}

function putData(fake: ReturnType<typeof createFakeServices>, rows: unknown[][]) {
  const sheet = fake.spreadsheet.getSheetByName('Data')!;
  sheet.clearContents();
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
}

const sheetOf = (fake: ReturnType<typeof createFakeServices>, name: string) =>
  snapshot(fake.spreadsheet).sheets.find((s) => s.name === name)!;

/** Event rows where each user does `events` in order, an hour apart, from 2024-03-04 (a Monday). */
function eventRows(events: string[], users = 2): unknown[][] {
  const rows: unknown[][] = [['user_pseudo_id', 'event_name', 'event_timestamp']];
  for (let u = 1; u <= users; u++) {
    events.forEach((event, i) => {
      rows.push([`u${u}`, event, `2024-03-04 ${String(10 + i).padStart(2, '0')}:00:00`]);
    });
  }
  return rows;
}

describe('createInsights', () => {
  it('writes the blocks top to bottom in the first columns: A/B, MICRO_IMPACT, FUNNEL_TREND, its chart under it', () => {
    const { fake, run } = setup();
    const result = run({ dataRange: 'Data!A1:C3', macroEvent: 'purchase', steps: ['view_item', 'purchase'] });
    expect(result).toMatchObject({ sheet: 'Insights', created: true });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    expect(sheet.getRange('D5').getFormula()).toBe(
      '=IF(COUNT(B5,B6,B7,B8)<4,"Type the four counts in B5:B8",AB_TEST(B5,B6,B7,B8,B9))',
    );
    expect(sheet.getRange('A5:A9').getValues().flat()).toEqual([
      'Conversions A',
      'Visitors A',
      'Conversions B',
      'Visitors B',
      'Confidence',
    ]);
    expect(sheet.getRange('B9').getValue()).toBe(0.95);
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A1:C3,"purchase")`);
    // Two event names: MICRO_IMPACT keeps 10 rows (the minimum; 2 names + 6 spare is less), A18:A27;
    // a blank row, the trend's title at A29 and its formula at A30.
    expect(sheet.getRange('A29').getValue()).toBe('Weekly funnel trend (FUNNEL_TREND): view_item → purchase');
    expect(sheet.getRange('A30').getFormula()).toBe(
      `=FUNNEL_TREND('Data'!A1:C3,{"view_item","purchase"},"","week")`,
    );
    // Nothing beyond the first columns: no cell right of column I holds anything.
    const tab = sheetOf(fake, 'Insights');
    const far = tab.values.flatMap((row, r) =>
      row.flatMap((v, c) => (c >= 9 && (v !== '' || tab.formulas[r]![c] !== '') ? [`${r},${c}`] : [])),
    );
    expect(far).toEqual([]);
    const charts = tab.charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]!.type).toBe('LINE');
    // The trend's 10 rows are A30:A39: the period column and the conversion column (A + 2 steps + 1 = D).
    expect(charts[0]!.ranges).toEqual(['Insights!A30:A39', 'Insights!D30:D39']);
    // Under the trend (a blank row after A39), at the left edge.
    expect(charts[0]!.position).toMatchObject({ row: 41, column: 1 });
    // "Where they went" under the chart: the chart takes rows 41-57, a blank row 58, the title at
    // A59, DROP_OFF at A60 with room for a header and one step's block (1 + 5 events + 2 = 8 rows).
    expect(sheet.getRange('A59').getValue()).toMatch(/^Where they went/);
    expect(sheet.getRange('A60').getFormula()).toBe(
      `=DROP_OFF('Data'!A1:C3,{"view_item","purchase"},"","",5)`,
    );
    expect(sheet.getRange('D61:D68').getNumberFormats().flat()).toEqual(new Array(8).fill('0.0%'));
    // Its "Next event" column wraps: "drop-offs before purchase" is wider than column B.
    expect(sheet.getRange('B61:B68').getWraps().flat()).toEqual(new Array(8).fill(true));
  });

  it('formats numbers for reading and keeps the chart inside the first ~1000 px of columns', () => {
    const { fake, run } = setup();
    run({ dataRange: 'Data!A:C', macroEvent: 'purchase', steps: ['view_item', 'purchase'] });
    const tab = sheetOf(fake, 'Insights');
    const format = (a1: string) =>
      fake.spreadsheet.getSheetByName('Insights')!.getRange(a1).getNumberFormat();
    // AB_TEST's values in E6:E13, in the order of its metrics: rates A and B, difference, uplift,
    // z, p-value, the two ends of the interval.
    expect(['E6', 'E7', 'E8', 'E9', 'E10', 'E11', 'E12', 'E13'].map(format)).toEqual([
      '0.0%',
      '0.0%',
      '0.0%',
      '0.0%',
      '0.00',
      '0.0000',
      '0.0%',
      '0.0%',
    ]);
    // MICRO_IMPACT from row 19: rate with (D), rate without (E), lift (F), odds ratio (G), p-value (H).
    expect(['D19', 'E19', 'F19', 'G19', 'H19', 'D27'].map(format)).toEqual([
      '0.0%',
      '0.0%',
      '0.0%',
      '0.00',
      '0.0000',
      '0.0%',
    ]);
    // The trend's conversion (D, under its header at D30).
    expect(['D31', 'D39'].map(format)).toEqual(['0.0%', '0.0%']);
    // Headers and notes wrap.
    expect(tab.wraps[17]!.slice(0, 9)).toEqual(new Array(9).fill(true));
    expect(tab.wraps[18]![8]).toBe(true);
    // Columns A to I, where every block lies, fit in 1000 px; so does the chart from column A.
    const widths = Array.from({ length: 9 }, (_, i) => tab.columnWidths[String(i + 1)] ?? 100);
    const total = widths.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(1000);
    expect(tab.charts[0]!.options.width).toBeLessThanOrEqual(total);
  });

  it('sizes column A to the longest event name, within bounds, and gives the Note column what is left of 1000 px', () => {
    const widthsOf = (fake: ReturnType<typeof createFakeServices>) => {
      const tab = sheetOf(fake, 'Insights');
      return Array.from({ length: 9 }, (_, i) => tab.columnWidths[String(i + 1)] ?? 100);
    };
    // Short names: "Conversions A" is the longest: 6502 thousandths of an em in Arial (C 722,
    // o n e 556, v s 500, r 333, i 222, space 278, A 667), 87 px at 13.33 px/em + 12 padding = 99 px,
    // below the 140-px minimum. B to H: 90 + 90 + 160 + 90 + 75 + 80 + 90 = 675; I: 1000 - 140 - 675 = 185.
    const short = setup();
    short.run({ dataRange: 'Data!A:C', macroEvent: 'purchase' });
    expect(widthsOf(short.fake)).toEqual([140, 90, 90, 160, 90, 75, 80, 90, 185]);
    // "add_to_cart_from_the_recommendations": 18286 thousandths of an em, 244 + 12 = 256 px, capped at 230;
    // I: 1000 - 230 - 675 = 95.
    const long = setup(
      ['Data'],
      [...DATA, ['u2', 'add_to_cart_from_the_recommendations', '2024-03-05 10:00:00']],
    );
    long.run({ dataRange: 'Data!A:C', macroEvent: 'purchase' });
    expect(widthsOf(long.fake)).toEqual([230, 90, 90, 160, 90, 75, 80, 90, 95]);
  });

  it("never writes to the user's own Insights tab: ours gets a suffix", () => {
    const { fake, run } = setup(['Data', 'Insights']);
    fake.spreadsheet.getSheetByName('Insights')!.getRange('A1').setValue('my notes');
    const before = sheetOf(fake, 'Insights');
    expect(run({ dataRange: 'Data!A:C', macroEvent: 'purchase' }).sheet).toBe('Insights (MCF)');
    expect(sheetOf(fake, 'Insights')).toEqual(before);
  });

  it('updates its own tab on a second run, keeping the A/B counts the user typed and one chart', () => {
    const { fake, run } = setup();
    run({ dataRange: 'Data!A:C', macroEvent: 'purchase' });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    sheet.getRange('B5:B9').setValues([[120], [2400], [150], [2380], [0.9]]);
    const second = run({ dataRange: "'Data'!A:C", macroEvent: 'view_item' });
    expect(second).toMatchObject({ sheet: 'Insights', created: false });
    expect(sheet.getRange('B5:B9').getValues().flat()).toEqual([120, 2400, 150, 2380, 0.9]);
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A:C,"view_item")`);
    expect(sheetOf(fake, 'Insights').charts).toHaveLength(1);
    expect(snapshot(fake.spreadsheet).sheets.map((s) => s.name)).toEqual(['Data', 'Insights']);
  });

  it('moves the trend down when the data gains event names, clearing where it was and keeping the user’s cells', () => {
    const { fake, run } = setup();
    run({ dataRange: 'Data!A:C', macroEvent: 'purchase', steps: ['view_item', 'purchase'] });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    sheet.getRange('K30').setValue('my remark');
    // Twelve event names: MICRO_IMPACT needs 12 + 6 = 18 rows (A18:A35), the trend's title goes to A37.
    const names = ['view_item', ...Array.from({ length: 10 }, (_, i) => `extra_${i}`), 'purchase'];
    putData(fake, eventRows(names));
    run({ dataRange: 'Data!A:C', macroEvent: 'purchase', steps: ['view_item', 'purchase'] });
    expect(sheet.getRange('A29').getValue()).toBe('');
    expect(sheet.getRange('A30').getFormula()).toBe('');
    expect(sheet.getRange('A37').getValue()).toMatch(/^Weekly funnel trend/);
    expect(sheet.getRange('A38').getFormula()).toMatch(/^=FUNNEL_TREND\(/);
    expect(sheet.getRange('K30').getValue()).toBe('my remark');
    const charts = sheetOf(fake, 'Insights').charts;
    expect(charts).toHaveLength(1);
    // A38 + 10 rows of trend (A38:A47), a blank row, the chart at row 49.
    expect(charts[0]!.position).toMatchObject({ row: 49, column: 1 });
  });

  it('takes a tab name as the whole tab (columns A to Z at least)', () => {
    const { fake, run } = setup();
    run({ dataRange: 'Data', macroEvent: 'purchase' });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A:Z,"purchase")`);
    // Without steps or a planner, the trend follows the macro alone.
    expect(sheet.getRange('A30').getFormula()).toBe(`=FUNNEL_TREND('Data'!A:Z,{"purchase"},"","week")`);
  });

  it("trends the planner's funnel (milestones, then the macro) when the data has all its steps", () => {
    const { fake, run, ctx } = setup();
    const planned = ctx.createFramework!({ template: 'ecommerce' }) as { steps: string[] };
    expect(planned.steps.length).toBeGreaterThan(1);
    const macro = planned.steps[planned.steps.length - 1]!;
    putData(fake, eventRows(planned.steps));
    const sheet = fake.spreadsheet.getSheetByName(run({ dataRange: 'Data!A:C', macroEvent: macro }).sheet)!;
    const literal = planned.steps.map((s) => `"${s}"`).join(',');
    // One more event name per step: MICRO_IMPACT keeps steps + 6 rows from A18, then a blank row and the title.
    const trendRow = 18 + Math.max(10, planned.steps.length + 6) + 2;
    expect(sheet.getRange(`A${trendRow}`).getFormula()).toBe(
      `=FUNNEL_TREND('Data'!A:C,{${literal}},"","week")`,
    );
  });

  it("refuses, writing nothing, when the planner's steps are not all in the data, saying what the data has", () => {
    const { fake, run, ctx } = setup();
    const planned = ctx.createFramework!({ template: 'ecommerce' }) as { steps: string[] };
    const [first, ...rest] = planned.steps;
    // The data has every step but the first, and a misspelling of it (two letters swapped).
    const typo = `${first!.slice(0, 2)}${first![3]}${first![2]}${first!.slice(4)}`;
    putData(fake, eventRows([typo, ...rest]));
    const before = snapshot(fake.spreadsheet);
    expect(() => run({ dataRange: 'Data!A:C', macroEvent: rest[rest.length - 1] })).toThrow(
      new RegExp(
        `^The funnel's steps are not all in the data \\(${first}: no "${first}" events in the data ` +
          `\\(did you mean "${typo}"\\?\\).*Pick the steps from the data's events.*Nothing was written\\.$`,
      ),
    );
    expect(snapshot(fake.spreadsheet)).toEqual(before);
  });

  it('refuses report rows before writing: what event rows are, where to get them, and the FUNNEL that works', () => {
    const report = [
      ['Event name', 'Event count', 'Total users'],
      ['view_item', 120, 40],
      ['purchase', 12, 9],
    ];
    const { fake, run } = setup(['Data'], report);
    const before = snapshot(fake.spreadsheet);
    let message = '';
    try {
      run({ dataRange: 'Data!A:C', macroEvent: 'purchase', steps: ['view_item', 'purchase'] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^Analyse needs event rows, but 'Data'!A:C holds a report \(columns "Event name" and "Total users"\)/,
    );
    expect(message).toContain("GA4's BigQuery export");
    expect(message).toContain("any tool's raw event export");
    // Hand-written: the planner has no steps here, so the two steps given are the data's; no window.
    expect(message).toContain(`=FUNNEL('Data'!A:C, "view_item, purchase")`);
    expect(message).toMatch(/Nothing was written\.$/);
    expect(snapshot(fake.spreadsheet)).toEqual(before);
  });

  it('refuses a list of one row per lead with checkboxes before writing, with the FUNNEL that works on it', () => {
    const leads = [
      ['Lead', 'Signed up', 'Purchased'],
      ['L1', true, true],
      ['L2', true, false],
    ];
    const { fake, run } = setup(['Data'], leads);
    const before = snapshot(fake.spreadsheet);
    let message = '';
    try {
      run({ dataRange: 'Data!A:C', macroEvent: 'Purchased', steps: ['Signed up', 'Purchased'] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^Analyse needs event rows, but 'Data'!A:C holds one row per lead or session with TRUE\/FALSE columns \("Signed up", "Purchased"\), not one row per event\./,
    );
    expect(message).toContain(`FUNNEL works, without a window: =FUNNEL('Data'!A:C, "Signed up, Purchased").`);
    expect(message).toMatch(/Nothing was written\.$/);
    expect(snapshot(fake.spreadsheet)).toEqual(before);
  });

  it('follows a user who pastes a report, then event rows, then a report again: written once, kept after', () => {
    const report = [
      ['Event name', 'Total users'],
      ['view_item', 40],
      ['purchase', 9],
    ];
    const request = { dataRange: 'Data!A:C', macroEvent: 'purchase', steps: ['view_item', 'purchase'] };
    const { fake, run } = setup(['Data'], report);
    expect(() => run(request)).toThrow(/^Analyse needs event rows/);
    expect(fake.spreadsheet.getSheetByName('Insights')).toBeNull();
    putData(fake, DATA);
    expect(run(request)).toMatchObject({ sheet: 'Insights', created: true });
    fake.spreadsheet
      .getSheetByName('Insights')!
      .getRange('B5:B8')
      .setValues([[12], [400], [18], [410]]);
    const written = sheetOf(fake, 'Insights');
    putData(fake, report);
    expect(() => run(request)).toThrow(/^Analyse needs event rows/);
    // The tab, with the counts the user typed, is exactly as it was.
    expect(sheetOf(fake, 'Insights')).toEqual(written);
  });

  it('refuses an empty Data tab and a macro event the data lacks, writing nothing', () => {
    const { fake, run } = setup(['Data'], [['# Paste your export below this line']]);
    const before = snapshot(fake.spreadsheet);
    expect(() => run({ dataRange: 'Data!A:C', macroEvent: 'purchase' })).toThrow(
      /^'Data'!A:C holds no data yet: paste event rows there first, header row included\. Event rows are/,
    );
    expect(snapshot(fake.spreadsheet)).toEqual(before);
    putData(fake, DATA);
    const withData = snapshot(fake.spreadsheet);
    expect(() => run({ dataRange: 'Data!A:C', macroEvent: 'purchse' })).toThrow(
      /^The macro event "purchse" is not in the data: no "purchse" events in the data \(did you mean "purchase"\?\)/,
    );
    expect(snapshot(fake.spreadsheet)).toEqual(withData);
  });

  it('quotes user text inside formulas and writes it as text elsewhere', () => {
    // Quotes and a comma that would end the formula's string; no leading = (the data cell would be a formula).
    const evil = 'evil"), "x';
    const { fake, run } = setup(['Data'], [...DATA, ['u2', evil, '2024-03-05 10:00:00']]);
    run({ dataRange: 'Data!A:C', macroEvent: evil });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A:C,"evil""), ""x")`);
    expect(sheet.getRange('A17').getFormula()).toBe('');
    expect(sheet.getRange('A17').getValue()).toBe(`Which micro conversions lead to ${evil} (MICRO_IMPACT)`);
  });

  it.each([
    [{ dataRange: 'Nope!A:C', macroEvent: 'purchase' }, /"Nope!A:C" is not a range of this spreadsheet/],
    [{ dataRange: 'Data!A:C', macroEvent: '' }, /Pick the macro conversion event/],
    [{ dataRange: '', macroEvent: 'purchase' }, /Pick the data range/],
    [null, /createInsights needs \{ dataRange, macroEvent \}/],
  ])('rejects %j with a clear message', (request, message) => {
    const { run } = setup();
    expect(() => run(request)).toThrow(message);
  });
});
