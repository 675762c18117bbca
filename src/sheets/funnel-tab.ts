/**
 * The Funnel tab: a FUNNEL formula over the Data tab whose steps are the milestones' events in
 * phase order, ending with the macro's event, and a bar chart of its counts. FUNNEL spills a
 * header row and one row per step (label, count, share of first, share of previous, drop-off,
 * drop-off share, notes) from the formula's cell: the view keeps those cells free and formats
 * them for reading (shares as percentages, counts with thousands separators). The formula may
 * move down past the user's cells, so the Dashboard reads step k relative to the row where it
 * landed.
 *
 * Until the Data tab holds a header and a row, the formula shows what to do instead of FUNNEL's
 * error (a guard around it, so no run of the planner is needed once data is pasted): a new tab
 * never opens on #ERROR!, and the Dashboard reads "No data".
 */
import { REPORT_NOTES_HEADER } from '../core/funnel/layout';
import { formulaString, sheetRef } from './cell-input';
import { chartPlace, placeChart, upsertChart } from './charts';
import { RULES, sizeColumn } from './column-sizing';
import { ensureGrid } from './grid';
import type { TabRecord } from './tab-registry';
import { drawView, type View, type ViewCell } from './view-writer';

/** The view's row of the formula; its header row is this row, step k (0-based) is the next row + k. */
export const FUNNEL_ROW = 4;
export const FUNNEL_WIDTH = 7;
/** FUNNEL's columns (1-based) the Dashboard reads; the share columns are percentages. */
export const SHARE_OF_FIRST_COLUMN = 3;
export const SHARE_OF_PREVIOUS_COLUMN = 4;
/** FUNNEL's last column: its header says when the counts are a report's (see REPORT_NOTES_HEADER). */
export const NOTES_COLUMN = FUNNEL_WIDTH;
const DROP_OFF_SHARE_COLUMN = 6;
export const PERCENT_COLUMNS = [SHARE_OF_FIRST_COLUMN, SHARE_OF_PREVIOUS_COLUMN, DROP_OFF_SHARE_COLUMN];
/** The count and drop-off columns: whole numbers of users, sessions or events. */
export const COUNT_COLUMNS = [2, 5];
export const PERCENT = '0.0%';
export const COUNT = '#,##0';

/** What the formula shows while the Data tab has no row under a header. */
export function waitingForData(dataSheet: string): string {
  return `No data yet: paste your analytics export into the ${dataSheet} tab, header row first.`;
}

/** The sheet row of step `index` (0-based) when the formula sits on sheet row `formulaRow`. */
export function stepRow(index: number, formulaRow = FUNNEL_ROW): number {
  return formulaRow + 1 + index;
}

/**
 * `=IF(COUNTA('Data'!A:A)<2,"No data yet…",FUNNEL('Data'!A:C, {"view_item","purchase"}))`: the
 * steps as a row of text literals, FUNNEL computed only once column A holds a header and a row.
 */
export function funnelFormula(dataSheet: string, dataColumns: string, steps: readonly string[]): string {
  const data = sheetRef(dataSheet);
  const funnel = `FUNNEL(${data}!${dataColumns}, {${steps.map(formulaString).join(',')}})`;
  return `=IF(COUNTA(${data}!A:A)<2,${formulaString(waitingForData(dataSheet))},${funnel})`;
}

/** FUNNEL's header texts and the widest values each of its columns shows, to size the columns by. */
function funnelColumnTexts(steps: readonly string[]): { header: string[]; values: string[] }[] {
  const count = ['Users', 'Sessions', 'Events'];
  const share = ['100.0%'];
  const many = ['1,000,000'];
  return [
    { header: ['Step'], values: [...steps] },
    { header: count, values: many },
    { header: ['Share of first step'], values: share },
    { header: ['Share of previous step'], values: share },
    { header: ['Drop-off'], values: many },
    { header: ['Drop-off share'], values: share },
    { header: ['Notes', REPORT_NOTES_HEADER], values: [] },
  ];
}

/** Notes are sentences ("no "purchse" events in the data (did you mean…"): a wide column that wraps. */
const NOTES_RULE = { min: 320, max: 320 };

/** Each column's width and wrap. */
export function funnelColumns(steps: readonly string[]) {
  return funnelColumnTexts(steps).map(({ header, values }, c) => {
    const texts = [...header.map((text) => ({ text, bold: true })), ...values.map((text) => ({ text }))];
    if (c + 1 === NOTES_COLUMN) return { width: NOTES_RULE.min, wrap: true };
    return sizeColumn(texts, c === 0 ? RULES.text : RULES.number);
  });
}

const HEADER_STYLE = { bold: true, background: '#e8f0fe' } as const;

export function funnelView(dataSheet: string, dataColumns: string, steps: readonly string[]): View {
  const title: ViewCell = { text: 'Conversion funnel', bold: true, size: 14 };
  const about: ViewCell = {
    text:
      steps.length > 0
        ? `Steps: ${steps.join(' → ')} (read from the ${dataSheet} tab).`
        : 'No steps yet: give the milestones and the macro conversion event names, then run the planner again.',
    italic: true,
    color: '#5f6368',
  };
  if (steps.length === 0) return { cells: [[title], [about]], merges: [], columnWidth: 130 };
  const columns = funnelColumns(steps);
  // The header row: the formula, wrapped so that its guard's sentence shows whole in column A
  // (not only where Sheets lets text overflow into empty cells), then FUNNEL's header cells,
  // wrapped where a column is narrower than its header.
  const header: ViewCell[] = columns.map((column, c) =>
    c === 0
      ? { formula: funnelFormula(dataSheet, dataColumns, steps), ...HEADER_STYLE, wrap: true }
      : { ...HEADER_STYLE, wrap: column.wrap },
  );
  const formatOf = (column: number) =>
    PERCENT_COLUMNS.includes(column) ? PERCENT : COUNT_COLUMNS.includes(column) ? COUNT : undefined;
  const stepCells = steps.map(() =>
    columns.map((column, c): ViewCell => {
      const format = formatOf(c + 1);
      return { ...(format ? { format } : {}), ...(column.wrap ? { wrap: true } : {}) };
    }),
  );
  return {
    cells: [[title], [about], [], header, ...stepCells],
    merges: [],
    columnWidth: columns.map((column) => column.width),
    spills: [{ row: FUNNEL_ROW, column: 1, rows: steps.length + 1, columns: FUNNEL_WIDTH }],
  };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The bar chart of the step counts (the header row included), beside or under the table as
 * chartPlace decides from the widths the columns got; returns its id.
 */
export function drawFunnelChart(
  sheet: Sheet,
  stepCount: number,
  formulaRow: number,
  widths: readonly number[],
  chartId: number | undefined,
): number | undefined {
  if (stepCount === 0) return chartId;
  const data = sheet.getRange(formulaRow, 1, stepCount + 1, 2);
  const place = chartPlace(widths.slice(0, FUNNEL_WIDTH), formulaRow, formulaRow + stepCount);
  ensureGrid(sheet, place.row, place.column);
  return upsertChart(sheet, chartId, (builder) =>
    placeChart(
      builder
        .setChartType(Charts.ChartType.BAR)
        .addRange(data)
        .setNumHeaders(1)
        .setOption('title', 'Funnel: users at each step')
        .setOption('legend', { position: 'none' }),
      place,
    ),
  );
}

/** Draws the whole Funnel tab: the view, its chart; returns its record and where the formula landed. */
export function drawFunnelTab(
  sheet: Sheet,
  tab: string,
  data: { sheet: string; columns: string },
  steps: readonly string[],
  previous: TabRecord,
): { record: TabRecord; formulaRow: number; notes: string[] } {
  const drawn = drawView(sheet, funnelView(data.sheet, data.columns, steps), previous.drawing, tab);
  const formulaRow = drawn.rowOf(FUNNEL_ROW);
  const chartId = drawFunnelChart(sheet, steps.length, formulaRow, drawn.widths, previous.chartId);
  return {
    record: { role: 'funnel', drawing: drawn.drawing, ...(chartId !== undefined ? { chartId } : {}) },
    formulaRow,
    notes: drawn.notes,
  };
}
