import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';
import { loadBundle } from './load-bundle';

const DATA = [
  ['user_pseudo_id', 'event_name', 'event_timestamp'],
  ['u1', 'view_item', '2024-03-04 10:00:00'],
  ['u1', 'purchase', '2024-03-04 11:00:00'],
];

function setup(sheetNames = ['Data']) {
  const fake = createFakeServices({ sheetNames });
  fake.spreadsheet.getSheetByName('Data')!.getRange(1, 1, DATA.length, 3).setValues(DATA);
  const ctx = loadBundle({ ...fake });
  const run = (request: unknown) => ctx.createInsights!(request) as { sheet: string; created: boolean };
  return { fake, run, ctx };
}

const sheetOf = (fake: ReturnType<typeof createFakeServices>, name: string) =>
  snapshot(fake.spreadsheet).sheets.find((s) => s.name === name)!;

describe('createInsights', () => {
  it('writes the AB_TEST block, MICRO_IMPACT, a weekly FUNNEL_TREND and its line chart on a new Insights tab', () => {
    const { fake, run } = setup();
    const result = run({ dataRange: 'Data!A1:C3', macroEvent: 'purchase', steps: ['view_item', 'purchase'] });
    expect(result).toMatchObject({ sheet: 'Insights', created: true });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A1:C3,"purchase")`);
    expect(sheet.getRange('K18').getFormula()).toBe(
      `=FUNNEL_TREND('Data'!A1:C3,{"view_item","purchase"},"","week")`,
    );
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
    const charts = sheetOf(fake, 'Insights').charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]!.type).toBe('LINE');
    // The period column and the conversion column (K + 2 steps + 1 = N) of the trend.
    expect(charts[0]!.ranges).toEqual(['Insights!K18:K548', 'Insights!N18:N548']);
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

  it('takes a tab name as the whole tab (columns A to Z at least)', () => {
    const { fake, run } = setup();
    run({ dataRange: 'Data', macroEvent: 'purchase' });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A:Z,"purchase")`);
    // Without steps, the trend follows the macro alone.
    expect(sheet.getRange('K18').getFormula()).toBe(`=FUNNEL_TREND('Data'!A:Z,{"purchase"},"","week")`);
  });

  it("trends the planner's funnel (milestones, then the macro) when no steps are given", () => {
    const { fake, run, ctx } = setup();
    const planned = ctx.createFramework!({ template: 'ecommerce' }) as { steps: string[] };
    expect(planned.steps.length).toBeGreaterThan(1);
    const macro = planned.steps[planned.steps.length - 1]!;
    const sheet = fake.spreadsheet.getSheetByName(run({ dataRange: 'Data!A:C', macroEvent: macro }).sheet)!;
    const literal = planned.steps.map((s) => `"${s}"`).join(',');
    expect(sheet.getRange('K18').getFormula()).toBe(`=FUNNEL_TREND('Data'!A:C,{${literal}},"","week")`);
  });

  it('quotes user text inside formulas and writes it as text elsewhere', () => {
    const { fake, run } = setup();
    run({ dataRange: 'Data!A:C', macroEvent: '=evil"), "x' });
    const sheet = fake.spreadsheet.getSheetByName('Insights')!;
    expect(sheet.getRange('A18').getFormula()).toBe(`=MICRO_IMPACT('Data'!A:C,"=evil""), ""x")`);
    expect(sheet.getRange('A17').getFormula()).toBe('');
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
