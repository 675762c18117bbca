/**
 * One way to keep a chart of ours on a tab: found by the id recorded when we inserted it (never by
 * its position among the tab's charts), updated in place; inserted when it is gone. The user's own
 * charts on the tab are never touched. Each chart goes where it is seen: beside its table when
 * both fit the first screen, else under the table.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/**
 * The grid's width seen without scrolling in a 1366-px-wide window with the add-on's 300-px
 * sidebar open, less Sheets' row numbers and scroll bar: a chart further right is hidden.
 */
export const VISIBLE_WIDTH = 1000;
/** Our charts' size in pixels (set as options, so Sheets and the playground draw the same box). */
export const CHART_SIZE = { width: 480, height: 300 } as const;
/** Space between the table and a chart beside it. */
const GAP = 16;

/** A chart's anchor cell (1-based) and its offset in pixels from that cell's top left corner. */
export interface ChartPlace {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

/**
 * Where a chart goes for a table in columns 1..widths.length (their widths in pixels as set) and
 * sheet rows top..bottom: beside it, level with its top, when table and chart fit in
 * VISIBLE_WIDTH; else in column A, one blank row under it.
 */
export function chartPlace(widths: readonly number[], top: number, bottom: number): ChartPlace {
  const tableWidth = widths.reduce((sum, width) => sum + width, 0);
  if (tableWidth + GAP + CHART_SIZE.width <= VISIBLE_WIDTH) {
    return { row: top, column: widths.length + 1, offsetX: GAP, offsetY: 0 };
  }
  return { row: bottom + 2, column: 1, offsetX: 0, offsetY: 0 };
}

/** Sets a builder's place and size. */
export function placeChart(builder: Builder, place: ChartPlace): Builder {
  return builder
    .setPosition(place.row, place.column, place.offsetX, place.offsetY)
    .setOption('width', CHART_SIZE.width)
    .setOption('height', CHART_SIZE.height);
}

/** Updates our chart (or inserts it) with `configure`; returns its id to record. */
export function upsertChart(
  sheet: Sheet,
  chartId: number | undefined,
  configure: (builder: Builder) => Builder,
): number | undefined {
  const charts = sheet.getCharts();
  const ours = chartId === undefined ? undefined : charts.find((chart) => chart.getChartId() === chartId);
  if (ours) {
    sheet.updateChart(configure(ours.modify().clearRanges()).build());
    return chartId;
  }
  const before = new Set(charts.map((chart) => chart.getChartId()));
  sheet.insertChart(configure(sheet.newChart()).build());
  const inserted = sheet.getCharts().find((chart) => !before.has(chart.getChartId()));
  return inserted?.getChartId() ?? undefined;
}
