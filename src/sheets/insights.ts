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
import { columnLetters, ensureGrid } from './grid';
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
      const created = !tabs.find('insights');
      const sheet = tabs.ensure('insights');
      saveState(tabs.state);
      const formulas = insightsFormulas(data, macroEvent, steps, window);
      // Grow first: the trend spills one column per step after K, the chart sits beyond it.
      ensureGrid(sheet, LAYOUT.blocksRow + LAYOUT.spillRows, chartColumn(steps.length) + 1);
      writeTab(sheet, data, macroEvent, steps, formulas);
      const chartId = drawTrendChart(sheet, steps.length, tabs.record('insights').chartId);
      tabs.saveRecord({ role: 'insights', ...(chartId !== undefined ? { chartId } : {}) });
      spreadsheet.toast(`Insights written on the ${sheet.getName()} tab.`, 'Micro Conversions');
      return { sheet: sheet.getName(), created, formulas };
    });
  });
}

function writeTab(
  sheet: Sheet,
  data: string,
  macroEvent: string,
  steps: string[],
  formulas: ReturnType<typeof insightsFormulas>,
): void {
  const about =
    `Data: ${data}; macro conversion: ${macroEvent}; weekly funnel: ${steps.join(' → ')}. ` +
    'These are live formulas: they update when the data changes.';
  sheet.getRange(1, 1, 2, 1).setValues([[cellInput('Insights', '')], [cellInput(about, '')]]);
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
  sheet.getRange(2, 1).setFontStyle('italic').setFontColor('#5f6368');

  // A/B test: labels, the user's inputs (kept when already typed), the formula beside them.
  sheet
    .getRange(LAYOUT.abTitleRow, 1)
    .setValue(cellInput('A/B test (type your counts)', ''))
    .setFontWeight('bold');
  const inputs = sheet.getRange(LAYOUT.abInputRow, 2, AB_LABELS.length, 1);
  const typed = inputs.getValues();
  sheet
    .getRange(LAYOUT.abInputRow, 1, AB_LABELS.length, 1)
    .setValues(AB_LABELS.map((l) => [cellInput(l, '')]));
  if (typed[4]![0] === '')
    sheet
      .getRange(LAYOUT.abInputRow + 4, 2)
      .setValue(0.95)
      .setNumberFormat('0%');
  sheet.getRange(LAYOUT.abInputRow, LAYOUT.abFormulaColumn).setFormula(formulas.abTest);

  // The two titles only: the cells between them are the user's.
  sheet
    .getRange(LAYOUT.blocksTitleRow, LAYOUT.microColumn)
    .setValue(cellInput(`Which micro conversions lead to ${macroEvent} (MICRO_IMPACT)`, ''))
    .setFontWeight('bold');
  sheet
    .getRange(LAYOUT.blocksTitleRow, LAYOUT.trendColumn)
    .setValue(cellInput('Weekly funnel trend (FUNNEL_TREND)', ''))
    .setFontWeight('bold');
  sheet.getRange(LAYOUT.blocksRow, LAYOUT.microColumn).setFormula(formulas.microImpact);
  sheet.getRange(LAYOUT.blocksRow, LAYOUT.trendColumn).setFormula(formulas.funnelTrend);

  // Rates as percentages: MICRO_IMPACT's rate and lift columns, the trend's conversion column.
  const body = LAYOUT.blocksRow + 1;
  sheet.getRange(body, LAYOUT.microColumn + 3, LAYOUT.spillRows, 3).setNumberFormat(PERCENT);
  sheet.getRange(body, LAYOUT.trendColumn + steps.length + 1, LAYOUT.spillRows, 1).setNumberFormat(PERCENT);
  sheet.setColumnWidth(LAYOUT.microColumn, 180);
  sheet.setColumnWidth(LAYOUT.trendColumn, 160);
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
