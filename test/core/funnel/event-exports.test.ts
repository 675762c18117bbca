/**
 * Event rows as people export them (issue 10, items 7-9): several id columns of which one is
 * mostly empty, rows without an id or a timestamp, GA dates stored as numbers, timestamps written
 * without a zone in a non-UTC spreadsheet, typos in steps, steps in one text, and a second paste
 * under the first. Fixtures are written here by hand in the shapes of GA4 BigQuery and REES46 rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';
import { funnelTrend } from '../../../src/core/insights/funnel-trend';
import { microImpact } from '../../../src/core/insights/micro-impact';
import { funnelSql } from '../../../src/core/sql/funnel-sql';
import { readEventTable } from '../../../src/core/table';

const counts = (table: unknown[][]) => table.slice(1).map((row) => row[1]);
const notes = (table: unknown[][]) => table.slice(1).map((row) => row[row.length - 1]);

// GA4 BigQuery rows flattened: user_id is set only after a login, client_id on every row.
// Device c1: first_visit, page_view, add_to_cart, login (user_id from here on), purchase.
// Device c2: page_view only, never logged in.
const T0 = 1_709_287_200_000_000; // 2024-03-01 10:00 UTC in epoch microseconds
const MINUTE = 60_000_000;
const GA4_ROWS = [
  ['event_name', 'user_id', 'client_id', 'session_id', 'event_timestamp'],
  ['first_visit', '', 'c1', 's1', T0],
  ['page_view', '', 'c1', 's1', T0 + MINUTE],
  ['add_to_cart', '', 'c1', 's1', T0 + 2 * MINUTE],
  ['login', 'alice', 'c1', 's1', T0 + 3 * MINUTE],
  ['purchase', 'alice', 'c1', 's1', T0 + 4 * MINUTE],
  ['page_view', '', 'c2', 's2', T0],
];

describe('several id columns (item 7)', () => {
  it('counts by the id column filled on the most rows, not the mostly empty user_id', () => {
    // client_id is filled on 6 rows, user_id on 2: by client_id, c1 did all three steps.
    const out = funnel(GA4_ROWS, 'first_visit, page_view, add_to_cart');
    expect(counts(out)).toEqual([1, 1, 1]);
    expect(notes(out)).toEqual(['', '', '']);
    expect(readEventTable(GA4_ROWS).columns.user).toBe('client_id');
  });

  it('prefers user_pseudo_id with ga_session_id, as GA4 documents, when it is as full', () => {
    const rows = [
      ['user_id', 'user_pseudo_id', 'ga_session_id', 'session_id', 'event_name', 'event_timestamp'],
      ['', 'p1', 11, '', 'view', T0],
      ['x', 'p1', 11, 'other', 'buy', T0 + MINUTE],
    ];
    const table = readEventTable(rows, { bySession: true });
    expect(table.columns).toMatchObject({ user: 'user_pseudo_id', session: 'ga_session_id' });
    expect(table.entityKeys).toEqual(['p1 / 11']);
  });

  it('a named mostly empty column leaves rows out and says so; a step whose rows all went is not a typo', () => {
    const out = funnel(GA4_ROWS, 'first_visit, page_view, purchase', '', 'user=user_id');
    // Only the two rows of alice (login, purchase) have a user_id. Of the 4 others, FUNNEL reads
    // the 3 of its steps (first_visit, page_view twice; add_to_cart is no step) and leaves them out.
    expect(counts(out)).toEqual([0, 0, 0]);
    expect(notes(out)).toEqual([
      `the only "first_visit" row was left out; 3 rows of the funnel's events without a user id (column "user_id") were left out`,
      `all 2 "page_view" rows were left out (see the first step's note)`,
      '',
    ]);
  });

  it('blank rows under the data (a whole-column selection) are not rows without an id', () => {
    const rows = [...GA4_ROWS, ['', '', '', '', ''], []];
    expect(notes(funnel(rows, 'page_view, add_to_cart'))).toEqual(['', '']);
  });
});

describe('unreadable timestamps and repeated headers (items 7 and 9)', () => {
  const header = ['user_id', 'event_name', 'event_time'];
  const good = [
    ['u1', 'view', '2024-03-01 10:00:00'],
    ['u1', 'buy', '2024-03-01 10:05:00'],
    ['u2', 'view', '2024-03-01 11:00:00'],
  ];

  it('a few unreadable timestamps are left out with a note naming the first', () => {
    const out = funnel([header, ...good, ['u2', 'buy', 'n/a']], 'view, buy');
    // u2's buy has no time: u2 stops at view.
    expect(counts(out)).toEqual([2, 1]);
    expect(notes(out)[0]).toBe(
      '1 row without a readable timestamp (column "event_time", first at row 5: "n/a") was left out',
    );
  });

  it('a column of mostly unreadable timestamps is an error naming the cell', () => {
    const rows = [header, ['u1', 'view', 'soon'], ['u1', 'buy', 'later'], ['u2', 'view', '2024-03-01']];
    expect(() => funnel(rows, 'view, buy')).toThrow(
      /^row 2 of data, column "event_time": "soon" is not a date or time\./,
    );
  });

  it('a second paste under the first: its header row is skipped with a note, not a bad timestamp', () => {
    const out = funnel([header, ...good.slice(0, 2), header, good[2]!], 'view, buy');
    expect(counts(out)).toEqual([2, 1]);
    expect(notes(out)[0]).toBe('a repeated header row (row 4) was skipped');
  });
});

describe('timestamps as the sheet shows them (item 8)', () => {
  it('GA dates and date-hours stored as numbers are those dates, not epoch seconds', () => {
    const rows = [
      ['user_id', 'event_name', 'date'],
      ['u1', 'view', 20240301],
      ['u1', 'buy', 2024030110],
    ];
    const t = readEventTable(rows);
    expect([...t.times]).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 1, 10)]);
    // Within a 1-day window: 10 hours apart.
    expect(counts(funnel(rows, 'view, buy', '1d'))).toEqual([1, 1]);
  });

  it('epoch seconds that are not a real date-hour stay epoch seconds', () => {
    // 1709287200 s is 2024-03-01 10:00 UTC; as a date-hour its year would be 1709 (not a GA year).
    const t = readEventTable([
      ['user_id', 'event_name', 'ts'],
      ['u1', 'view', 1_709_287_200],
    ]);
    expect(t.times[0]).toBe(Date.UTC(2024, 2, 1, 10));
  });

  it('text without a zone is read in the spreadsheet time zone, so it agrees with Date cells', () => {
    // 2024-03-01 is winter in Berlin (UTC+1): 10:00 there is 09:00 UTC.
    const rows = [
      ['user_id', 'event_name', 'event_time'],
      ['u1', 'view', new Date(Date.UTC(2024, 2, 1, 9, 0))],
      ['u1', 'buy', '2024-03-01 10:05:00'], // five minutes after the view, on a Berlin clock
    ];
    expect(counts(funnel(rows, 'view, buy', '10m', '', 'Europe/Berlin'))).toEqual([1, 1]);
    // Read as UTC, the buy would be 65 minutes after the view: outside 10 minutes.
    expect(counts(funnel(rows, 'view, buy', '10m'))).toEqual([1, 0]);
  });

  it('across a change of clocks, and text with its own zone is left as written', () => {
    const t = readEventTable(
      [
        ['user_id', 'event_name', 'event_time'],
        ['u1', 'a', '2024-03-31 03:30:00'], // Berlin summer time (UTC+2) began at 02:00 that night
        ['u1', 'b', '2024-10-27 12:00:00'], // back to UTC+1 that morning
        ['u1', 'c', '2024-03-31 03:30:00 UTC'],
        ['u1', 'd', '20240301'], // a GA date: midnight in Berlin is 23:00 UTC the day before
      ],
      { timeZone: 'Europe/Berlin' },
    );
    expect([...t.times]).toEqual([
      Date.UTC(2024, 2, 31, 1, 30),
      Date.UTC(2024, 9, 27, 11, 0),
      Date.UTC(2024, 2, 31, 3, 30),
      Date.UTC(2024, 1, 29, 23, 0),
    ]);
  });

  it('property: with a whole-hour fixed zone, text times are the UTC reading shifted by that offset', () => {
    // Etc/GMT-3 is UTC+3 all year (POSIX signs are reversed): no DST, a reference by hand.
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }), (s) => {
        const text = new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
        const rows = [
          ['user_id', 'event_name', 'event_time'],
          ['u1', 'a', text],
        ];
        const utc = readEventTable(rows).times[0]!;
        expect(readEventTable(rows, { timeZone: 'Etc/GMT-3' }).times[0]).toBe(utc - 3 * 3_600_000);
      }),
      { numRuns: 200 },
    );
  });
});

describe('readable first-contact notes (item 9)', () => {
  const rows = [
    ['user_id', 'event_name', 'event_time'],
    ['u1', 'view_item', '2024-03-01 10:00:00'],
    ['u1', 'add_to_cart', '2024-03-01 10:01:00'],
    ['u1', 'purchase', '2024-03-01 10:02:00'],
    ['u1', 'page_view', '2024-03-01 10:03:00'],
    ['u1', 'scroll', '2024-03-01 10:04:00'],
    ['u1', 'session_start', '2024-03-01 10:05:00'],
    ['u1', 'user_engagement', '2024-03-01 10:06:00'],
  ];

  it.each([
    ['purchse', 'purchase'], // a letter dropped
    ['purhcase', 'purchase'], // two letters swapped
    ['Add To Cart', 'add_to_cart'], // case and separators
    ['view_itme', 'view_item'],
  ])('"%s" suggests "%s"', (typo, meant) => {
    const note = String(notes(funnel(rows, `view_item, ${typo}`))[1]);
    expect(note).toContain(`no "${typo}" events in the data (did you mean "${meant}"?)`);
  });

  it('a missing step lists five names the data has, closest first, and how many more', () => {
    // "scrol" to scroll is 1 edit (the suggestion). Of the 6 other names, 5 are shown. Bounds by
    // hand: a distance is at most the longer length, and at least the longer length minus the
    // longest common subsequence. userengagement (14 letters, shares only "s", "r" with scrol) is
    // at least 12 away; sessionstart (12 letters) is at most 12 away, and the 8- and 9-letter names
    // at most 9: userengagement is the one left out, unless it ties sessionstart at 12, which
    // would need sessionstart to share nothing with "scrol", but both have an "s".
    const note = String(notes(funnel(rows, 'view_item, scrol'))[1]);
    const prefix = 'no "scrol" events in the data (did you mean "scroll"?); other names in the data: ';
    expect(note.startsWith(prefix)).toBe(true);
    const [list, more] = note.slice(prefix.length).split(' and ');
    expect(more).toBe('1 more');
    const shown = list!.split(', ').map((n) => n.replace(/"/g, ''));
    expect(shown).toHaveLength(5);
    const others = ['view_item', 'add_to_cart', 'purchase', 'page_view', 'session_start', 'user_engagement'];
    for (const name of shown) expect(others).toContain(name);
    // The longest names are furthest from "scrol": user_engagement is the one left out.
    expect(shown).not.toContain('user_engagement');
  });

  it('no near name: no suggestion, just the names present, closest first', () => {
    const two = rows.slice(0, 3);
    // "qqqq" shares no letter with them: 4 substitutions plus an insert per extra letter, so
    // viewitem (8 letters) is 8 edits away and addtocart (9) is 9: view_item is listed first.
    expect(notes(funnel(two, 'view_item, qqqq'))[1]).toBe(
      'no "qqqq" events in the data; names in the data: "view_item", "add_to_cart"',
    );
  });

  it.each([
    ['view_item; add_to_cart; purchase'],
    ['view_item\nadd_to_cart\npurchase'],
    ['view_item\r\nadd_to_cart,purchase'],
  ])('steps in one text separated by ;, new lines or commas: %j', (steps) => {
    const out = funnel(rows, steps);
    expect(out.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['view_item', 1],
      ['add_to_cart', 1],
      ['purchase', 1],
    ]);
  });
});

describe('one reading layer (item 11)', () => {
  it('FUNNEL_SQL queries by default the columns the reading layer picks from a GA4 BigQuery header', () => {
    const header = [
      'event_date',
      'event_timestamp',
      'event_name',
      'user_id',
      'user_pseudo_id',
      'ga_session_id',
    ];
    const rows = [header, ['20240301', T0, 'view', '', 'p1', 7]];
    const table = readEventTable(rows, { bySession: true });
    const query = funnelSql('view, buy', '', 'by session', 'clickhouse', '').join('\n');
    const { user, session, event, time } = table.columns;
    expect(query).toContain(`GROUP BY ${user}, ${session}`);
    expect(query).toContain(`toUInt64(${time}), ${event} = 'view'`);
  });

  it('FUNNEL, FUNNEL_TREND and MICRO_IMPACT count the same users on the same rows', () => {
    const funnelUsers = counts(funnel(GA4_ROWS, 'page_view, purchase'));
    const trend = funnelTrend(GA4_ROWS, 'page_view, purchase', '', 'day', '');
    // All of it on 2024-03-01: one period row.
    const impact = microImpact(
      readEventTable(GA4_ROWS),
      { label: 'purchase', names: ['purchase'] },
      null,
      Number.POSITIVE_INFINITY,
    );
    // By client_id: c1 and c2 viewed a page, c1 bought (by user_id, there would be 0 page views).
    expect(funnelUsers).toEqual([2, 1]);
    expect(trend[1]!.slice(1, 3)).toEqual([2, 1]);
    expect(impact.converters).toBe(1);
  });
});
