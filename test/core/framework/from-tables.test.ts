import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../../src/core/framework/check';
import { frameworkFromTables } from '../../../src/core/framework/from-tables';
import { toRows } from '../../../src/core/framework/tables';
import { getTemplate } from '../../../src/core/framework/templates';

const TABLE_HEADER_SECONDARY = [
  'Name',
  'Event name',
  'Metric',
  'Target',
  'Owner',
  'Priority',
  'Data source',
  'Status',
];
const MACRO_HEADER = ['Macro conversion', 'Event name', 'Value per conversion', 'Target rate', 'Owner'];

describe('frameworkFromTables', () => {
  it.each(['ecommerce', 'lead-generation', 'saas', 'content', 'small-business'])(
    'reads back template %s written with toRows, with no problem and no finding',
    (id) => {
      const { framework } = getTemplate(id);
      const read = frameworkFromTables({
        macro: { rows: toRows(framework, 'macro') },
        phases: { rows: toRows(framework, 'phases') },
        milestones: { rows: toRows(framework, 'milestones') },
        secondaryActions: { rows: toRows(framework, 'secondaryActions') },
      });
      expect(read.problems).toEqual([]);
      expect(read.framework).toEqual(framework);
      expect(checkFramework(read.framework, read.locate)).toEqual([]);
    },
  );

  it('reports a missing tab and reads it as empty', () => {
    const read = frameworkFromTables({ macro: { rows: [MACRO_HEADER, ['Buy', 'purchase', '', '', 'Me']] } });
    expect(read.framework.phases).toEqual([]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'The Phases tab is missing: open the planner and create the framework again to restore it (your other tabs are kept).',
      'The Milestones tab is missing: open the planner and create the framework again to restore it (your other tabs are kept).',
      'The Secondary Actions tab is missing: open the planner and create the framework again to restore it (your other tabs are kept).',
    ]);
  });

  it('keeps the first of several macro rows and points at the second', () => {
    const read = frameworkFromTables({
      macro: {
        rows: [MACRO_HEADER, ['Buy', 'purchase', '', '', 'Me'], [], ['Sign up', 'sign_up', '', '', 'Me']],
        sheet: 'Macro',
      },
      phases: { rows: [['Phase', 'Customer goal']] },
      milestones: { rows: [toRows(getTemplate('blank').framework, 'milestones')[0]!] },
      secondaryActions: { rows: [toRows(getTemplate('blank').framework, 'secondaryActions')[0]!] },
    });
    expect(read.framework.macro.name).toBe('Buy');
    expect(read.problems).toEqual([
      {
        severity: 'error',
        message:
          'The Macro tab has 2 macro conversions ("Buy", "Sign up"), and a framework has exactly one: keep the outcome the business wants most and delete the other rows (another outcome gets its own framework, or becomes a secondary action).',
        sheet: 'Macro',
        a1: 'A4',
      },
    ]);
  });

  it('locates findings on the rows and columns where the user put them', () => {
    const read = frameworkFromTables({
      macro: { rows: [[], MACRO_HEADER], sheet: 'Macro 2', firstRow: 1, firstColumn: 1 },
      phases: { rows: [['Phase', 'Customer goal'], ['Look', ''], [], ['Pay', '']] },
      milestones: {
        rows: [
          [
            'Notes',
            'Phase',
            'Name',
            'Event name',
            'Metric',
            'Target',
            'Owner',
            'Priority',
            'Data source',
            'Status',
          ],
          ['', 'Look', 'View', 'view_item', '', 0.5, 'Me', 'High', 'GA4', 'Live'],
          [],
          ['', 'Pay', 'Pay now', 'pay now', '', 0.5, '', 'High', 'GA4', 'Live'],
        ],
        firstRow: 5,
        firstColumn: 3,
      },
      secondaryActions: { rows: [TABLE_HEADER_SECONDARY] },
    });
    expect(read.problems).toEqual([]);
    const place = (table: 'macro' | 'phases' | 'milestones', index: number, field: string) =>
      read.locate({ table, index, field });
    // The macro has no row yet: the cell below its header, in the named column.
    expect(place('macro', 0, 'owner')).toEqual({ sheet: 'Macro 2', a1: 'E3' });
    // Second milestone sits on rows[3] -> sheet row 5 + 3 = 8; "Event name" is rows column 3 -> sheet column 3 + 3 = F.
    expect(place('milestones', 1, 'eventName')).toEqual({ sheet: 'Milestones', a1: 'F8' });
    expect(place('milestones', 1, 'owner')).toEqual({ sheet: 'Milestones', a1: 'I8' });
    // A row past the last one: the first empty row under the table.
    expect(place('milestones', 2, 'name')).toEqual({ sheet: 'Milestones', a1: 'E9' });
    expect(place('phases', 1, 'name')).toEqual({ sheet: 'Phases', a1: 'A4' });
    const findings = checkFramework(read.framework, read.locate);
    expect(findings).toContainEqual({
      severity: 'error',
      message:
        'Milestone "Pay now": GA4 cannot record the event name "pay now": it has a space (only letters, digits and underscores are allowed): use a name such as "pay_now".',
      sheet: 'Milestones',
      a1: 'F8',
    });
  });

  it('locates nothing on a tab without a header row', () => {
    const read = frameworkFromTables({ macro: { rows: [['just', 'text']] } });
    expect(read.locate({ table: 'macro', index: 0, field: 'name' })).toBeUndefined();
    expect(read.locate({ table: 'phases', index: 0, field: 'name' })).toBeUndefined();
  });
});
