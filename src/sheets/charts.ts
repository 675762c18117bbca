/**
 * One way to keep a chart of ours on a tab: found by the id recorded when we inserted it (never by
 * its position among the tab's charts), updated in place; inserted when it is gone. The user's own
 * charts on the tab are never touched.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

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
