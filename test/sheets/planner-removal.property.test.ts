/**
 * Property: when the sidebar sends back what it read with some items removed (each keyed by its
 * row), exactly the rows of those items are gone afterwards; every other row, the user's own rows
 * and cells included, is still there as it was, in the same order. The expectation is the simple
 * reference "the rows before, minus the removed ones".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../dev/fake';
import { plannerOver } from './harness';

const TABS = { milestones: 'Milestones', secondaryActions: 'Secondary Actions' } as const;
type List = keyof typeof TABS;
type Item = { name: string; eventName: string; [field: string]: unknown };

const cell = fc.oneof(fc.stringMatching(/^[a-z][a-z ]{0,8}$/), fc.integer({ min: -99, max: 999 }));

const scenario = fc.record({
  /** Rows the user adds below each table (name, event, a cell in a column of their own). */
  userRows: fc.array(
    fc.record({ list: fc.constantFrom<List>('milestones', 'secondaryActions'), note: cell }),
    {
      maxLength: 3,
    },
  ),
  /** Cells the user writes in a column of their own beside our rows. */
  notes: fc.array(
    fc.record({ list: fc.constantFrom<List>('milestones', 'secondaryActions'), row: fc.nat(4), note: cell }),
    {
      maxLength: 3,
    },
  ),
  /** Which items read back are removed, by a coin per item. */
  coins: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
});

/** The table's rows below the header, as they stand: blank rows and trailing blank cells dropped. */
function rowsOf(sheet: FakeSheet | null): unknown[][] {
  const values = sheet!.getDataRange().getValues().slice(1);
  const trimmed = values.map((row) => {
    const width = row.reduce<number>((w, value, c) => (value === '' ? w : c + 1), 0);
    return row.slice(0, width);
  });
  // The data range narrows when the only cell of a far column goes with its row.
  return trimmed.filter((row) => row.length > 0);
}

describe('removing items in the sidebar', () => {
  it('deletes exactly the rows of the removed items', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const planner = plannerOver();
        const ss = planner.fake.spreadsheet;
        planner.call('createFramework', { template: 'ecommerce' });
        s.userRows.forEach((r, i) => {
          const sheet = ss.getSheetByName(TABS[r.list])!;
          const name = `User row ${i}`;
          const event = `user_row_${i}`;
          // Priority and status filled in, as a blank one reads back as its default (Medium, Planned).
          const measured = [name, event, '', '', '', 'Low', '', 'Planned'];
          const values = r.list === 'milestones' ? ['Check out', ...measured] : measured;
          sheet.getRange(sheet.getLastRow() + 1, 1, 1, values.length).setValues([values]);
          sheet.getRange(sheet.getLastRow(), 12).setValue(r.note);
        });
        for (const n of s.notes)
          ss.getSheetByName(TABS[n.list])!
            .getRange(2 + n.row, 12)
            .setValue(n.note);
        const before = {
          milestones: rowsOf(ss.getSheetByName('Milestones')),
          secondaryActions: rowsOf(ss.getSheetByName('Secondary Actions')),
        };

        // What the sidebar sends: each item keyed by its row; the removed ones listed apart.
        const read = planner.call<Record<List, Item[]>>('readFramework');
        let coin = 0;
        const request: Record<string, unknown> = {
          ...read,
          removed: { milestones: [], secondaryActions: [] },
        };
        const removedIndex: Record<List, number[]> = { milestones: [], secondaryActions: [] };
        for (const list of ['milestones', 'secondaryActions'] as const) {
          const kept: Item[] = [];
          read[list].forEach((item, i) => {
            const key = { name: item.name, eventName: item.eventName };
            if (s.coins[coin++ % s.coins.length]) {
              (request.removed as Record<List, unknown[]>)[list].push(key);
              removedIndex[list].push(i);
            } else kept.push({ ...item, previous: key });
          });
          request[list] = kept;
        }
        // The milestones still name their phases, so no phase is removed here.
        planner.call('createFramework', request);

        for (const list of ['milestones', 'secondaryActions'] as const) {
          const expected = before[list].filter((_, i) => !removedIndex[list].includes(i));
          expect(rowsOf(ss.getSheetByName(TABS[list]))).toEqual(expected);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
