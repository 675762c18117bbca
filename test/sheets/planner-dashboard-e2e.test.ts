/**
 * End to end: events pasted on the Data tab flow through the Funnel tab's FUNNEL formula into the
 * Dashboard's actual rates and statuses. The formulas are computed by the playground's formula host
 * (the same one `npm start` uses), with FUNNEL from dist/Code.js. Expected figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../dev/fake/spreadsheet';
import { FormulaHost } from '../../dev/playground/formula-host';
import { REQUEST } from './fixture';
import { plannerOver } from './harness';

/** A planner whose formulas are computed as in the playground. */
function livePlanner() {
  const planner = plannerOver();
  const { fake, context } = planner;
  const model = contextOf(fake.spreadsheet).model;
  const host = new FormulaHost(model, () => new Map([['FUNNEL', context.FUNNEL!]]));
  fake.setFormulaEvaluator(host.evaluate);
  return planner;
}

/** Pastes rows at A1 of a tab, padding short rows (a CSV's comment lines) with empty cells. */
function paste(planner: ReturnType<typeof plannerOver>, tab: string, rows: unknown[][]): void {
  const width = Math.max(...rows.map((row) => row.length));
  const padded = rows.map((row) => [...row, ...new Array<unknown>(width - row.length).fill('')]);
  planner.fake.spreadsheet.getSheetByName(tab)!.getRange(1, 1, rows.length, width).setValues(padded);
}

/** Dashboard rows 5 to 8 as [name, target, actual, status]. */
function dashboardRows(planner: ReturnType<typeof plannerOver>): unknown[][] {
  const values = planner.fake.spreadsheet.getSheetByName('Dashboard')!.getRange('A5:G8').getValues();
  return values.map((row) => [row[0], row[4], row[5], row[6]]);
}

describe('Data -> Funnel -> Dashboard', () => {
  it('shows each step rate against its target, and the macro rate on top', () => {
    const planner = livePlanner();
    const milestones = REQUEST.milestones.map((m) => ({ ...m }));
    milestones[1]!.target = 0.8; // video_start
    planner.call('createFramework', { ...REQUEST, milestones });

    // Funnel: view_pricing -> file_download -> video_start -> generate_lead.
    // u1 does all four, u2 the first two, u3 the first, u4 the first three.
    const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 10, minute));
    const events: [string, string, Date][] = [
      ['u1', 'view_pricing', at(0)],
      ['u1', 'file_download', at(1)],
      ['u1', 'video_start', at(2)],
      ['u1', 'generate_lead', at(3)],
      ['u2', 'view_pricing', at(0)],
      ['u2', 'file_download', at(5)],
      ['u3', 'view_pricing', at(0)],
      ['u4', 'view_pricing', at(0)],
      ['u4', 'file_download', at(1)],
      ['u4', 'video_start', at(9)],
    ];
    paste(planner, 'Data', [['user_id', 'event_name', 'event_timestamp'], ...events]);

    const funnel = planner.fake.spreadsheet.getSheetByName('Funnel')!.getRange('A4:G8').getValues();
    expect(funnel[0]![6]).toBe('Notes'); // event rows: paths, no report marker
    expect(funnel.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['view_pricing', 4],
      ['file_download', 3],
      ['video_start', 2],
      ['generate_lead', 1],
    ]);

    const rows = dashboardRows(planner);
    expect(rows[0]).toEqual(['Book a demo', 0.03, 0.25, 'On target']); // 1 of 4 entered
    // The entry step has no previous step to be a share of: no rate, and no status (the planner says why).
    expect(rows[1]).toEqual(['View pricing', 0.4, '', '']);
    expect(rows[2]).toEqual(['Download a case study', 0.1, 0.75, 'On target']); // 3 of 4
    expect(rows[3]![0]).toBe('Watch the demo video');
    expect(rows[3]![1]).toBe(0.8);
    expect(rows[3]![2]).toBeCloseTo(2 / 3, 12); // 2 of 3
    expect(rows[3]![3]).toBe('Below target');
  });

  it('shows every rate of a pasted GA4 report as a warning, a rise above 100% too, never On target', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST); // makes the Data tab
    // A GA4 "Events: Event name" report as a CSV paste puts it: the comment block in column A,
    // then the header row and one row per event, not in funnel order, with an event off the funnel.
    paste(planner, 'Data', [
      ['# ----------------------------------------'],
      ['# Events: Event name'],
      ['# Account: Example Co'],
      ['# Property: Example Co'],
      ['# ----------------------------------------'],
      ['# '],
      ['# All Users'],
      ['# Start date: 20240101'],
      ['# End date: 20240131'],
      ['Event name', 'Event count', 'Total users'],
      ['page_view', 300, 120],
      ['view_pricing', 50, 40],
      ['video_start', 15, 12],
      ['file_download', 12, 10],
      ['generate_lead', 3, 2],
    ]);
    planner.call('createFramework', REQUEST); // run again, as the Data tab's note says after a paste

    const funnel = planner.fake.spreadsheet.getSheetByName('Funnel')!.getRange('A4:G8').getValues();
    expect(funnel[0]![6]).toBe('Notes (report counts, not paths)');
    expect(funnel.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['view_pricing', 40],
      ['file_download', 10],
      ['video_start', 12],
      ['generate_lead', 2],
    ]);

    // The same figures on event rows would read: macro 2/40 = 5% >= 3% On target; file_download
    // 10/40 = 25% >= 10% On target; video_start 12/10 = 120% >= 25% On target. From a report, none is.
    const rows = dashboardRows(planner);
    expect(rows[0]).toEqual(['Book a demo', 0.03, 0.05, 'Warning: not a path: report counts']);
    expect(rows[1]).toEqual(['View pricing', 0.4, '', '']);
    expect(rows[2]).toEqual(['Download a case study', 0.1, 0.25, 'Warning: not a path: report counts']);
    expect(rows[3]).toEqual(['Watch the demo video', 0.25, 1.2, 'Warning: not a path: report counts']);
    expect(rows.map((row) => row[3])).not.toContain('On target');
  });

  it('follows the data: event rows pasted over a report turn the warnings back into statuses', () => {
    const planner = livePlanner();
    planner.call('createFramework', REQUEST);
    paste(planner, 'Data', [
      ['Event name', 'Total users'],
      ['view_pricing', 40],
      ['file_download', 10],
      ['video_start', 12],
      ['generate_lead', 2],
    ]);
    expect(dashboardRows(planner).map((row) => row[3])).toEqual([
      'Warning: not a path: report counts',
      '', // the entry step
      'Warning: not a path: report counts',
      'Warning: not a path: report counts',
    ]);

    // The user replaces the report with event rows (three columns cover the report's two).
    // u1 does all four steps, u2 the first two: macro 1/2 = 50% >= 3%; file_download 2/2 = 100%
    // >= 10%; video_start 1/2 = 50% >= 25%.
    const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 10, minute));
    const sheet = planner.fake.spreadsheet.getSheetByName('Data')!;
    sheet.clear();
    paste(planner, 'Data', [
      ['user_id', 'event_name', 'event_timestamp'],
      ['u1', 'view_pricing', at(0)],
      ['u1', 'file_download', at(1)],
      ['u1', 'video_start', at(2)],
      ['u1', 'generate_lead', at(3)],
      ['u2', 'view_pricing', at(0)],
      ['u2', 'file_download', at(1)],
    ]);
    expect(dashboardRows(planner).map((row) => row[3])).toEqual([
      'On target',
      '', // the entry step
      'On target',
      'On target',
    ]);
  });
});
