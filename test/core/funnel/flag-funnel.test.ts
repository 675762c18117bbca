/**
 * FUNNEL on a table of one row per session, user or lead with a TRUE/FALSE (checkbox) or count
 * column per step: a CRM list, or UCI's Online Shoppers table (a count of product pages and a
 * Revenue flag per session, in ../shared/real-exports). Expected counts are worked by hand from
 * the fixture (the lead names each count comes from are in the comments), and a property holds
 * the engine to a one-line filter per step over random tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';
import { messageOf } from './message-of';

const counts = (table: unknown[][]) => table.slice(1).map((row) => row[row.length - 6]);

// Checkboxes as Sheets holds them (booleans), as a plain-text paste leaves them ("TRUE", "false"),
// as 1/0 and blank; a Total row at the end, which is left out.
const LEADS = [
  ['Lead', 'Signed up', 'Demo booked', 'Purchased', 'Plan'],
  ['L1', true, true, true, 'Pro'],
  ['L2', true, 'TRUE', false, 'Pro'],
  ['L3', ' true ', false, 1, 'Basic'], // bought without a demo
  ['L4', true, 'false', '', 'Basic'],
  ['L5', false, true, 0, 'Pro'], // a demo without signing up
  ['L6', false, false, false, 'Basic'],
  ['L7', 1, 1, 'TRUE', 'Basic'],
  ['Total', 5, 4, 3, ''],
];
const STEPS = 'Signed up, Demo booked, Purchased';

describe('FUNNEL on a table of one row per lead with checkbox columns', () => {
  it('follows each row through the steps in order (the default)', () => {
    const table = funnel(LEADS, STEPS);
    // Signed up: L1 L2 L3 L4 L7; and a demo: L1 L2 L7; and purchased: L1 L7.
    expect(table).toEqual([
      [
        'Step',
        'Rows',
        'Share of first step',
        'Share of previous step',
        'Drop-off',
        'Drop-off share',
        'Notes',
      ],
      [
        'Signed up',
        5,
        1,
        '',
        '',
        '',
        'one row per session or lead: a row did a step where its column is TRUE or above 0, and counts at a step when it did it and every step before',
      ],
      ['Demo booked', 3, 0.6, 0.6, 2, 0.4, ''],
      ['Purchased', 2, 0.4, 2 / 3, 1, 1 / 3, ''],
    ]);
  });

  it('counts with any order, open, an optional step and alternatives', () => {
    // Steps done per lead: L1 3, L2 2, L3 2, L4 1, L5 1, L6 0, L7 3.
    expect(counts(funnel(LEADS, STEPS, '', 'any order'))).toEqual([6, 4, 2]);
    // Each step on its own: signed 5, demo L1 L2 L5 L7 = 4, purchased L1 L3 L7 = 3.
    const open = funnel(LEADS, STEPS, '', 'open');
    expect(counts(open)).toEqual([5, 4, 3]);
    // Share of previous counts those that did the step before too: demo and signed 3 of 5;
    // purchased and demo L1 L7, 2 of 4.
    expect(open.slice(2).map((row) => row[3])).toEqual([3 / 5, 2 / 4]);
    // The demo may be skipped: purchased and signed up: L1 L3 L7.
    expect(counts(funnel(LEADS, 'Signed up, [Demo booked], Purchased'))).toEqual([5, 3, 3]);
    // Either column: signed up or a demo: L1 L2 L3 L4 L5 L7; then purchased: L1 L3 L7.
    expect(counts(funnel(LEADS, 'Signed up|Demo booked, Purchased'))).toEqual([6, 3]);
  });

  it('breaks down by a column, and compares the segments', () => {
    const table = funnel(LEADS, STEPS, '', 'breakdown=Plan');
    // Basic: signed L3 L4 L7, demo L7, purchased L7. Pro: signed L1 L2, demo L1 L2, purchased L1.
    expect(table.slice(1).map((row) => [row[0], row[2]])).toEqual([
      ['Basic', 3],
      ['Basic', 1],
      ['Basic', 1],
      ['Pro', 2],
      ['Pro', 2],
      ['Pro', 1],
      ['Total', 5],
      ['Total', 3],
      ['Total', 2],
    ]);
    const compared = funnel(LEADS, STEPS, '', 'breakdown=Plan, compare');
    expect(compared[0]).toContain('Verdict at 95%');
    expect(compared[3]!.at(-2)).toBe('under 30 rows: too few to tell');
  });

  it('keeps rows of TRUE/FALSE text after a blank row in the same table (they are not a new header)', () => {
    const pasted = [
      ['Signed up', 'Purchased'],
      ['TRUE', 'FALSE'],
      ['', ''],
      ['TRUE', 'TRUE'],
      ['false', 'TRUE'],
    ];
    // Signed up: rows 2 and 4; and purchased: row 4.
    expect(counts(funnel(pasted, 'Signed up, Purchased'))).toEqual([2, 1]);
  });

  it('reads a list keyed by user_id, which has no event or time column', () => {
    const users = [
      ['user_id', 'Signed up', 'Purchased'],
      ['u1', true, true],
      ['u2', true, false],
      ['u3', false, true],
    ];
    // Signed up: u1 u2; and purchased: u1.
    expect(counts(funnel(users, 'Signed up, Purchased'))).toEqual([2, 1]);
  });

  it('is UCI Online Shoppers: sessions with product pages, then with revenue', () => {
    // The file's shape: counts of pages and TRUE/FALSE per session (12,330 rows there). Here:
    // s1 3 pages and revenue, s2 0 pages and revenue, s3 5 pages, no revenue, s4 no pages.
    const sessions = [
      ['Administrative', 'ProductRelated', 'ProductRelated_Duration', 'VisitorType', 'Weekend', 'Revenue'],
      [0, 3, 64, 'Returning_Visitor', false, true],
      [2, 0, 0, 'New_Visitor', true, true],
      [0, 5, 12.5, 'Returning_Visitor', false, false],
      [1, 0, 0, 'New_Visitor', false, false],
    ];
    expect(counts(funnel(sessions, 'ProductRelated, Revenue'))).toEqual([2, 1]);
    expect(counts(funnel(sessions, 'Administrative, Revenue', '', 'any order'))).toEqual([3, 1]);
  });

  it('says what is wrong with a cell, a column named twice, or an option that needs times', () => {
    const withCell = (cell: unknown) =>
      LEADS.map((row, i) => (i === 3 ? [...row.slice(0, 3), cell, row[4]] : row));
    const neither =
      'is neither TRUE/FALSE nor a count. In a table of one row per session or lead with TRUE/FALSE columns, ' +
      'a step column holds TRUE or FALSE (or a count: above 0 means done) on every row: correct the cell.';
    expect(messageOf(() => funnel(withCell('maybe'), STEPS))).toBe(
      `row 4 of data, column "Purchased": "maybe" ${neither}`,
    );
    expect(messageOf(() => funnel(withCell(-1), STEPS))).toBe(
      `row 4 of data, column "Purchased": "-1" ${neither}`,
    );
    expect(messageOf(() => funnel(LEADS, 'Signed up, Purchased, Signed up'))).toBe(
      'steps 1 and 3 both name the column "Signed up". In a table of one row per session or lead with TRUE/FALSE ' +
        'columns, a row holds one value per column, so a column can stand for one step only: name each column once.',
    );
    expect(messageOf(() => funnel(LEADS, STEPS, '7d', 'strict_order, time'))).toBe(
      'a window, "strict_order", "time" need times (event rows: one row per event with a user or session id and a ' +
        'timestamp), but data has one row per session or lead with TRUE/FALSE columns (step columns "Signed up", ' +
        '"Demo booked", "Purchased"), which has no times. Remove them or use event rows.',
    );
    expect(messageOf(() => funnel(LEADS, STEPS, '', 'exclude=Plan'))).toMatch(/^"exclude=" needs times/);
  });

  it('still sums steps as columns without a checkbox, and says a checkbox count column is not a count', () => {
    // Search Console's shape: a row per day, each column summed.
    expect(
      counts(
        funnel(
          [
            ['Date', 'Impressions', 'Clicks'],
            ['2026-11-01', 10, 1],
            ['2026-11-02', 20, 0],
          ],
          'Impressions, Clicks',
        ),
      ),
    ).toEqual([30, 1]);
    expect(
      messageOf(() =>
        funnel(
          [
            ['Clicks', 'Signups'],
            [3, 'trueish'],
          ],
          'Clicks, Signups',
        ),
      ),
    ).toMatch(/^row 2 of data, column "Signups": "trueish" is not a number\./);
    const report = [
      ['Event name', 'Total users', 'Done'],
      ['view_item', 10, true],
    ];
    expect(messageOf(() => funnel(report, 'view_item', '', 'count=Done'))).toBe(
      'row 2 of data, column "Done": "TRUE" is a TRUE/FALSE (checkbox) value, not a count. A report needs a number ' +
        'in its count column on every row; for a table of one row per session or lead with TRUE/FALSE columns, ' +
        'write the steps as those columns\' headers (e.g. "Signed up, Purchased").',
    );
  });

  it('counts like a filter per step, whatever the rows and their order', () => {
    const cell = fc.oneof(fc.boolean(), fc.constantFrom('TRUE', 'false', '', 0, 2));
    const done = (c: unknown) => c === true || c === 'TRUE' || c === 2;
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 30 }), (rows) => {
        // One checkbox anywhere makes it a checkbox table; a first row with one makes sure.
        const data = [['a', 'b', 'c'], [true, false, false], ...rows];
        const body = data.slice(1);
        const did = (k: number) => (row: unknown[]) => done(row[k]);
        const sequential = [1, 2, 3].map(
          (k) => body.filter((r) => [0, 1, 2].slice(0, k).every((j) => did(j)(r))).length,
        );
        const doneCount = (r: unknown[]) => [0, 1, 2].filter((j) => did(j)(r)).length;
        const anyOrder = [1, 2, 3].map((k) => body.filter((r) => doneCount(r) >= k).length);
        expect(counts(funnel(data, 'a, b, c'))).toEqual(sequential);
        expect(counts(funnel(data, 'a, b, c', '', 'any order'))).toEqual(anyOrder);
        expect(counts(funnel(data, 'a, b, c', '', 'open'))).toEqual(
          [0, 1, 2].map((j) => body.filter(did(j)).length),
        );
        const reversed = [data[0]!, ...body.slice().reverse()];
        expect(funnel(reversed, 'a, b, c')).toEqual(funnel(data, 'a, b, c'));
      }),
      { numRuns: 1000 },
    );
  });
});
