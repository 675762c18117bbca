/** The pure rules under the writer: cell inputs, free tab names, stored state, matching and the table plan. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../../dev/fake';
import { MILESTONES_TABLE, PHASES_TABLE } from '../../src/core/framework';
import { cellInput, formulaString, keepCell, type ReadCell, sheetRef } from '../../src/sheets/cell-input';
import { freeName, parseState } from '../../src/sheets/tab-registry';
import { explicitFields, matchItems, matchRows, planTable, reorderMoves } from '../../src/sheets/table-plan';

describe('cellInput', () => {
  it('writes text literally into plain-text cells and behind an apostrophe elsewhere', () => {
    expect(cellInput('=1+1', '@')).toBe('=1+1');
    expect(cellInput('=1+1', '0.0%')).toBe("'=1+1");
    expect(cellInput('-1', 'General')).toBe("'-1");
    expect(cellInput('', '0.0%')).toBe('');
    expect(cellInput(0.25, '0.0%')).toBe(0.25);
    expect(cellInput(null, '@')).toBe('');
  });

  it('puts a read cell back as it was: its formula, or its value', () => {
    expect(keepCell({ value: 2, formula: '=1+1', format: '0' })).toBe('=1+1');
    expect(keepCell({ value: '+1', formula: '', format: '0.###############' })).toBe("'+1");
  });

  it('quotes formula strings and sheet names', () => {
    expect(formulaString('say "hi"')).toBe('"say ""hi"""');
    expect(sheetRef("Bob's tab")).toBe("'Bob''s tab'");
    expect(sheetRef('Data')).toBe("'Data'");
  });
});

describe('freeName', () => {
  it('suffixes a taken name, case ignored, counting up', () => {
    expect(freeName('Milestones', new Set(['Sheet1']))).toBe('Milestones');
    expect(freeName('Milestones', new Set(['milestones']))).toBe('Milestones (MCF)');
    expect(freeName('Data', new Set(['Data', 'Data (MCF)']))).toBe('Data (MCF 2)');
  });
});

describe('parseState', () => {
  it('reads what was saved and treats anything unreadable as "no tab is ours"', () => {
    expect(
      parseState(
        '{"sheets":{"macro":3,"funnel":7},"extents":{"dashboard":{"rows":9,"columns":8}},"chartId":2}',
      ),
    ).toEqual({
      sheets: { macro: 3, funnel: 7 },
      extents: { dashboard: { rows: 9, columns: 8 } },
      chartId: 2,
    });
    expect(parseState(null)).toEqual({ sheets: {}, extents: {} });
    expect(parseState('not json')).toEqual({ sheets: {}, extents: {} });
    expect(parseState('{"sheets":{"macro":"3","phases":1.5,"other":2}}')).toEqual({
      sheets: {},
      extents: {},
    });
  });
});

describe('matchItems', () => {
  it('matches milestones by event name first, then by name, each row once', () => {
    const existing = [
      { name: 'Add to cart', eventName: 'add_to_cart' },
      { name: 'View item', eventName: 'view_item' },
      { name: 'Add to cart', eventName: 'add_to_cart' },
    ];
    const desired = [
      { name: 'Put in basket', eventName: 'ADD_TO_CART' },
      { name: ' view  ITEM', eventName: 'view_product' },
      { name: 'Add to cart', eventName: 'add_to_cart' },
      { name: 'Purchase', eventName: 'purchase' },
    ];
    expect(matchItems(MILESTONES_TABLE, desired, existing)).toEqual([0, 1, 2, -1]);
  });
});

describe('matchRows', () => {
  const existing = [{ name: 'Browse' }, { name: 'Decide' }, { name: 'Return' }];

  it('matches by the row an item was read from before any own name, so a new item may take an old name', () => {
    // "Browse" is a new phase; "Look around" is the old "Browse" renamed.
    const desired = [{ name: 'Browse' }, { name: 'Look around' }, { name: 'decide' }];
    const previous = [undefined, { name: 'Browse' }, undefined];
    expect(matchRows(PHASES_TABLE, desired, existing, previous)).toEqual({ match: [-1, 0, 1], removed: [] });
  });

  it('removes only an unclaimed row whose whole key is the removed key', () => {
    const milestones = [
      { name: 'Add to cart', eventName: 'add_to_cart' },
      { name: 'View item', eventName: 'view_item' },
      { name: 'Share', eventName: '' },
    ];
    const removed = [
      { name: 'Add to cart', eventName: 'other' }, // another event: not this row
      { name: 'view item', eventName: 'VIEW_ITEM' }, // case and spacing ignored
      { name: 'Share' },
      { name: 'Share' }, // a key deletes one row at most
    ];
    // The listed item keeps its row even though a removed key names it too.
    const desired = [{ name: 'Share', eventName: '' }];
    expect(
      matchRows(MILESTONES_TABLE, desired, milestones, [{ name: 'Share', eventName: '' }], removed),
    ).toEqual({
      match: [2],
      removed: [1],
    });
    expect(matchRows(MILESTONES_TABLE, [], milestones, [], removed).removed).toEqual([1, 2]);
  });
});

describe('explicitFields', () => {
  it('lists the fields each requested item sets, matched to the built items', () => {
    const desired = [
      { name: 'Discover', customerGoal: '' },
      { name: 'Decide', customerGoal: 'x' },
    ];
    const requested = [{ name: 'Decide', customerGoal: 'x' }, { name: 'discover' }];
    expect(explicitFields(PHASES_TABLE, desired, requested).map((s) => [...s].sort())).toEqual([
      ['name'],
      ['customerGoal', 'name'],
    ]);
    expect(explicitFields(PHASES_TABLE, desired, undefined).map((s) => s.size)).toEqual([0, 0]);
  });
});

const text = (value: unknown): ReadCell => ({ value, formula: '', format: '@' });

describe('planTable', () => {
  it('puts the header in row 1 of an empty tab and the items below it', () => {
    const plan = planTable(PHASES_TABLE, [], [{ name: 'A', customerGoal: 'a' }], [new Set()]);
    expect(plan.headerRow).toBe(1);
    expect(plan.columns).toEqual([1, 2]);
    expect(plan.cells.map((row) => row.map((c) => c?.input))).toEqual([
      ['Phase', 'Customer goal'],
      ['A', 'a'],
    ]);
  });

  it("finds moved columns, keeps the user's cells and rows, appends new items", () => {
    const existing: ReadCell[][] = [
      [text('Notes'), text('Customer goal'), text('Phase')],
      [text('mine'), text('old goal'), text('A')],
      [text(''), text('goal of a row I added'), text('Z')],
    ];
    const desired = [
      { name: 'A', customerGoal: 'template goal' },
      { name: 'B', customerGoal: 'b' },
    ];
    const plan = planTable(PHASES_TABLE, existing, desired, [new Set(), new Set()]);
    expect(plan.columns).toEqual([3, 2]);
    expect(plan.lastRow).toBe(4);
    // Columns in definition order (Phase, Customer goal). Only B's new row is written: the header
    // stands, and the user's row Z and A's edited goal are left exactly as they are (undefined).
    expect(plan.cells.map((row) => row.map((c) => c?.input))).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      ['B', 'b'],
    ]);
    expect([plan.matched, plan.added]).toEqual([1, 1]);
  });

  it('writes an explicit field, but keeps a formula that already reads as the wanted value', () => {
    const existing: ReadCell[][] = [
      [text('Phase'), text('Customer goal')],
      [{ value: 'A', formula: '=LOWER("A")', format: '@' }, text('old')],
    ];
    const plan = planTable(
      PHASES_TABLE,
      existing,
      [{ name: 'A', customerGoal: 'new' }],
      [new Set(['name', 'customerGoal'])],
    );
    // The formula is left alone (undefined); only the goal is written.
    expect(plan.cells[1]!.map((c) => c?.input)).toEqual([undefined, 'new']);
  });

  it('deals matched items out over their rows in the order asked, around a row of the user', () => {
    const existing: ReadCell[][] = [
      [text('Phase'), text('Customer goal')],
      [text('A'), text('a')],
      [text('Mine'), text('kept where it is')],
      [text('B'), text('b')],
    ];
    const desired = [
      { name: 'B', customerGoal: 'b' },
      { name: 'A', customerGoal: 'a' },
    ];
    const plan = (reorder: boolean) =>
      planTable(PHASES_TABLE, existing, desired, [new Set(), new Set()], { reorder });
    // Rows 2..4 (A, Mine, B) should read B, Mine, A. B stays; row 3 (Mine) goes below B:
    // A, B, Mine; then row 2 (A) goes below Mine: B, Mine, A. Whole rows move; no cell is written.
    expect(plan(true).moves).toEqual([
      { row: 3, before: 5 },
      { row: 2, before: 5 },
    ]);
    expect(
      plan(true)
        .cells.flat()
        .every((c) => c === undefined),
    ).toBe(true);
    expect(plan(false).moves).toEqual([]);
  });

  it('adds a missing column after the last used one', () => {
    const existing: ReadCell[][] = [
      [text('Phase'), text('Notes')],
      [text('A'), text('n')],
    ];
    const plan = planTable(PHASES_TABLE, existing, [{ name: 'A', customerGoal: 'g' }], [new Set()]);
    expect(plan.columns).toEqual([1, 3]);
    expect(plan.cells.map((row) => row.map((c) => c?.input))).toEqual([
      [undefined, 'Customer goal'],
      [undefined, 'g'],
    ]);
  });

  it('starts the table below content that has no header', () => {
    const existing: ReadCell[][] = [[text('some notes of mine')], [text('more')]];
    const plan = planTable(PHASES_TABLE, existing, [{ name: 'A', customerGoal: '' }], [new Set()]);
    expect(plan.headerRow).toBe(4);
    expect(plan.lastRow).toBe(5);
  });
});

describe('reorderMoves', () => {
  /** Rows 1..n of a fake sheet, each holding its own number, after the moves. */
  function applied(n: number, moves: { row: number; before: number }[]): number[] {
    const { spreadsheet } = createFakeServices({ sheetNames: ['T'] });
    const sheet = spreadsheet.getSheetByName('T')!;
    sheet.getRange(1, 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [i + 1]));
    for (const move of moves) sheet.moveRows(sheet.getRange(move.row, 1), move.before);
    return sheet
      .getRange(1, 1, n, 1)
      .getValues()
      .map((row) => Number(row[0]));
  }

  it('puts the rows in the order asked (checked by moving rows of the fake), rows between staying', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (slotSet, keys) => {
          const slots = [...slotSet].sort((a, b) => a - b);
          // A random order of the slot rows: `held` lists the row each item holds, in the new order.
          const held = slots
            .map((row, i) => ({ row, key: keys[i]! }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.row);
          const rows = applied(12, reorderMoves(held, slots).moves);
          // Slot k now holds held[k]; every other row is where it was.
          const expected = Array.from({ length: 12 }, (_, i) => i + 1);
          slots.forEach((slot, k) => {
            expected[slot - 1] = held[k]!;
          });
          expect(rows).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('moves one row once, whatever the table length', () => {
    for (const n of [3, 30]) {
      const slots = Array.from({ length: n }, (_, i) => i + 2);
      // The first item goes last, then the last goes first.
      expect(reorderMoves([...slots.slice(1), slots[0]!], slots).moves).toHaveLength(1);
      expect(reorderMoves([slots[n - 1]!, ...slots.slice(0, -1)], slots).moves).toHaveLength(1);
    }
  });
});
