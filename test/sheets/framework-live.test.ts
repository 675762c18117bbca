/**
 * Issue 13 item 6: the Framework tab is live. Its cells are formulas over the tables' named
 * ranges; the fake does not compute formulas, so their text is checked on the fake and their
 * results with the playground's formula host (the engine `npm start` uses). Expected texts are
 * worked out by hand from fixture.ts (the README's layout of the page).
 */
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../dev/fake/spreadsheet';
import { FormulaHost } from '../../dev/playground/formula-host';
import { REQUEST } from './fixture';
import { plannerOver } from './harness';

/** A planner whose formulas are computed as in the playground. */
function livePlanner() {
  const planner = plannerOver();
  const model = contextOf(planner.fake.spreadsheet).model;
  planner.fake.setFormulaEvaluator(new FormulaHost(model, () => new Map()).evaluate);
  return planner;
}

const tab = (planner: ReturnType<typeof plannerOver>, name: string) =>
  planner.fake.spreadsheet.getSheetByName(name)!;

/** The Framework tab's shown values, rows 1 to 17, columns A and B (B is the summary's value). */
function page(planner: ReturnType<typeof plannerOver>): unknown[][] {
  return tab(planner, 'Framework').getRange('A1:D17').getValues();
}

// The phase columns of fixture.ts: Discover holds View pricing and Download a case study (row
// order), Evaluate holds Watch the demo video; each milestone is "name\nevent · target · owner".
const DISCOVER =
  'View pricing\nview_pricing · target 40% · Web lead\n\nDownload a case study\nfile_download · target 10% · Content lead';
const EVALUATE = 'Watch the demo video\nvideo_start · target 25% · Content lead';

describe('the Framework tab reads the tables live', () => {
  it('shows the framework as the page was laid out before, now computed from the tables', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    const values = page(planner);
    expect(values[0]![0]).toBe('Micro Conversion Framework');
    expect(values[1]![0]).toBe(
      'Macro conversion: Book a demo · event generate_lead · target 3% · value 400 per conversion · owner Sales lead',
    );
    expect(values[3]).toEqual(['Discover', 'Evaluate', '', '']);
    expect(values[4]).toEqual(['I want to know what it does', 'I want proof it works for me', '', '']);
    expect(values[5]).toEqual([DISCOVER, EVALUATE, '', '']);
    expect(values[6]![0]).toBe(''); // nothing left out of the columns above
    expect(values[7]![0]).toBe('Secondary actions');
    expect(values[8]![0]).toBe('Share a page (share)');
    expect(values[10]![0]).toBe('Measurement plan');
    expect(values.slice(11).map((row) => row.slice(0, 2))).toEqual([
      // Milestone events by phase (Discover's two in row order, then Evaluate's), then the macro's.
      ['Funnel steps', 'view_pricing → file_download → video_start → generate_lead'],
      ['Micro conversions', '3 process milestones (1 high, 1 medium, 1 low priority), 1 secondary action'],
      ['Targets set', '4 of 4'],
      ['Owners', 'Sales lead, Web lead, Content lead, Social lead'],
      ['Data sources', 'GA4'],
      // Statuses: Live, Planned, Tracking (milestones) and Planned (the secondary action).
      ['Status', '2 planned, 1 tracking, 1 live'],
    ]);
  });

  it('a milestone renamed in its tab shows on the Framework tab at once, with no planner run', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    const milestones = tab(planner, 'Milestones');
    // Milestones: Phase A, Name B, Event name C...; "View pricing" is row 2.
    milestones.getRange('B2').setValue('See the prices');
    milestones.getRange('C2').setValue('view_prices');
    expect(page(planner)[5]![0]).toBe(
      'See the prices\nview_prices · target 40% · Web lead\n\nDownload a case study\nfile_download · target 10% · Content lead',
    );
    expect(page(planner)[11]![1]).toBe('view_prices → file_download → video_start → generate_lead');
    // A milestone moved to the other phase moves column; a phase renamed renames its column.
    milestones.getRange('A4').setValue('Evaluate');
    tab(planner, 'Phases').getRange('A3').setValue('Compare');
    milestones.getRange('A3').setValue('Compare');
    milestones.getRange('A4').setValue('Compare');
    const values = page(planner);
    expect(values[3]!.slice(0, 2)).toEqual(['Discover', 'Compare']);
    expect(values[5]![0]).toBe('See the prices\nview_prices · target 40% · Web lead');
    expect(values[5]![1]).toBe(
      `${EVALUATE}\n\nDownload a case study\nfile_download · target 10% · Content lead`,
    );
  });

  it('fills only the columns that hold a phase; a phase added by hand shows at once and is filled on the next run', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    // The page is 4 columns wide (MIN_COLUMNS) for the fixture's 2 phases: Discover and Evaluate
    // get the blue title and grey goal; the two spare columns are plain, not empty coloured boxes.
    const BLUE = '#1a73e8';
    const GREY = '#f1f3f4';
    const WHITE = '#ffffff';
    const BLACK = '#000000';
    const fills = () => tab(planner, 'Framework').getRange('A4:D5').getBackgrounds();
    const titleColours = () => tab(planner, 'Framework').getRange('A4:D4').getFontColors()[0];
    expect(fills()).toEqual([
      [BLUE, BLUE, WHITE, WHITE],
      [GREY, GREY, WHITE, WHITE],
    ]);
    expect(titleColours()).toEqual([WHITE, WHITE, BLACK, BLACK]);
    // A third phase inserted in the Phases table shows in the spare column at once, readable
    // (black on white). (A row inserted inside the table grows its named range, as in Sheets.)
    const phases = tab(planner, 'Phases');
    phases.insertRowAfter(2);
    phases.getRange('A3:B3').setValues([['Decide', 'I want a fair price']]);
    expect(page(planner)[3]).toEqual(['Discover', 'Decide', 'Evaluate', '']);
    // The next run with that phase lays it out as a phase.
    const threePhases = {
      ...REQUEST,
      phases: [
        REQUEST.phases[0]!,
        { name: 'Decide', customerGoal: 'I want a fair price' },
        REQUEST.phases[1]!,
      ],
    };
    planner.call('createFramework', threePhases);
    expect(fills()).toEqual([
      [BLUE, BLUE, BLUE, WHITE],
      [GREY, GREY, GREY, WHITE],
    ]);
    expect(titleColours()).toEqual([WHITE, WHITE, WHITE, BLACK]);
    expect(page(planner)[3]).toEqual(['Discover', 'Decide', 'Evaluate', '']);
  });

  it('shows a target that is not a rate as typed, flagged, and says what is left out', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    const milestones = tab(planner, 'Milestones');
    milestones.getRange('E2').setValue(1.5); // typed 150% in the percent cell
    milestones.getRange('E3').setValue('about 10%');
    milestones.getRange('A4').setValue('Nowhere'); // Download a case study: a phase not on the list
    const values = page(planner);
    expect(values[5]![0]).toBe('View pricing\nview_pricing · target 150% (not a rate: see Check) · Web lead');
    expect(values[5]![1]).toBe(
      'Watch the demo video\nvideo_start · target about 10% (not a rate: see Check) · Content lead',
    );
    expect(values[6]![0]).toBe('Milestones in no phase above: Download a case study (Nowhere). ');
  });

  it('says so when a table is empty, rather than showing a blank or an error', () => {
    const planner = livePlanner();
    planner.call('createFramework', { ...REQUEST, secondaryActions: [] });
    // The user clears the Discover milestones' phase and the macro's owner in the sheet.
    tab(planner, 'Milestones').getRange('A2').setValue('Evaluate');
    tab(planner, 'Milestones').getRange('A4').setValue('Evaluate');
    const values = page(planner);
    expect(values[5]![0]).toBe('No milestone yet.');
    expect(values[8]![0]).toBe('None yet.');
    // Every milestone is in Evaluate now, so the steps run in the Milestones tab's row order.
    expect(values.slice(11).map((row) => row[1])).toEqual([
      'view_pricing → video_start → file_download → generate_lead',
      '3 process milestones (1 high, 1 medium, 1 low priority), 0 secondary actions',
      '3 of 3',
      'Sales lead, Web lead, Content lead',
      'GA4',
      '1 planned, 1 tracking, 1 live',
    ]);
    for (const row of values) for (const cell of row) expect(String(cell)).not.toMatch(/^#/);
  });
});

describe('the Framework tab formulas (on the fake)', () => {
  it('reads only the MCF_ named ranges, with functions real Sheets has', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const formulas = tab(planner, 'Framework')
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== '');
    // Title row's merge, macro, 4 titles, 4 goals, 4 milestone cells, the notice, the secondary
    // list, 6 summary values.
    expect(formulas).toHaveLength(1 + 4 + 4 + 4 + 1 + 1 + 6);
    const sheets = ['Macro', 'Phases', 'Milestones', 'Secondary Actions'];
    for (const formula of formulas) {
      expect(formula).toMatch(/MCF_(MacroConversion|Phases|Milestones|SecondaryActions)/);
      for (const name of sheets) expect(formula).not.toContain(`'${name}'!`);
      const functions = [...formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!);
      const known =
        /^(OFFSET|ROWS|INDEX|FILTER|ARRAYFORMULA|TEXTJOIN|UNIQUE|COUNTA|COUNT|COUNTIF|IF|IFERROR|ISNUMBER|ROUND|CHAR|MAX)$/;
      for (const fn of functions) expect(fn).toMatch(known);
    }
    expect(formulas[0]).toBe(
      '="Macro conversion: "&IFERROR(IF(INDEX(MCF_MacroConversion,2,1)="","(not set)",INDEX(MCF_MacroConversion,2,1))' +
        '&IF(INDEX(MCF_MacroConversion,2,2)="",""," · event "&INDEX(MCF_MacroConversion,2,2))' +
        '&IF(INDEX(MCF_MacroConversion,2,4)="","",IF(ISNUMBER(INDEX(MCF_MacroConversion,2,4)),' +
        '" · target "&ROUND(INDEX(MCF_MacroConversion,2,4)*100,1)&"%"&IF((INDEX(MCF_MacroConversion,2,4)<0)+(INDEX(MCF_MacroConversion,2,4)>1)," (not a rate: see Check)",""),' +
        '" · target "&INDEX(MCF_MacroConversion,2,4)&" (not a rate: see Check)"))' +
        '&IF(INDEX(MCF_MacroConversion,2,3)="",""," · value "&INDEX(MCF_MacroConversion,2,3)&" per conversion")' +
        '&IF(INDEX(MCF_MacroConversion,2,5)="",""," · owner "&INDEX(MCF_MacroConversion,2,5)),"(not set)")',
    );
  });

  it('fits one landscape page as print-url.ts prints it (A4 landscape, fit to width)', () => {
    const planner = livePlanner();
    planner.call('createFramework', { template: 'ecommerce' });
    const sheet = tab(planner, 'Framework');
    expect(planner.call<{ url: string }>('getPrintInfo').url).toContain('size=A4&portrait=false&fitw=true');
    // e-commerce: three phases, laid out over the minimum of four columns; 17 rows.
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([17, 4]);
    const widths = [1, 2, 3, 4].map((c) => sheet.getColumnWidth(c));
    const pageWidth = widths.reduce((a, b) => a + b, 0);
    // A4 landscape is 297 x 210 mm; less Sheets' normal margins (0.7 in at the sides, 0.75 in at
    // top and bottom) it prints 261 x 172 mm. Fit to width scales the columns to 261 mm, so one
    // page holds rows up to this many pixels at the sheet's own scale:
    const pageHeight = (pageWidth * 172) / 261;
    // Each cell's height from its shown text: 7 px a character (Arial 10 is about 6 on average),
    // 17 px a line, 21 px at least; the 16 pt title 30 px, the 12 pt macro line 20 px a line.
    const lines = (text: string, px: number) =>
      text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 7) / (px - 6))), 0);
    const values = sheet.getRange('A1:D17').getDisplayValues();
    const full = new Set([1, 2, 7, 8, 9, 11]); // bands merged over the four columns
    const height = values.reduce((sum, row, r) => {
      const n = r + 1;
      if (n === 1) return sum + 30;
      if (n === 2) return sum + lines(row[0]!, pageWidth) * 20;
      const cells = full.has(n)
        ? [lines(row[0]!, pageWidth)]
        : n >= 12
          ? [lines(row[0]!, widths[0]!), lines(row[1]!, pageWidth - widths[0]!)]
          : row.map((text, c) => lines(text, widths[c]!));
      return sum + Math.max(21, Math.max(...cells) * 17);
    }, 0);
    expect(height).toBeLessThanOrEqual(pageHeight);
  });
});
