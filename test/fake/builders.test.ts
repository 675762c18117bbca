import { describe, expect, it } from 'vitest';
import { createFakeServices, snapshot } from '../../dev/fake';

function setup() {
  const fake = createFakeServices({ sheetNames: ['Milestones', 'Phases'] });
  const milestones = fake.spreadsheet.getSheetByName('Milestones')!;
  const phases = fake.spreadsheet.getSheetByName('Phases')!;
  return { fake, app: fake.SpreadsheetApp, milestones, phases };
}

describe('data validation', () => {
  it('builds a dropdown from a list and reads its criteria back', () => {
    const { app, milestones } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['High', 'Medium', 'Low'])
      .setAllowInvalid(false)
      .setHelpText('Pick a priority')
      .build();
    milestones.getRange('F2:F4').setDataValidation(rule);
    const read = milestones.getRange('F3').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([['High', 'Medium', 'Low'], true]);
    expect(read.getAllowInvalid()).toBe(false);
    expect(read.getHelpText()).toBe('Pick a priority');
    expect(milestones.getRange('F1').getDataValidation()).toBeNull();
    expect(
      milestones
        .getRange('F1:F2')
        .getDataValidations()
        .map((r) => r[0] === null),
    ).toEqual([true, false]);
  });

  it('counts every builder call', () => {
    const { app, fake, milestones } = setup();
    fake.calls.reset();
    milestones
      .getRange('A2:A9')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 1).build());
    expect(fake.calls.byMethod()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireNumberBetween': 1,
      'Range.setDataValidation': 1,
      'Sheet.getRange': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
  });

  it('builds a dropdown from a range of another sheet', () => {
    const { app, milestones, phases } = setup();
    const rule = app.newDataValidation().requireValueInRange(phases.getRange('A2:A20')).build();
    milestones.getRange('B2').setDataValidation(rule);
    const [source, dropdown] = milestones.getRange('B2').getDataValidation()!.getCriteriaValues() as [
      { getA1Notation(): string; getSheet(): { getName(): string } },
      boolean,
    ];
    expect(source.getSheet().getName()).toBe('Phases');
    expect(source.getA1Notation()).toBe('A2:A20');
    expect(dropdown).toBe(true);
  });

  it('builds number rules and copies them; a rule without criteria cannot be built', () => {
    const { app } = setup();
    const between = app.newDataValidation().requireNumberBetween(0, 1).build();
    expect([between.getCriteriaType(), between.getCriteriaValues()]).toEqual(['NUMBER_BETWEEN', [0, 1]]);
    expect(between.getAllowInvalid()).toBe(true);
    const copy = between.copy().setHelpText('A rate from 0 to 1').build();
    expect(copy.getHelpText()).toBe('A rate from 0 to 1');
    expect(between.getHelpText()).toBeNull();
    expect(() => app.newDataValidation().build()).toThrow(/criteria/);
  });

  it('clears validations with null or clearDataValidations', () => {
    const { app, milestones } = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    milestones.getRange('A1:A2').setDataValidation(rule);
    milestones.getRange('A1').setDataValidation(null);
    milestones.getRange('A2').clearDataValidations();
    expect(milestones.getRange('A1:A2').getDataValidations()).toEqual([[null], [null]]);
  });

  it('rejects objects that are not rules', () => {
    const { milestones } = setup();
    expect(() => milestones.getRange('A1').setDataValidation({} as never)).toThrow(/newDataValidation/);
  });
});

describe('conditional format rules', () => {
  it('stores rules per sheet and reads their conditions back', () => {
    const { app, milestones } = setup();
    const onTrack = app
      .newConditionalFormatRule()
      .whenTextEqualTo('On track')
      .setBackground('#B7E1CD')
      .setFontColor('#0B8043')
      .setRanges([milestones.getRange('H2:H50')])
      .build();
    const low = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.5)
      .setBackground('#F4C7C3')
      .setRanges([milestones.getRange('G2:G50')])
      .build();
    const custom = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$G2<$F2')
      .setBold(true)
      .setRanges([milestones.getRange('A2:H50')])
      .build();
    milestones.setConditionalFormatRules([onTrack, low, custom]);
    const rules = milestones.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    const condition = rules[0]!.getBooleanCondition();
    expect([condition.getCriteriaType(), condition.getCriteriaValues()]).toEqual([
      'TEXT_EQUAL_TO',
      ['On track'],
    ]);
    expect([condition.getBackground(), condition.getFontColor()]).toEqual(['#b7e1cd', '#0b8043']);
    expect(rules[1]!.getBooleanCondition().getCriteriaValues()).toEqual([0.5]);
    expect(rules[2]!.getBooleanCondition().getCriteriaType()).toBe('CUSTOM_FORMULA');
    expect(rules[2]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:H50']);
    // Keeping the user's rules and adding ours is a read, a concat and a write.
    milestones.setConditionalFormatRules([...rules, rules[0]!.copy().whenTextEqualTo('Behind').build()]);
    expect(milestones.getConditionalFormatRules()).toHaveLength(4);
  });

  it('refuses a rule whose ranges are on another sheet', () => {
    const { app, milestones, phases } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([phases.getRange('A1')])
      .build();
    expect(() => milestones.setConditionalFormatRules([rule])).toThrow(/different sheet/);
  });
});

describe('charts', () => {
  it('records an inserted chart as type, ranges, position and options', () => {
    const { fake, milestones } = setup();
    const chart = milestones
      .newChart()
      .setChartType(fake.Charts.ChartType.BAR)
      .addRange(milestones.getRange('A1:B6'))
      .setPosition(2, 5, 10, 0)
      .setOption('title', 'Funnel')
      .setNumHeaders(1)
      .build();
    milestones.insertChart(chart);
    const [stored] = milestones.getCharts();
    expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B6']);
    expect(stored!.getOptions().get('title')).toBe('Funnel');
    expect(stored!.getContainerInfo().getAnchorColumn()).toBe(5);
    expect(snapshot(fake.spreadsheet).sheets[0]!.charts).toEqual([
      {
        id: '1',
        type: 'BAR',
        ranges: ['Milestones!A1:B6'],
        position: { row: 2, column: 5, offsetX: 10, offsetY: 0 },
        options: { title: 'Funnel' },
      },
    ]);
  });

  it('updates a chart in place through modify() and removes it', () => {
    const { milestones } = setup();
    milestones.insertChart(
      milestones.newChart().asColumnChart().addRange(milestones.getRange('A1:B3')).build(),
    );
    const chart = milestones.getCharts()[0]!;
    milestones.updateChart(chart.modify().clearRanges().addRange(milestones.getRange('A1:B9')).build());
    expect(milestones.getCharts()).toHaveLength(1);
    expect(milestones.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe('A1:B9');
    milestones.removeChart(milestones.getCharts()[0]!);
    expect(milestones.getCharts()).toHaveLength(0);
  });

  it('refuses a chart anchored off the grid, on insert and on update', () => {
    const { milestones } = setup();
    const columns = milestones.getMaxColumns();
    const off = milestones
      .newChart()
      .addRange(milestones.getRange('A1:B3'))
      .setPosition(1, columns + 1, 0, 0)
      .build();
    expect(() => milestones.insertChart(off)).toThrow(/outside the sheet's grid/);
    milestones.insertChart(milestones.newChart().addRange(milestones.getRange('A1:B3')).build());
    const [chart] = milestones.getCharts();
    const moved = chart!
      .modify()
      .setPosition(milestones.getMaxRows() + 1, 1, 0, 0)
      .build();
    expect(() => milestones.updateChart(moved)).toThrow(/outside the sheet's grid/);
  });
});

describe('column widths', () => {
  it('records widths by column (100 px until set) and refuses columns outside the grid', () => {
    const { milestones } = setup();
    const columns = milestones.getMaxColumns();
    expect(milestones.getColumnWidth(3)).toBe(100);
    milestones.setColumnWidth(3, 240).setColumnWidths(4, 2, 70);
    expect([3, 4, 5, 6].map((c) => milestones.getColumnWidth(c))).toEqual([240, 70, 70, 100]);
    expect(() => milestones.setColumnWidth(columns + 1, 50)).toThrow('Those columns are out of bounds.');
    expect(() => milestones.setColumnWidths(columns, 2, 50)).toThrow('Those columns are out of bounds.');
    expect(() => milestones.getColumnWidth(0)).toThrow('Those columns are out of bounds.');
    expect(() => milestones.setColumnWidth(1, -5)).toThrow(/width -5/);
  });
});

describe('protections', () => {
  it('protects a sheet once, with a description and warning-only flag', () => {
    const { app, milestones } = setup();
    const protection = milestones.protect().setDescription('Managed by the add-on').setWarningOnly(true);
    expect(protection.getRange().getSheet().getName()).toBe('Milestones');
    expect(milestones.protect().getDescription()).toBe('Managed by the add-on');
    const list = milestones.getProtections(app.ProtectionType.SHEET);
    expect(list.map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual([
      ['Managed by the add-on', true],
    ]);
    expect(milestones.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('protects ranges separately and removes protections', () => {
    const { app, fake, milestones } = setup();
    milestones.getRange('A1:H1').protect().setDescription('Headers');
    expect(
      fake.spreadsheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation()),
    ).toEqual(['A1:H1']);
    milestones.getProtections(app.ProtectionType.RANGE)[0]!.remove();
    expect(milestones.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});
