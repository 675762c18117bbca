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

describe('Data -> Funnel -> Dashboard', () => {
  it('shows each step rate against its target, and the macro rate on top', () => {
    const planner = plannerOver();
    const { fake, context } = planner;
    const model = contextOf(fake.spreadsheet).model;
    const host = new FormulaHost(model, () => new Map([['FUNNEL', context.FUNNEL!]]));
    fake.setFormulaEvaluator(host.evaluate);

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
    const data = fake.spreadsheet.getSheetByName('Data')!;
    data
      .getRange(1, 1, events.length + 1, 3)
      .setValues([['user_id', 'event_name', 'event_timestamp'], ...events]);

    const funnel = fake.spreadsheet.getSheetByName('Funnel')!.getRange('A5:D8').getValues();
    expect(funnel.map((row) => row.slice(0, 2))).toEqual([
      ['view_pricing', 4],
      ['file_download', 3],
      ['video_start', 2],
      ['generate_lead', 1],
    ]);

    const dashboard = fake.spreadsheet.getSheetByName('Dashboard')!.getRange('A5:G8').getValues();
    const rows = dashboard.map((row) => [row[0], row[4], row[5], row[6]]);
    expect(rows[0]).toEqual(['Book a demo', 0.03, 0.25, 'On target']); // 1 of 4 entered
    expect(rows[1]).toEqual(['View pricing', 0.4, '', 'Entry step']); // no previous step to be a share of
    expect(rows[2]).toEqual(['Download a case study', 0.1, 0.75, 'On target']); // 3 of 4
    expect(rows[3]![0]).toBe('Watch the demo video');
    expect(rows[3]![1]).toBe(0.8);
    expect(rows[3]![2]).toBeCloseTo(2 / 3, 12); // 2 of 3
    expect(rows[3]![3]).toBe('Below target');
  });
});
