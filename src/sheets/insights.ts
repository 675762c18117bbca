/**
 * createInsights: the sidebar's "Analyse" step. Writes onto our Insights tab an A/B test block
 * (input cells and an AB_TEST formula), MICRO_IMPACT over the user's data and a weekly
 * FUNNEL_TREND with a line chart of its conversion. Everything is a live formula, so the tab
 * follows the data. The tab is ours as every tab we make is (tab-registry.ts: a developer-metadata
 * tag, so a copy of the file keeps it): a user's own tab named "Insights" is never written to (ours
 * becomes "Insights (MCF)"); on a second run ours is updated in place, the numbers the user typed
 * into the A/B inputs are kept, and only the cells that hold our labels and formulas are written.
 */
import { UserError, withUserErrors } from '../core/errors';
import { funnelSteps } from '../core/framework';
import { cellInput, formulaString, sheetRef } from './cell-input';
import { upsertChart } from './charts';
import { withDocumentLock } from './document-lock';
import { type Drawing, fingerprint } from './drawing';
import { cellA1, columnLetters, ensureGrid } from './grid';
import { readFramework } from './planner';
import { readState, saveState, Tabs } from './tab-registry';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface InsightsRequest {
  /** The data, as A1 notation with its tab: "Data!A1:D50000", "'My export'!A:D" or a tab name. */
  dataRange: string;
  macroEvent: string;
  /**
   * The funnel for the weekly trend; default: the planner's milestones (in phase order) then the
   * macro event, when the spreadsheet has a framework; else the macro event alone.
   */
  steps?: string[] | string;
  /** Conversion window for the trend, as FUNNEL takes it ("7d", "2h"); default none. */
  window?: string;
}

export interface InsightsResult {
  sheet: string;
  created: boolean;
  /** The formulas written, by what they compute. */
  formulas: { abTest: string; microImpact: string; funnelTrend: string };
}

export const INSIGHTS_PROPERTY = 'mcf.insights';
export const INSIGHTS_BASE_NAME = 'Insights';

/** Where each block goes (1-based rows and columns). */
export const LAYOUT = {
  abTitleRow: 4,
  abInputRow: 5,
  abFormulaColumn: 4,
  blocksTitleRow: 17,
  blocksRow: 18,
  microColumn: 1,
  trendColumn: 11,
  /** Rows the chart and number formats cover below a spilling formula (ten years of weeks). */
  spillRows: 530,
} as const;

const AB_LABELS = ['Conversions A', 'Visitors A', 'Conversions B', 'Visitors B', 'Confidence'];
const PERCENT = '0.0%';

/** The tab's id as the first versions kept it (before tabs carried tags). */
function legacySheetId(): number | undefined {
  try {
    const raw: unknown = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(INSIGHTS_PROPERTY) ?? '{}',
    );
    const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).sheetId : undefined;
    return typeof id === 'number' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The request's fields, checked: they come from the sidebar (or a script) as plain JSON. */
export function readRequest(request: unknown): Required<Pick<InsightsRequest, 'dataRange' | 'macroEvent'>> & {
  steps: string[];
  window: string;
} {
  if (typeof request !== 'object' || request === null) {
    throw new UserError(
      'createInsights needs { dataRange, macroEvent }, e.g. { dataRange: "Data!A:D", macroEvent: "purchase" }.',
    );
  }
  const r = request as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const dataRange = text(r.dataRange);
  const macroEvent = text(r.macroEvent);
  if (dataRange === '')
    throw new UserError('Pick the data range: the exported rows with their header row, e.g. Data!A1:D50000.');
  if (macroEvent === '') throw new UserError('Pick the macro conversion event, e.g. purchase.');
  const rawSteps = Array.isArray(r.steps) ? r.steps.map(text) : text(r.steps).split(',');
  const steps = rawSteps.map((s) => s.trim()).filter((s) => s !== '');
  return { dataRange, macroEvent, steps, window: text(r.window) };
}

/** The planner's funnel (milestone events in phase order) ending with this macro; [macro] without one. */
function frameworkSteps(macroEvent: string): string[] {
  let framework: ReturnType<typeof readFramework> = null;
  try {
    framework = readFramework();
  } catch {
    framework = null;
  }
  if (!framework) return [macroEvent];
  const milestones = funnelSteps(framework).filter((step) => step !== framework.macro?.eventName?.trim());
  return [...milestones.filter((step) => step !== macroEvent), macroEvent];
}

/** The data range as a formula reference ('Tab'!A1:D9), checked against the spreadsheet. */
export function dataReference(spreadsheet: Spreadsheet, dataRange: string): string {
  const bare = dataRange.replace(/^=/, '').trim();
  const wholeTab = spreadsheet.getSheetByName(bare.replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
  if (wholeTab && !bare.includes('!'))
    return `${sheetRef(wholeTab.getName())}!A:${columnLetters(Math.max(26, wholeTab.getLastColumn()))}`;
  const bang = bare.lastIndexOf('!');
  const a1 = bang >= 0 ? bare.slice(bang + 1) : '';
  let range: GoogleAppsScript.Spreadsheet.Range | undefined;
  try {
    range =
      bang > 0 && /^\$?[A-Za-z]{1,3}\$?\d*(:\$?[A-Za-z]{1,3}\$?\d*)?$/.test(a1)
        ? spreadsheet.getRange(bare)
        : undefined;
  } catch {
    range = undefined;
  }
  if (!range) {
    throw new UserError(
      `"${dataRange}" is not a range of this spreadsheet: write the tab and the cells, e.g. Data!A1:D50000 or 'My export'!A:D.`,
    );
  }
  return `${sheetRef(range.getSheet().getName())}!${a1.toUpperCase()}`;
}

/** The three formulas, as Sheets' formula text (English separators, as Apps Script writes them). */
export function insightsFormulas(data: string, macroEvent: string, steps: string[], window: string) {
  const inputs = AB_LABELS.map((_, i) => `${columnLetters(2)}${LAYOUT.abInputRow + i}`);
  const counts = inputs.slice(0, 4);
  return {
    abTest:
      `=IF(COUNT(${counts.join(',')})<4,"Type the four counts in ${counts[0]}:${counts[3]}",` +
      `AB_TEST(${inputs.join(',')}))`,
    microImpact: `=MICRO_IMPACT(${data},${formulaString(macroEvent)})`,
    funnelTrend: `=FUNNEL_TREND(${data},{${steps.map(formulaString).join(',')}},${formulaString(window)},"week")`,
  };
}

export function createInsights(request: unknown): InsightsResult {
  return withUserErrors('createInsights', () => {
    const { dataRange, macroEvent, steps: given, window } = readRequest(request);
    const steps = given.length ? given : frameworkSteps(macroEvent);
    return withDocumentLock('Insights run', () => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const data = dataReference(spreadsheet, dataRange);
      const state = readState();
      const legacy = legacySheetId();
      if (state.sheets.insights === undefined && legacy !== undefined) state.sheets.insights = legacy;
      const tabs = new Tabs(spreadsheet, state);
      const existing = tabs.find('insights');
      const created = !existing;
      const about = aboutText(data, macroEvent, steps);
      const formulas = insightsFormulas(data, macroEvent, steps, window);
      const cells = ourCells(macroEvent, about, formulas);
      // Checked before anything is written: a cell of the user's where ours go stops the run.
      if (existing) refuseCellsInTheWay(existing, cells, tabs.record('insights').drawing);
      const sheet = tabs.ensure('insights');
      saveState(tabs.state);
      // Grow first: the trend spills one column per step after K, the chart sits beyond it.
      ensureGrid(sheet, LAYOUT.blocksRow + LAYOUT.spillRows, chartColumn(steps.length) + 1);
      writeTab(sheet, cells, steps);
      const chartId = drawTrendChart(sheet, steps.length, tabs.record('insights').chartId);
      tabs.saveRecord({
        role: 'insights',
        drawing: recordOf(cells),
        ...(chartId !== undefined ? { chartId } : {}),
      });
      spreadsheet.toast(`Insights written on the ${sheet.getName()} tab.`, 'Micro Conversions');
      return { sheet: sheet.getName(), created, formulas };
    });
  });
}

function aboutText(data: string, macroEvent: string, steps: string[]): string {
  return (
    `Data: ${data}; macro conversion: ${macroEvent}; weekly funnel: ${steps.join(' → ')}. ` +
    'These are live formulas: they update when the data changes.'
  );
}

/** A cell Analyse writes: a label (text) or one of its formulas, and how it looks. */
interface OurCell {
  row: number;
  column: number;
  text?: string;
  formula?: string;
  style?: 'title' | 'about' | 'heading';
}

/** Every cell Analyse writes (the A/B inputs in column B are the user's, not listed). */
function ourCells(
  macroEvent: string,
  about: string,
  formulas: ReturnType<typeof insightsFormulas>,
): OurCell[] {
  return [
    { row: 1, column: 1, text: 'Insights', style: 'title' },
    { row: 2, column: 1, text: about, style: 'about' },
    { row: LAYOUT.abTitleRow, column: 1, text: 'A/B test (type your counts)', style: 'heading' },
    ...AB_LABELS.map((text, i): OurCell => ({ row: LAYOUT.abInputRow + i, column: 1, text })),
    { row: LAYOUT.abInputRow, column: LAYOUT.abFormulaColumn, formula: formulas.abTest },
    {
      row: LAYOUT.blocksTitleRow,
      column: LAYOUT.microColumn,
      text: `Which micro conversions lead to ${macroEvent} (MICRO_IMPACT)`,
      style: 'heading',
    },
    {
      row: LAYOUT.blocksTitleRow,
      column: LAYOUT.trendColumn,
      text: 'Weekly funnel trend (FUNNEL_TREND)',
      style: 'heading',
    },
    { row: LAYOUT.blocksRow, column: LAYOUT.microColumn, formula: formulas.microImpact },
    { row: LAYOUT.blocksRow, column: LAYOUT.trendColumn, formula: formulas.funnelTrend },
  ];
}

const printOf = (cell: OurCell) => fingerprint(cell.formula ?? cell.text ?? '', '');

/** What we wrote, by row and column, so the next run knows these cells as ours. */
function recordOf(cells: OurCell[]): Drawing {
  const rows: Record<string, string>[] = Array.from({ length: LAYOUT.blocksRow }, () => ({}));
  for (const cell of cells) rows[cell.row - 1]![cell.column] = printOf(cell);
  return { rows, width: LAYOUT.trendColumn, spills: [] };
}

/**
 * Stops the run when a cell of the user's (a value, formula or note we did not write) sits where
 * one of ours goes. Without a record (a tab from before records were kept) our cells are ours.
 */
function refuseCellsInTheWay(sheet: Sheet, cells: OurCell[], previous: Drawing | undefined): void {
  if (!previous) return;
  const rows = Math.min(LAYOUT.blocksRow, sheet.getMaxRows());
  const columns = Math.min(LAYOUT.trendColumn, sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const inTheWay = cells.filter((cell) => {
    if (cell.row > rows || cell.column > columns) return false;
    const value = values[cell.row - 1]![cell.column - 1];
    const formula = formulas[cell.row - 1]![cell.column - 1]!;
    const note = notes[cell.row - 1]![cell.column - 1]!;
    const print = fingerprint(value, formula);
    if (note !== '') return true;
    return print !== '' && print !== printOf(cell) && print !== previous.rows[cell.row - 1]?.[cell.column];
  });
  if (inTheWay.length > 0) throw new UserError(cellsInTheWay(sheet.getName(), inTheWay));
}

/** The message when the user's cells hold places Analyse writes to. */
export function cellsInTheWay(tab: string, cells: { row: number; column: number }[]): string {
  const a1 = cells.map((cell) => cellA1(cell.row, cell.column)).join(', ');
  return `Analyse writes its labels and formulas on the ${tab} tab at ${a1}, and ${cells.length === 1 ? 'that cell holds' : 'those cells hold'} something of yours. Move ${cells.length === 1 ? 'it' : 'them'} elsewhere (or delete the ${tab} tab to start afresh), then run Analyse again. Nothing was written.`;
}

function writeTab(sheet: Sheet, cells: OurCell[], steps: string[]): void {
  // Rates as percentages: MICRO_IMPACT's rate and lift columns, the trend's conversion column;
  // read before our formulas are written, so what the user typed there keeps its format.
  const body = LAYOUT.blocksRow + 1;
  const percentCells = [
    ...emptyRuns(sheet.getRange(body, LAYOUT.microColumn + 3, LAYOUT.spillRows, 3)),
    ...emptyRuns(sheet.getRange(body, LAYOUT.trendColumn + steps.length + 1, LAYOUT.spillRows, 1)),
  ];
  for (const cell of cells) {
    const range = sheet.getRange(cell.row, cell.column);
    if (cell.formula !== undefined) range.setFormula(cell.formula);
    else range.setValue(cellInput(cell.text ?? '', ''));
    if (cell.style === 'title') range.setFontWeight('bold').setFontSize(14);
    if (cell.style === 'about') range.setFontStyle('italic').setFontColor('#5f6368');
    if (cell.style === 'heading') range.setFontWeight('bold');
  }
  // The confidence defaults to 95% until the user types their own; a formula is theirs even when
  // it shows nothing (its value reads as '').
  const confidence = sheet.getRange(LAYOUT.abInputRow + 4, 2);
  if (confidence.getFormula() === '' && confidence.getValue() === '')
    confidence.setValue(0.95).setNumberFormat('0%');

  for (const run of percentCells) sheet.getRange(run).setNumberFormat(PERCENT);
  sheet.setColumnWidth(LAYOUT.microColumn, 180);
  sheet.setColumnWidth(LAYOUT.trendColumn, 160);
}

/** The range's cells that hold no value or formula, as A1 runs down each column. */
function emptyRuns(range: GoogleAppsScript.Spreadsheet.Range): string[] {
  const values = range.getValues();
  const formulas = range.getFormulas();
  const [top, left] = [range.getRow(), range.getColumn()];
  const runs: string[] = [];
  for (let c = 0; c < range.getNumColumns(); c++) {
    let start = -1;
    for (let r = 0; r <= values.length; r++) {
      const empty = r < values.length && values[r]![c] === '' && formulas[r]![c] === '';
      if (empty && start < 0) start = r;
      if (!empty && start >= 0) {
        runs.push(`${cellA1(top + start, left + c)}:${cellA1(top + r - 1, left + c)}`);
        start = -1;
      }
    }
  }
  return runs;
}

/** The chart's column: two columns right of the trend's last (conversion) column. */
function chartColumn(stepCount: number): number {
  return LAYOUT.trendColumn + stepCount + 3;
}

/** A line chart of the weekly conversion beside the trend; ours is found by its recorded id. */
function drawTrendChart(sheet: Sheet, stepCount: number, chartId: number | undefined): number | undefined {
  const rows = LAYOUT.spillRows + 1;
  const periods = sheet.getRange(LAYOUT.blocksRow, LAYOUT.trendColumn, rows, 1);
  const conversion = sheet.getRange(LAYOUT.blocksRow, LAYOUT.trendColumn + stepCount + 1, rows, 1);
  return upsertChart(sheet, chartId, (builder) =>
    builder
      .setChartType(Charts.ChartType.LINE)
      .addRange(periods)
      .addRange(conversion)
      .setNumHeaders(1)
      .setPosition(LAYOUT.blocksTitleRow, chartColumn(stepCount), 0, 0)
      .setOption('title', 'Weekly conversion, first step to last')
      .setOption('legend', { position: 'none' })
      .setOption('vAxis', { format: 'percent' }),
  );
}
