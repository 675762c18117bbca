/**
 * FUNNEL on the report shapes people paste (issue 10), each fixture written here in the shape
 * of a real export: GA4 Pages and screens, a Reports snapshot of stacked cards, Search Console's
 * Chart.csv, a query result pasted as one wide row, counts left as text, totals rows, wildcards.
 * Expected counts are added up by hand from the fixture rows (sums shown in the comments).
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';
import { readEventTable } from '../../../src/core/table';
import { messageOf } from './message-of';

const counts = (table: unknown[][]) => table.slice(1).map((row) => row[1]);
const notes = (table: unknown[][]) => table.slice(1).map((row) => row[row.length - 1]);

describe('any report dimension names the steps (item 1)', () => {
  const pages = [
    ['# Pages and screens: Page path and screen class'],
    ['Page path and screen class', 'Views', 'Active users', 'Views per active user', 'Event count'],
    ['/', 300, 150, 2, 900],
    ['/pricing/', 80, 40, 2, 200],
    ['/pricing', 12, 6, 2, 30],
    ['/signup/', 25, 20, 1.25, 60],
  ];

  it('finds the page path column without event=, counts Active users', () => {
    const out = funnel(pages, '/, /pricing/, /signup/');
    expect(out[0]![1]).toBe('Users');
    expect(counts(out)).toEqual([150, 40, 20]);
    expect(notes(out)).toEqual(['', '', '']);
  });

  it('a page title column of another report works the same', () => {
    const titles = [
      ['Page title', 'Date', 'Sessions'],
      ['Home', 20250101, 10],
      ['Pricing', 20250101, 4],
      ['Home', 20250102, 7],
    ];
    // Home: 10 + 7 sessions over two dates.
    expect(counts(funnel(titles, 'Home, Pricing'))).toEqual([17, 4]);
  });

  it('event= still chooses the column', () => {
    const both = [
      ['Landing page', 'Page referrer', 'Total users'],
      ['/a', '/b', 5],
      ['/b', '/a', 3],
    ];
    // Without event=, the first column holding the steps wins: /a 5, /b 3.
    expect(counts(funnel(both, '/a, /b'))).toEqual([5, 3]);
    expect(counts(funnel(both, '/a, /b', '', 'event=Page referrer'))).toEqual([3, 5]);
  });

  it('steps in no column: lists columns and text columns with values, says event=, not ids', () => {
    const message = messageOf(() => funnel(pages, 'home, checkout'));
    expect(message).toBe(
      'data: no column holds the steps "home", "checkout". Columns seen: "Page path and screen class", ' +
        '"Views", "Active users", "Views per active user", "Event count". Text columns: ' +
        '"Page path and screen class" ("/", "/pricing", "/pricing/", ...). Write the steps as they appear ' +
        'in one of these columns (* matches any text, e.g. "/blog/*"), or name the column with ' +
        'event=<column> in the options; steps that are column headers ("Impressions, Clicks") sum those columns.',
    );
    expect(message).not.toMatch(/user id|timestamp/);
  });

  it('an Event name column with none of the steps shows zeros and notes (a typo is not an error)', () => {
    const events = [
      ['Event name', 'Total users'],
      ['view_item', 10],
    ];
    const out = funnel(events, 'view_item, purchse');
    expect(counts(out)).toEqual([10, 0]);
    expect(notes(out)[1]).toMatch(/^no "purchse" events in the data/);
  });
});

describe('stacked tables (item 2)', () => {
  // A Reports snapshot: one card per table, each after its own # block.
  const snapshot = [
    ['# ----------------------------------------'],
    ['# Reports snapshot'],
    ['# Start date: 20250101'],
    ['Nth day', 'Active users'],
    [0, 40],
    [1, 35],
    [''],
    ['# '],
    ['# Start date: 20250101'],
    ['Event name', 'Event count'],
    ['sign_in_click', 90],
    ['sign_in_attempt', 80],
    ['sign_in_ok', 70],
    [''],
    ['# Start date: 20250101'],
    ['Page title and screen class', 'Views'],
    ['LoginPage', 120],
    ['HomePage', 60],
  ];

  it('uses the table that holds the steps', () => {
    const out = funnel(snapshot, 'sign_in_click, sign_in_attempt, sign_in_ok');
    expect(out[0]![1]).toBe('Events');
    expect(counts(out)).toEqual([90, 80, 70]);
    // A column without a count alias counts what it holds: "Count".
    const pages = funnel(snapshot, 'LoginPage, HomePage');
    expect(pages[0]![1]).toBe('Count');
    expect(counts(pages)).toEqual([120, 60]);
  });

  it('event= and count= name columns of any of the tables', () => {
    expect(
      counts(funnel(snapshot, 'HomePage', '', 'event=Page title and screen class, count=Views')),
    ).toEqual([60]);
    expect(messageOf(() => funnel(snapshot, 'x', '', 'count=Clicks'))).toMatch(
      /^count=Clicks: the data has no column "Clicks"\. Its columns are "Nth day", "Active users", "Event name", "Event count", "Page title and screen class", "Views"/,
    );
  });

  it('a blank line and a new header row start a table; numbers after a blank line do not', () => {
    const rows = [
      ['Event name', 'Total users'],
      ['a', 10],
      [''],
      ['b', 4],
      [''],
      ['Country', 'Total users'],
      ['a', 999],
    ];
    // "b" after the blank line is still the first table's row; the Country table has an "a" too,
    // but the first table holds both steps.
    expect(counts(funnel(rows, 'a, b'))).toEqual([10, 4]);
  });

  it('two pastes of the same export (a repeated header row) read as one table', () => {
    const paste = [
      ['# Events: Event name'],
      ['Event name', 'Total users'],
      ['view_item', 30],
      ['purchase', 3],
    ];
    const twice = [...paste, [''], ...paste.slice(0, 2), ['view_item', 20], ['purchase', 2]];
    // view_item 30 + 20, purchase 3 + 2.
    expect(counts(funnel(twice, 'view_item, purchase'))).toEqual([50, 5]);
  });
});

describe('steps as columns (item 3)', () => {
  // Search Console Chart.csv: one row per day, CTR and Position blank without impressions.
  const chart = [
    ['Date', 'Clicks', 'Impressions', 'CTR', 'Position'],
    ['2025-01-03', 2, 40, '5%', 7.5],
    ['2025-01-02', 0, 0, '', ''],
    ['2025-01-01', 1, 25, '4%', 9.1],
  ];

  it('sums each column a step names', () => {
    const out = funnel(chart, 'Impressions, Clicks');
    // Impressions 40 + 0 + 25 = 65; clicks 2 + 0 + 1 = 3.
    expect(out[0]![1]).toBe('Count');
    expect(counts(out)).toEqual([65, 3]);
    expect(out[2]![3]).toBe(3 / 65);
    expect(notes(out)).toEqual(['', '']);
  });

  it('with breakdown=, one block per row value', () => {
    const out = funnel(chart, 'Impressions, Clicks', '', 'breakdown=Date');
    expect(out.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['2025-01-03', 'Impressions', 40],
      ['2025-01-03', 'Clicks', 2],
      ['2025-01-01', 'Impressions', 25],
      ['2025-01-01', 'Clicks', 1],
      ['Total', 'Impressions', 65],
      ['Total', 'Clicks', 3],
    ]);
  });

  it('a query result pasted as one wide row of user counts', () => {
    const row = [
      ['users_viewed_items', 'users_added_to_cart', 'users_purchased'],
      [1200, 300, 45],
    ];
    const out = funnel(row, 'users_viewed_items, users_added_to_cart, users_purchased');
    expect(out[0]![1]).toBe('Users');
    expect(counts(out)).toEqual([1200, 300, 45]);
    expect(notes(out)).toEqual(['', '', '']);
  });

  it('an ecommerce items report: columns per step, breakdown per item', () => {
    const items = [
      ['Item name', 'Items viewed', 'Items added to cart', 'Items purchased'],
      ['Mug', 50, 10, 4],
      ['Shirt', 30, 6, 1],
    ];
    const out = funnel(items, 'Items viewed, Items added to cart, Items purchased');
    expect(counts(out)).toEqual([80, 16, 5]);
    const perItem = funnel(items, 'Items viewed, Items purchased', '', 'breakdown=Item name');
    expect(perItem.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['Mug', 50],
      ['Mug', 4],
      ['Shirt', 30],
      ['Shirt', 1],
      ['Total', 80],
      ['Total', 5],
    ]);
  });

  it('a sums row under an empty first cell is a totals row; a daily zero row is not', () => {
    const audience = [
      ['# Audience Overview'],
      [''],
      ['Day Index', 'Sessions'],
      ['3/1/25', 120],
      ['3/2/25', 0],
      ['3/3/25', 80],
      ['', 200],
      [''],
    ];
    const out = funnel(audience, 'Sessions');
    // 120 + 0 + 80 = 200: the last row repeats the sum and is left out.
    expect(counts(out)).toEqual([200]);
    expect(notes(out)).toEqual(['sum of 2 rows: sessions may be counted more than once (largest row 120)']);
  });
});

describe('a report where event rows are needed', () => {
  const chart = [
    ['Date', 'Clicks', 'Impressions'],
    ['2025-01-01', 1, 25],
  ];

  it('FUNNEL refuses event-only options, naming the count columns the steps chose', () => {
    expect(messageOf(() => funnel(chart, 'Impressions, Clicks', '1d'))).toBe(
      'a window needs event rows (one row per event with a user or session id and a timestamp), but data is a ' +
        'report (count columns "Impressions", "Clicks"), which only has totals per step. Remove it or use event rows.',
    );
  });

  it('readEventTable says "looks like a report" before judging a count cell', () => {
    const report = [
      ['Event name', 'Total users'],
      ['view_item', -1],
    ];
    expect(messageOf(() => readEventTable(report))).toMatch(
      /^data looks like a report \(columns "Event name" and "Total users"\), but event rows are needed/,
    );
    // FUNNEL reads the same report and names the bad cell.
    expect(messageOf(() => funnel(report, 'view_item'))).toMatch(
      /^row 2 of data, column "Total users": "-1" is negative/,
    );
  });
});

describe('counts as Sheets users see them (item 4)', () => {
  it('text counts with thousands separators', () => {
    const rows = [
      ['Event name', 'Total users'],
      ['view_item', '12,345'],
      ['add_to_cart', '1 234'],
      ['purchase', '\u00a0987\r'],
    ];
    expect(counts(funnel(rows, 'view_item, add_to_cart, purchase'))).toEqual([12345, 1234, 987]);
  });

  it('1.234.567 in a decimal-comma export', () => {
    const rows = [
      ['Event name', 'Event count', 'Event count per user'],
      ['view_item', '1.234.567', '2,5'],
      ['purchase', '1.234', '1,25'],
    ];
    expect(counts(funnel(rows, 'view_item, purchase'))).toEqual([1_234_567, 1234]);
  });

  it('names the cell of a negative, fractional, non-numeric or non-finite count', () => {
    const report = (cell: unknown) => [
      ['Event name', 'Total users'],
      ['view_item', 10],
      ['purchase', cell],
    ];
    expect(messageOf(() => funnel(report(-3), 'view_item, purchase'))).toBe(
      'row 3 of data, column "Total users": "-3" is negative. A count cannot be below 0: correct the cell.',
    );
    expect(messageOf(() => funnel(report(2.5), 'view_item, purchase'))).toBe(
      'row 3 of data, column "Total users": "2.5" is not a whole number of users. Select the column of users, ' +
        'not a rate or average (or name the count column with count=).',
    );
    expect(messageOf(() => funnel(report('n/a'), 'view_item, purchase'))).toMatch(
      /^row 3 of data, column "Total users": "n\/a" is not a number\./,
    );
    expect(messageOf(() => funnel(report(Number.POSITIVE_INFINITY), 'view_item, purchase'))).toMatch(
      /^row 3 of data, column "Total users": "Infinity" is not a number\./,
    );
  });

  it('Grand total anywhere in the row is skipped', () => {
    const rows = [
      ['Page path + query string', 'Event count', ''],
      ['', 500, 'Grand total'],
      ['/', 300, ''],
      ['Total', 500, ''],
      ['/a', 200, ''],
    ];
    expect(counts(funnel(rows, '/, /a'))).toEqual([300, 200]);
  });

  it('a date shown once, blank on the rows below, keeps every row', () => {
    const rows = [
      ['Date', 'Event name', 'Total users'],
      [20240301, 'view_item', 100],
      ['', 'add_to_cart', 50],
      ['', 'purchase', 50],
      [20240302, 'view_item', 80],
      ['', 'add_to_cart', 30],
    ];
    const out = funnel(rows, 'view_item, add_to_cart, purchase');
    // view_item 100 + 80, add_to_cart 50 + 30, purchase 50: no row is dropped for its blank date.
    expect(counts(out)).toEqual([180, 80, 50]);
    expect(notes(out)[2]).toBe('');
  });
});

describe('honest sums (item 5)', () => {
  const daily = [
    ['Date', 'Event name', 'Total users'],
    ['20250101', 'view_item', 25],
    ['20250102', 'view_item', 20],
    ['20250103', 'view_item', 31],
    ['20250101', 'purchase', 2],
  ];

  it('a step summed over rows says so and gives the largest row', () => {
    const out = funnel(daily, 'view_item, purchase');
    expect(counts(out)).toEqual([76, 2]);
    expect(notes(out)).toEqual(['sum of 3 rows: users may be counted more than once (largest row 31)', '']);
  });

  it('per breakdown block, a block of one row has no sum note; the Total keeps it', () => {
    const out = funnel(daily, 'view_item, purchase', '', 'breakdown=Date');
    const viewNotes = out.filter((r) => r[1] === 'view_item').map((r) => [r[0], r[7]]);
    expect(viewNotes).toEqual([
      ['20250103', ''],
      ['20250101', ''],
      ['20250102', ''],
      ['Total', 'sum of 3 rows: users may be counted more than once (largest row 31)'],
    ]);
  });

  it('event counts add up: no note', () => {
    const events = daily.map((r, i) => (i === 0 ? ['Date', 'Event name', 'Event count'] : r));
    expect(notes(funnel(events, 'view_item, purchase'))).toEqual(['', '']);
  });

  it('a step larger than the one before keeps its note next to the sum note', () => {
    const out = funnel(daily, 'purchase, view_item');
    expect(notes(out)[1]).toBe(
      'sum of 3 rows: users may be counted more than once (largest row 31); ' +
        'more than the previous step: a report counts each step on its own, not paths',
    );
  });
});

describe('wildcards in steps (item 6)', () => {
  const pages = [
    ['Page path and screen class', 'Active users'],
    ['/', 150],
    ['/docs/quickstart', 30],
    ['/docs/quickstart/', 12],
    ['/docs/quickstart?ref=nav', 3],
    ['/docs/api', 9],
    ['/5*-reviews', 4],
  ];

  it('a * step gathers the trailing-slash and query-string variants, and says which', () => {
    const out = funnel(pages, '/, /docs/quickstart*');
    expect(counts(out)).toEqual([150, 45]);
    expect(notes(out)[1]).toBe(
      'matched 3 names: "/docs/quickstart", "/docs/quickstart/", "/docs/quickstart?ref=nav"; ' +
        'sum of 3 rows: users may be counted more than once (largest row 30)',
    );
  });

  it('? is one character; ~* is a star; exact names stay exact', () => {
    expect(counts(funnel(pages, '/docs/ap?, /5~*-reviews, /docs/quickstart'))).toEqual([9, 4, 30]);
  });

  it('a wildcard that fits nothing is reported like a missing step', () => {
    expect(notes(funnel(pages, '/, /blog/*'))[1]).toMatch(/^no "\/blog\/\*" events in the data/);
  });

  it('in event rows, a wildcard step matches every event name it fits', () => {
    const rows = [
      ['user_id', 'event_name', 'timestamp'],
      ['u1', 'view_item', '2025-01-01 10:00:00'],
      ['u1', 'add_to_cart', '2025-01-01 10:01:00'],
      ['u2', 'view_item_list', '2025-01-01 11:00:00'],
      ['u2', 'add_to_cart', '2025-01-01 11:01:00'],
      ['u3', 'view_promotion', '2025-01-01 12:00:00'],
      ['u4', 'add_to_cart', '2025-01-01 12:00:00'],
    ];
    const out = funnel(rows, 'view_item*, add_to_cart');
    // u1 and u2 viewed an item (view_item, view_item_list); both then added to cart. u3's
    // view_promotion does not fit; u4 never viewed.
    expect(counts(out)).toEqual([2, 2]);
    expect(notes(out)[0]).toBe('matched 2 names: "view_item", "view_item_list"');
  });
});
