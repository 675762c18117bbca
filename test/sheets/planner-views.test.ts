/**
 * Issue 11, items 2, 6, 7, 9 and 10: the views (Funnel, Dashboard, Framework) write only the
 * cells they wrote last time; a run either finishes or writes nothing; the FUNNEL spill gets its
 * room; our tabs stay ours in a copy of the file; FUNNEL reads the Data tab's real columns.
 * Layouts are worked out from tests/sheets/fixture.ts and the README: REQUEST has 2 phases and 3
 * milestones, so the funnel has 4 steps (view_pricing, file_download, video_start,
 * generate_lead): FUNNEL in A4 spills a header and 4 rows (A4:G8); the Dashboard's header is row
 * 4, the macro row 5, the milestones rows 6 to 8; the Framework is 4 columns wide (A to D).
 */
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { makeCopy } from '../../dev/fake/copy';
import { metadataOf } from '../../dev/fake/metadata';
import { declareSpills, funnelSpill, SPILLED } from '../../dev/fake/spills';
import { contextOf } from '../../dev/fake/spreadsheet';
import { REQUEST } from './fixture';
import { type Planner, plannerOver, shownValues } from './harness';

/** The FUNNEL call inside the Funnel tab's guard `=IF(COUNTA(…)<2,"No data yet…",FUNNEL(…))`. */
const funnelCall = (formula: string) => formula.slice(formula.indexOf(',FUNNEL(') + 1, -1);

type Request = typeof REQUEST;

function planned(): Planner {
  const planner = plannerOver();
  planner.call('createFramework', REQUEST);
  return planner;
}

const tab = (planner: Planner, name: string) => planner.fake.spreadsheet.getSheetByName(name)!;

/** REQUEST with more phases (each with no milestone) or more milestones in the first phase. */
function grown(extraPhases: number, extraMilestones = 0): Request {
  const phases = [
    ...REQUEST.phases,
    ...Array.from({ length: extraPhases }, (_, i) => ({
      name: `Phase ${i + 3}`,
      customerGoal: `Goal ${i + 3}`,
    })),
  ];
  const milestones = [
    ...REQUEST.milestones,
    ...Array.from({ length: extraMilestones }, (_, i) => ({
      ...REQUEST.milestones[0]!,
      name: `Extra step ${i + 1}`,
      eventName: `extra_step_${i + 1}`,
    })),
  ];
  return { ...REQUEST, phases, milestones };
}

/** Every formula of a tab, flattened (for counting how often a reference appears). */
function formulasOf(planner: Planner, name: string): string[] {
  const sheet = snapshot(planner.fake.spreadsheet).sheets.find((s) => s.name === name)!;
  return sheet.formulas.flat().filter((f) => f !== '');
}

describe('item 2: a view never overwrites a cell of the user', () => {
  it('keeps a note typed right of the Framework when new phases make it wider', () => {
    const planner = planned();
    const print = tab(planner, 'Framework');
    print.getRange('E3').setValue('ask Sam about phase 3');
    planner.call('createFramework', grown(3)); // 5 phases: the Framework is now 5 columns wide (A to E)
    expect(print.getRange('E3').getValue()).toBe('ask Sam about phase 3');
    // The five phases head their columns, on the row after title, macro and a blank row (row 4).
    expect(shownValues(planner, 'Framework')[3]!.slice(0, 5)).toEqual([
      'Discover',
      'Evaluate',
      'Phase 3',
      'Phase 4',
      'Phase 5',
    ]);
  });

  it('keeps text typed in Funnel!D1 and Dashboard!D1, cells beside the titles that look empty', () => {
    const planner = planned();
    tab(planner, 'Funnel').getRange('D1').setValue('funnel note');
    tab(planner, 'Dashboard').getRange('D1').setValue('dashboard note');
    planner.call('createFramework', REQUEST);
    expect(tab(planner, 'Funnel').getRange('D1').getValue()).toBe('funnel note');
    expect(tab(planner, 'Dashboard').getRange('D1').getValue()).toBe('dashboard note');
    expect(tab(planner, 'Funnel').getRange('A1').getValue()).toBe('Conversion funnel');
  });

  it('keeps a row the user inserted inside the Dashboard block, and shows each milestone once', () => {
    const planner = planned();
    const board = tab(planner, 'Dashboard');
    board.insertRowsAfter(6, 1);
    board.getRange('A7').setValue('my comment on the first milestone');
    planner.call('createFramework', REQUEST);
    expect(board.getRange('A7').getValue()).toBe('my comment on the first milestone');
    // Each milestone's name is a live reference to its row on the Milestones tab (rows 2 to 4).
    const names = formulasOf(planner, 'Dashboard').filter((f) =>
      /^=IF\('Milestones'!\$?[A-Z]+\d+="",""/.test(f),
    );
    const cells = names.map((f) => /'Milestones'!([A-Z]+\d+)/.exec(f)![1]);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells.length).toBe(3 * 5); // name, phase, event, target and owner of each of the 3 milestones
  });

  it("clears what it drew last time when the view shrinks, and nothing of the user's", () => {
    const planner = plannerOver();
    planner.call('createFramework', grown(0, 2)); // 5 milestones: Dashboard rows 6 to 10
    const board = tab(planner, 'Dashboard');
    board.getRange('J9').setValue('beside row 9');
    // Rows are deleted only when named in `removed`.
    planner.call('createFramework', {
      ...REQUEST,
      removed: {
        milestones: [0, 1].map((i) => ({ name: `Extra step ${i + 1}`, eventName: `extra_step_${i + 1}` })),
      },
    });
    expect(board.getRange('J9').getValue()).toBe('beside row 9');
    // 3 milestones: rows 6 to 8; rows 9 and 10 held the removed ones and are blank again.
    expect(
      board
        .getRange('A9:H10')
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(
      board
        .getRange('A9:H10')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });
});

describe('item 6: a run finishes or writes nothing', () => {
  it('draws a view above the cells of a tab of ours that has no record of a drawing yet', () => {
    const planner = planned();
    const funnel = tab(planner, 'Funnel');
    // As if the run that made the tab had stopped before drawing it, and the user then typed in it.
    funnel.getDeveloperMetadata()[0]!.setValue('{"role":"funnel"}');
    funnel.getRange('A1:G12').clear();
    funnel.getRange('A1').setValue('my heading');
    planner.call('createFramework', REQUEST);
    // Every cell of the tab counted as the user's: the 8 rows of the view (title, about, blank, the
    // formula and its 4 steps) were inserted above, so the user's cell is now A9.
    expect(funnel.getRange('A9').getValue()).toBe('my heading');
    expect(funnel.getRange('A4').getFormula()).toMatch(/,FUNNEL\(/);
  });

  it('grows the Funnel tab after the user deleted the empty rows under its block', () => {
    const planner = planned();
    const funnel = tab(planner, 'Funnel');
    funnel.deleteRows(9, funnel.getMaxRows() - 8); // the tab now ends with the last step, row 8
    const result = planner.call<{ steps: string[] }>('createFramework', grown(0, 1)); // 5 steps: A4:G9
    expect(result.steps).toHaveLength(5);
    expect(funnel.getRange('A4').getFormula()).toContain('"extra_step_1"');
    // The Dashboard and the Framework were redrawn too. Steps: view_pricing, file_download,
    // extra_step_1 (all Discover), video_start, generate_lead: the macro's rate is step 5's share of first, C9.
    expect(formulasOf(planner, 'Dashboard').some((f) => f.includes("'Funnel'!C9"))).toBe(true);
    expect(JSON.stringify(shownValues(planner, 'Framework'))).toContain('Extra step 1');
  });

  it('grows a view tab whose columns the user deleted', () => {
    const planner = planned();
    const board = tab(planner, 'Dashboard');
    board.deleteColumns(9, board.getMaxColumns() - 8); // the tab now ends at column H
    planner.call('createFramework', grown(2));
    const print = tab(planner, 'Framework');
    print.deleteColumns(5, print.getMaxColumns() - 4); // A to D: the Framework of 2 phases
    planner.call('createFramework', grown(3)); // 5 phases need column E
    expect(shownValues(planner, 'Framework')[3]!.slice(0, 5)).toEqual([
      'Discover',
      'Evaluate',
      'Phase 3',
      'Phase 4',
      'Phase 5',
    ]);
  });
});

describe('item 7: the FUNNEL spill gets its room', () => {
  it('moves the user cell under the funnel down when the funnel grows, instead of blocking it', () => {
    const planner = planned();
    declareSpills(planner.fake, funnelSpill);
    const funnel = tab(planner, 'Funnel');
    expect(funnel.getRange('A4').getValue()).toBe(SPILLED);
    funnel.getRange('A10').setValue('my total'); // under the spill A4:G8
    planner.call('createFramework', grown(0, 2)); // 6 steps: the spill needs A4:G10
    expect(funnel.getRange('A4').getValue()).toBe(SPILLED);
    expect(funnel.getRange('A10').getValue()).toBe(SPILLED);
    // Two rows were inserted under the old block (after row 8), so the user's cell is now A12.
    expect(funnel.getRange('A12').getValue()).toBe('my total');
  });

  it('says so when a user cell sits inside the spill, and draws the funnel where it can spill', () => {
    const planner = planned();
    declareSpills(planner.fake, funnelSpill);
    const funnel = tab(planner, 'Funnel');
    funnel.getRange('B6').setValue('typed into the table');
    expect(funnel.getRange('A4').getValue()).toBe('#REF!');
    const result = planner.call<{ notes: string[] }>('createFramework', REQUEST);
    expect(funnel.getRange('B6').getValue()).toBe('typed into the table');
    expect(result.notes.join(' ')).toMatch(/Funnel tab was drawn around your cells in row 6/);
    // The formula moved below row 6: rows 7 to 11 hold it and its 4 steps, and it spills.
    expect(funnel.getRange('A7').getFormula()).toMatch(/,FUNNEL\(/);
    expect(funnel.getRange('A7').getValue()).toBe(SPILLED);
    expect(funnel.getRange('A4').getFormula()).toBe('');
    // The Dashboard reads the steps where they now are: the second step's share of previous is D9.
    expect(formulasOf(planner, 'Dashboard').some((f) => f.includes("'Funnel'!D9"))).toBe(true);
  });
});

describe('item 9: ownership survives File > Make a copy', () => {
  it('the copy updates its own tabs instead of adding suffixed ones', () => {
    const planner = planned();
    tab(planner, 'Dashboard').getRange('J2').setValue('mine');
    const before = snapshot(planner.fake.spreadsheet).sheets.map((s) => s.name);
    makeCopy(planner.fake);
    expect(planner.fake.PropertiesService.stores.document.size).toBe(0);
    const result = planner.call<{ created: string[] }>('createFramework', REQUEST);
    expect(result.created).toEqual([]);
    expect(snapshot(planner.fake.spreadsheet).sheets.map((s) => s.name)).toEqual(before);
    expect(tab(planner, 'Dashboard').getRange('J2').getValue()).toBe('mine');
    expect(tab(planner, 'Funnel').getCharts()).toHaveLength(1);
  });
});

describe('item 9: a duplicated tab carries our tag', () => {
  it('after a copy of the file, the original stays ours and the duplicate is left alone', () => {
    const planner = planned();
    const ss = planner.fake.spreadsheet;
    const tag = tab(planner, 'Dashboard').getDeveloperMetadata()[0]!.getValue()!;
    // What Duplicate gives: another tab, first in the tab order here, with the same tag and cells.
    const duplicate = ss.insertSheet('Copy of Dashboard', 0);
    duplicate.addDeveloperMetadata('mcf.tab', tag);
    duplicate.getRange('A1:B2').setValues([
      ['Dashboard', 'my copy'],
      ['kept as it is', ''],
    ]);
    makeCopy(planner.fake);
    planner.call('createFramework', REQUEST);
    expect(duplicate.getRange('A1:B2').getValues()).toEqual([
      ['Dashboard', 'my copy'],
      ['kept as it is', ''],
    ]);
    expect(tab(planner, 'Dashboard').getRange('A4').getValue()).toBe('Conversion');
  });
});

describe('item 9: a spreadsheet from before tabs carried tags', () => {
  it('tags its tabs on the next run, so a copy made afterwards still knows them', () => {
    const planner = planned();
    // As the first versions left it: no tags on the tabs; the ids, the extent of each view and the
    // chart's id in the document property. Extents by hand: Funnel 4 rows (title, about, blank,
    // formula) x 7; Dashboard 8 rows (4 + macro + 3 milestones) x 8; Framework 18 rows (title,
    // macro, blank, phases, goals, 2 milestones deep, blank, 2 bands, blank, band, 6 plan rows) x 4.
    for (const sheet of contextOf(planner.fake.spreadsheet).model.sheets) metadataOf(sheet).length = 0;
    const store = planner.fake.PropertiesService.stores.document;
    const { sheets } = JSON.parse(store.get('mcf.planner')!);
    const extents = {
      funnel: { rows: 4, columns: 7 },
      dashboard: { rows: 8, columns: 8 },
      framework: { rows: 18, columns: 4 },
    };
    store.set('mcf.planner', JSON.stringify({ sheets, extents, chartId: 1 }));
    tab(planner, 'Dashboard').getRange('J2').setValue('mine');
    planner.call('createFramework', REQUEST);
    makeCopy(planner.fake);
    const result = planner.call<{ created: string[] }>('createFramework', REQUEST);
    expect(result.created).toEqual([]);
    expect(tab(planner, 'Dashboard').getRange('J2').getValue()).toBe('mine');
    expect(tab(planner, 'Funnel').getCharts()).toHaveLength(1);
    // Drawn over the old drawing, not beside or below it: the Dashboard's title is still in A1, once.
    const titles = tab(planner, 'Dashboard')
      .getRange('A1:A40')
      .getValues()
      .flat()
      .filter((v) => v === 'Dashboard');
    expect(titles).toEqual(['Dashboard']);
  });
});

describe('item 10: FUNNEL reads the Data tab it needs', () => {
  it('reads A:C once the export fills three columns (not A:Z)', () => {
    const planner = planned();
    tab(planner, 'Data')
      .getRange('A1:C2')
      .setValues([
        ['user_pseudo_id', 'event_name', 'event_timestamp'],
        ['u1', 'view_pricing', '2024-03-01 10:00:00'],
      ]);
    planner.call('createFramework', REQUEST);
    expect(funnelCall(tab(planner, 'Funnel').getRange('A4').getFormula())).toBe(
      `FUNNEL('Data'!A:C, {"view_pricing","file_download","video_start","generate_lead"})`,
    );
    expect(tab(planner, 'Data').getRange('A1').getNote()).toContain('reads columns A:C of this tab');
  });
});

describe('Analyse (createInsights) on the same terms', () => {
  /** Event rows in which u1 does each step, a minute apart: Analyse refuses steps the data lacks. */
  const dataFor = (steps: string[]) => [
    ['user_pseudo_id', 'event_name', 'event_timestamp'],
    ...steps.map((step, i) => ['u1', step, `2024-03-04 10:${String(i).padStart(2, '0')}:00`]),
  ];
  function analysed(steps: string[] = ['view_item', 'purchase']) {
    const planner = plannerOver({ sheetNames: ['Data'] });
    const data = dataFor(steps.includes('purchase') ? steps : [...steps, 'purchase']);
    tab(planner, 'Data').getRange(1, 1, data.length, 3).setValues(data);
    const request = { dataRange: `Data!A1:C${data.length}`, macroEvent: 'purchase', steps };
    planner.call('createInsights', request);
    return { planner, request };
  }

  it('keeps Insights!E17, a cell between its two block titles (item 2)', () => {
    const { planner, request } = analysed();
    tab(planner, 'Insights').getRange('E17').setValue('my remark');
    planner.call('createInsights', request);
    expect(tab(planner, 'Insights').getRange('E17').getValue()).toBe('my remark');
  });

  it('stops before its first write when a cell of the user sits where its label goes (item 2)', () => {
    const { planner, request } = analysed();
    const sheet = tab(planner, 'Insights');
    sheet.getRange('A5').setValue('my own label');
    const before = snapshot(planner.fake.spreadsheet);
    expect(() => planner.call('createInsights', request)).toThrow(
      /Analyse writes its labels and formulas on the Insights tab at A5, and that cell holds something of yours\..*Nothing was written\./,
    );
    expect(snapshot(planner.fake.spreadsheet)).toEqual(before);
  });

  it('writes a trend of 15 steps wider than the tab, and a retry makes no second tab (item 6)', () => {
    // 15 steps: FUNNEL_TREND in column A spills period + 15 counts + conversion + notes = 18 columns, A to R.
    const steps = Array.from({ length: 15 }, (_, i) => `step_${i + 1}`);
    const { planner, request } = analysed(steps);
    const sheet = tab(planner, 'Insights');
    expect(sheet.getMaxColumns()).toBeGreaterThanOrEqual(18);
    planner.call('createInsights', request);
    expect(snapshot(planner.fake.spreadsheet).sheets.map((s) => s.name)).toEqual(['Data', 'Insights']);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  it('keeps a formula the user typed into the Confidence input B9, even one that shows nothing (item 2)', () => {
    // B5:B9 are the A/B inputs the user types into; Analyse fills B9 with 95% only while it is empty.
    // A formula is the user's input whatever it shows: this one shows nothing while C9 is empty.
    const { planner, request } = analysed();
    const sheet = tab(planner, 'Insights');
    sheet.getRange('B9').setFormula('=IF(C9="","",C9/100)').setNote('from the brief');
    planner.call('createInsights', request);
    expect(sheet.getRange('B9').getFormula()).toBe('=IF(C9="","",C9/100)');
    expect(sheet.getRange('B9').getNote()).toBe('from the brief');
  });

  it("leaves the format of a user's cell under the MICRO_IMPACT block alone (item 2)", () => {
    // Analyse shows rates as percentages in D19:F27 (MICRO_IMPACT's rate and lift columns, below
    // its header in row 18). The user's D19 is typed text, bold: a percent format is not theirs.
    // The cells around it still get the percentage format.
    const { planner, request } = analysed();
    const sheet = tab(planner, 'Insights');
    sheet.getRange('D19').clearFormat().setValue('my remark').setFontWeight('bold');
    planner.call('createInsights', request);
    expect(sheet.getRange('D19').getNumberFormat()).not.toBe('0.0%');
    expect(sheet.getRange('D19').getValue()).toBe('my remark');
    expect(sheet.getRange('D20').getNumberFormat()).toBe('0.0%');
    expect(sheet.getRange('E19').getNumberFormat()).toBe('0.0%');
  });

  it('a copy of the file updates its Insights tab instead of adding "Insights (MCF)" (item 9)', () => {
    const { planner, request } = analysed();
    makeCopy(planner.fake);
    planner.call('createInsights', request);
    expect(snapshot(planner.fake.spreadsheet).sheets.map((s) => s.name)).toEqual(['Data', 'Insights']);
    expect(tab(planner, 'Insights').getCharts()).toHaveLength(1);
  });
});
