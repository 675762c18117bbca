/**
 * The Funnel tab: a FUNNEL formula over the Data tab whose steps are the milestones' events in
 * phase order, ending with the macro's event, and a bar chart of its counts. FUNNEL spills a
 * header row and one row per step (label, count, share of first, share of previous, drop-off,
 * drop-off share, notes) from the formula's cell, so the Dashboard can read step k at a fixed row.
 */
import { formulaString, sheetRef } from './cell-input';
import type { View, ViewCell } from './view-writer';

/** Where the formula goes; its header row is this row, step k (0-based) is FUNNEL_ROW + 1 + k. */
export const FUNNEL_ROW = 4;
export const FUNNEL_WIDTH = 7;
/** FUNNEL's columns (1-based) the Dashboard reads. */
export const SHARE_OF_FIRST_COLUMN = 3;
export const SHARE_OF_PREVIOUS_COLUMN = 4;
/** Columns of the Data tab the funnel reads: a fresh tab has A to Z. */
export const DATA_COLUMNS = 'A:Z';

export function stepRow(index: number): number {
  return FUNNEL_ROW + 1 + index;
}

/** `=FUNNEL('Data'!A:Z, {"view_item","add_to_cart","purchase"})`: steps as a row of text literals. */
export function funnelFormula(dataSheet: string, steps: readonly string[]): string {
  return `=FUNNEL(${sheetRef(dataSheet)}!${DATA_COLUMNS}, {${steps.map(formulaString).join(',')}})`;
}

export function funnelView(dataSheet: string, steps: readonly string[]): View {
  const title: ViewCell = { text: 'Conversion funnel', bold: true, size: 14 };
  const about: ViewCell = {
    text:
      steps.length > 0
        ? `Steps: ${steps.join(' → ')}. Paste your analytics export on the ${dataSheet} tab; this table and the chart update by themselves.`
        : 'No steps yet: give the milestones and the macro conversion event names, then run the planner again.',
    italic: true,
    color: '#5f6368',
  };
  const formula: ViewCell = steps.length > 0 ? { formula: funnelFormula(dataSheet, steps) } : { text: '' };
  return {
    cells: [[title], [about], [], [formula, {}, {}, {}, {}, {}, {}]],
    merges: [],
    columnWidth: 130,
  };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The bar chart of the step counts, next to the table. Our chart is found by the id we stored;
 * the user's own charts on the tab are left alone. Returns the chart's id.
 */
export function drawFunnelChart(
  sheet: Sheet,
  stepCount: number,
  chartId: number | undefined,
): number | undefined {
  if (stepCount === 0) return chartId;
  const data = sheet.getRange(FUNNEL_ROW, 1, stepCount + 1, 2);
  const ours = sheet.getCharts().find((chart) => chartId !== undefined && chart.getChartId() === chartId);
  const builder = (ours ? ours.modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.BAR)
    .addRange(data)
    .setNumHeaders(1)
    .setPosition(FUNNEL_ROW, FUNNEL_WIDTH + 2, 0, 0)
    .setOption('title', 'Funnel: users at each step')
    .setOption('legend', { position: 'none' });
  if (ours) {
    sheet.updateChart(builder.build());
    return chartId;
  }
  sheet.insertChart(builder.build());
  const inserted = sheet.getCharts();
  return inserted[inserted.length - 1]?.getChartId() ?? undefined;
}
