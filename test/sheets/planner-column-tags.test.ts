/**
 * Issue 11 item 9, for the tables: the planner's columns carry developer metadata, so a column
 * whose header the user renamed (or that the user moved) stays ours, also in a copy of the file;
 * spreadsheets made before the tags are still read by header text and get tagged.
 *
 * Expected layouts are worked out by hand from the README: the Milestones tab's header row is
 * Phase, Name, Event name, Metric, Target, Owner, Priority, Data source, Status (A to I), and the
 * fixture's first milestone (View pricing, owner "Web lead") is row 2.
 */
import { describe, expect, it } from 'vitest';
import { makeCopy } from '../../dev/fake/copy';
import { metadataOf } from '../../dev/fake/metadata';
import { contextOf } from '../../dev/fake/spreadsheet';
import { REQUEST } from './fixture';
import { type Planner, plannerOver } from './harness';

const milestonesTab = (planner: Planner) => planner.fake.spreadsheet.getSheetByName('Milestones')!;

function headerRow(planner: Planner): unknown[] {
  const sheet = milestonesTab(planner);
  const row = sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]!;
  while (row.length > 0 && row[row.length - 1] === '') row.pop();
  return row;
}

/** The user's own column before Name, then "Owner" (now G) renamed to "Accountable". */
function userReworksColumns(planner: Planner): void {
  const sheet = milestonesTab(planner);
  sheet.insertColumnBefore(2);
  sheet.getRange('B1').setValue('My notes');
  sheet.getRange('B2').setValue('ask Sam');
  sheet.getRange('G1').setValue('Accountable');
}

const REWORKED = [
  'Phase',
  'My notes',
  'Name',
  'Event name',
  'Metric',
  'Target',
  'Accountable',
  'Priority',
  'Data source',
  'Status',
];

/** The request with the first milestone's owner changed, as the sidebar would send it. */
const withOwner = (owner: string) => ({
  ...REQUEST,
  milestones: REQUEST.milestones.map((m, i) => (i === 0 ? { ...m, owner } : m)),
});

describe('a column whose header the user renamed stays ours (item 9)', () => {
  it('is not added again at the end, keeps its new header, and is read and written', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    userReworksColumns(planner);

    planner.call('createFramework', withOwner('Growth lead'));
    expect(headerRow(planner)).toEqual(REWORKED);
    const sheet = milestonesTab(planner);
    expect(sheet.getRange('G2').getValue()).toBe('Growth lead');
    expect(sheet.getRange('B2').getValue()).toBe('ask Sam');
    // The sidebar reads the owner from the renamed column, and Check does not miss an Owner column.
    const read = planner.call<{ milestones: { owner: string }[] }>('readFramework');
    expect(read.milestones[0]!.owner).toBe('Growth lead');
    const findings = planner.call<{ message: string }[]>('checkFramework');
    expect(findings.filter((f) => /no "Owner" column/.test(f.message))).toEqual([]);
  });

  it('stays ours in a copy of the file, where the user goes on moving it', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    userReworksColumns(planner);
    makeCopy(planner.fake);
    // In the copy the user drags "Accountable" (G) to the front: A is Accountable, the rest shift right.
    const sheet = milestonesTab(planner);
    sheet.moveColumns(sheet.getRange('G:G'), 1);

    planner.call('createFramework', withOwner('Sales ops'));
    expect(headerRow(planner)).toEqual([
      'Accountable',
      'Phase',
      'My notes',
      'Name',
      'Event name',
      'Metric',
      'Target',
      'Priority',
      'Data source',
      'Status',
    ]);
    expect(sheet.getRange('A2').getValue()).toBe('Sales ops');
    expect(sheet.getRange('D2').getValue()).toBe('View pricing');
  });

  it('a spreadsheet made before the tags is read by header text and tagged on its next run', () => {
    const planner = plannerOver();
    planner.call('createFramework', REQUEST);
    // As an older version left it: no column tags on any tab.
    for (const model of contextOf(planner.fake.spreadsheet).model.sheets) {
      const list = metadataOf(model);
      for (const data of [...list]) if (data.place.type === 'COLUMN') list.splice(list.indexOf(data), 1);
    }
    milestonesTab(planner).insertColumnBefore(2);
    planner.call('createFramework', REQUEST);
    // Found by header text: nothing added at the end (Phase, the user's blank column, Name ... Status).
    expect(headerRow(planner)).toEqual(['Phase', '', ...REWORKED.slice(2, 6), 'Owner', ...REWORKED.slice(7)]);
    // Now tagged: a rename after this run is still recognised.
    milestonesTab(planner).getRange('G1').setValue('Accountable');
    planner.call('createFramework', withOwner('Growth lead'));
    expect(headerRow(planner)).toEqual(['Phase', '', ...REWORKED.slice(2)]);
    expect(milestonesTab(planner).getRange('G2').getValue()).toBe('Growth lead');
  });
});
