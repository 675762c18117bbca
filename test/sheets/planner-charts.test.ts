/**
 * Issue 11 item 9, for charts: our chart is the one whose id we recorded at insertion, never the
 * first or last of getCharts() (the fake orders charts by where they sit, as a user moving a chart
 * changes it, not by insertion). A chart the user inserts on our tab is never touched.
 *
 * By hand from the README and the fixture: FUNNEL sits in Funnel!A4 and our bar chart plots its
 * header and one row per step, A4:B8 for the fixture's 4 steps (the macro and 3 milestones), and
 * A4:B9 once a fourth milestone is added. Table (7 columns, over 800 px with its 320-px Notes)
 * and chart (480 px) do not fit side by side in the first screen (1000 px), so the chart sits in
 * column A one blank row under the table: row 10 under A4:G8, row 11 under A4:G9.
 */
import { describe, expect, it } from 'vitest';
import { REQUEST } from './fixture';
import { type Planner, plannerOver } from './harness';

const funnelTab = (planner: Planner) => planner.fake.spreadsheet.getSheetByName('Funnel')!;

/** What identifies a chart's look and place, read through the public API. */
function describeChart(chart: ReturnType<ReturnType<typeof funnelTab>['getCharts']>[number]) {
  const info = chart.getContainerInfo();
  return {
    id: chart.getChartId(),
    ranges: chart.getRanges().map((range) => range.getA1Notation()),
    anchor: [info.getAnchorRow(), info.getAnchorColumn()],
    title: chart.getOptions().get('title'),
  };
}

const withFourthMilestone = {
  ...REQUEST,
  milestones: [
    ...REQUEST.milestones,
    { ...REQUEST.milestones[0]!, name: 'Read a case study', eventName: 'case_study' },
  ],
};

describe('our chart is found by its id, whatever the order of getCharts()', () => {
  it('a chart the user inserted above ours on the Funnel tab stays theirs across runs', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const sheet = funnelTab(planner);
    const [ours] = sheet.getCharts().map(describeChart);
    expect(ours!.ranges).toEqual(['A4:B8']);

    // The user's own pie chart of the same cells, anchored at A1: before ours in any position order.
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(planner.fake.Charts.ChartType.PIE)
        .addRange(sheet.getRange('A4:B8'))
        .setPosition(1, 1, 0, 0)
        .setOption('title', 'My pie')
        .build(),
    );
    const theirs = sheet
      .getCharts()
      .map(describeChart)
      .find((chart) => chart.id !== ours!.id)!;
    expect(theirs.title).toBe('My pie');

    planner.call('createFramework', withFourthMilestone);
    const after = sheet.getCharts().map(describeChart);
    expect(after).toHaveLength(2);
    // Ours follows the new step, theirs is exactly as the user made it.
    expect(ours!.anchor).toEqual([10, 1]);
    expect(after.find((chart) => chart.id === ours!.id)).toEqual({
      ...ours,
      ranges: ['A4:B9'],
      anchor: [11, 1],
    });
    expect(after.find((chart) => chart.id === theirs.id)).toEqual(theirs);

    // Re-run with nothing changed: still two charts, neither replaced.
    planner.call('createFramework', withFourthMilestone);
    expect(sheet.getCharts().map(describeChart)).toEqual(after);
  });

  it('when the user deleted our chart, the planner inserts a new one and leaves theirs', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    const sheet = funnelTab(planner);
    const [ours] = sheet.getCharts();
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('A4:B8'))
        .setPosition(20, 1, 0, 0)
        .setOption('title', 'Mine')
        .build(),
    );
    sheet.removeChart(ours!);
    planner.call('createFramework', REQUEST);
    const titles = sheet.getCharts().map((chart) => chart.getOptions().get('title'));
    // Ours (row 4) sorts before theirs (row 20) by anchor row.
    expect(titles).toEqual(['Funnel: users at each step', 'Mine']);
  });
});
