import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelTrend } from '../../../src/core/insights/funnel-trend';
import { FUNNEL } from '../../../src/functions/funnel';
import { FUNNEL_TREND } from '../../../src/functions/funnel-trend';

const HEADER = ['user_id', 'event_name', 'timestamp'];
type Event = [user: string, event: string, time: string];
const rowsOf = (events: Event[]) => [HEADER, ...events];

const trend = (...args: unknown[]) => (FUNNEL_TREND as (...a: unknown[]) => unknown[][])(...args);

describe('FUNNEL_TREND', () => {
  // 2024-03-04 is a Monday.
  const events: Event[] = [
    ['a', 'view', '2024-03-04 10:00:00'],
    ['a', 'buy', '2024-03-05 09:00:00'],
    ['b', 'view', '2024-03-10 23:59:59'], // Sunday: still the week of 03-04
    ['c', 'view', '2024-03-11 00:00:00'], // Monday: the next week
    ['c', 'buy', '2024-03-11 00:30:00'],
    ['d', 'view', '2024-03-27 12:00:00'],
    ['d', 'other', '2024-03-28 12:00:00'],
  ];

  it('counts each entity in the week (from Monday) of its entry, gaps filled with zeros', () => {
    expect(trend(rowsOf(events), 'view, buy')).toEqual([
      ['Week starting (Monday)', 'view (entrants)', 'buy', 'Conversion (last step / first)', 'Notes'],
      ['2024-03-04', 2, 1, 0.5, ''],
      ['2024-03-11', 1, 1, 1, ''],
      ['2024-03-18', 0, 0, '', ''],
      ['2024-03-25', 1, 0, 0, ''],
    ]);
  });

  it('puts an entity whose chain restarts in the period of the step-1 row that led on (latest start)', () => {
    const restart: Event[] = [
      ['e', 'view', '2024-03-01 10:00:00'],
      ['e', 'view', '2024-03-12 10:00:00'],
      ['e', 'buy', '2024-03-13 10:00:00'],
    ];
    expect(trend(rowsOf(restart), 'view, buy', '', 'week')).toEqual([
      ['Week starting (Monday)', 'view (entrants)', 'buy', 'Conversion (last step / first)', 'Notes'],
      ['2024-03-11', 1, 1, 1, ''],
    ]);
  });

  it('puts an open-funnel entity that enters at a later step in the period of that entry', () => {
    const open: Event[] = [
      ['v', 'view', '2024-03-05 10:00:00'],
      ['z', 'buy', '2024-03-12 10:00:00'], // enters at step 2, the week after
    ];
    expect(trend(rowsOf(open), 'view, buy', '', 'week', 'open')).toEqual([
      ['Week starting (Monday)', 'view (entrants)', 'buy', 'Conversion (last step / first)', 'Notes'],
      ['2024-03-04', 1, 0, 0, ''],
      ['2024-03-11', 0, 1, '', ''],
    ]);
  });

  it("puts Date and text cells on the spreadsheet's calendar day when given its time zone", () => {
    // 2024-03-04 03:30 UTC is Sunday 2024-03-03 22:30 in New York (EST, UTC-5; DST starts March 10):
    // the week starting Monday 2024-02-26 there, the week of 2024-03-04 in UTC.
    const instant = Date.UTC(2024, 2, 4, 3, 30);
    const dates = [HEADER, ['a', 'view', new Date(instant)]];
    expect(funnelTrend(dates, 'view', '', 'week', '', 'America/New_York')[1]![0]).toBe('2024-02-26');
    expect(funnelTrend(dates, 'view', '', 'week', '')[1]![0]).toBe('2024-03-04'); // no zone: UTC
    // The same moment written as the sheet shows it falls on the same day.
    const text = [HEADER, ['a', 'view', '2024-03-03 22:30:00']];
    expect(funnelTrend(text, 'view', '', 'week', '', 'America/New_York')[1]![0]).toBe('2024-02-26');
    expect(funnelTrend(text, 'view', '', 'day', '', 'America/New_York')[1]![0]).toBe('2024-03-03');
  });

  it('applies the window as FUNNEL does', () => {
    const rows = trend(rowsOf(events), 'view, buy', '1h', 'week');
    expect(rows.slice(1, 3)).toEqual([
      ['2024-03-04', 2, 0, 0, ''], // a bought 23 hours later
      ['2024-03-11', 1, 1, 1, ''],
    ]);
  });

  it('groups by day and by month', () => {
    const days = trend(rowsOf(events.slice(0, 5)), 'view, buy', '', 'day');
    expect(days[0]![0]).toBe('Day');
    expect(days.slice(1).map((r) => r[0])).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
      '2024-03-11',
    ]);
    expect(days[1]).toEqual(['2024-03-04', 1, 1, 1, '']);
    expect(days[7]).toEqual(['2024-03-10', 1, 0, 0, '']);
    const months = trend(
      rowsOf([
        ['x', 'view', '2024-01-31 23:00:00'],
        ['y', 'view', '2024-02-01 00:00:00'],
        ['y', 'buy', '2024-02-02 00:00:00'],
      ]),
      'view, buy',
      '',
      'Monthly',
    );
    expect(months).toEqual([
      ['Month starting', 'view (entrants)', 'buy', 'Conversion (last step / first)', 'Notes'],
      ['2024-01-01', 1, 0, 0, ''],
      ['2024-02-01', 1, 1, 1, ''],
    ]);
  });

  it("explains a misspelt step on the first row, with FUNNEL's did you mean", () => {
    // "byu" is "buy" with two letters swapped (one edit); the other names, closest first, are
    // "view" (4 edits) and "other" (5 edits: no letter in common with "byu").
    const rows = trend(rowsOf(events), 'view, byu');
    expect(rows).toEqual([
      ['Week starting (Monday)', 'view (entrants)', 'byu', 'Conversion (last step / first)', 'Notes'],
      [
        '2024-03-04',
        2,
        0,
        0,
        'Step 2 (byu): no "byu" events in the data (did you mean "buy"?); other names in the data: "view", "other"',
      ],
      ['2024-03-11', 1, 0, 0, ''],
      ['2024-03-18', 0, 0, '', ''],
      ['2024-03-25', 1, 0, 0, ''],
    ]);
  });

  it('still says why when the first step is missing: one row of zeros carries the notes', () => {
    const rows = trend(rowsOf(events), 'view_item_list, buy');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 4)).toEqual(['', 0, 0, '']);
    expect(rows[1]![4]).toMatch(
      /^Step 1 \(view_item_list\): no "view_item_list" events in the data; names in/,
    );
  });

  it('writes, for every step with a note, the very note FUNNEL writes on that step (property)', () => {
    const names = fc.constantFrom('view', 'buy', 'byu', 'vew', 'add_to_cart', 'view|nope', 'vi*', 'zzz*');
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 4 }), (steps) => {
        const text = steps.join(', ');
        const funnel = (FUNNEL as (...a: unknown[]) => unknown[][])(rowsOf(events), text);
        const expected = funnel
          .slice(1)
          .map((row, i) => (row[6] ? `Step ${i + 1} (${row[0]}): ${row[6]}` : ''))
          .filter((line) => line !== '')
          .join('\n');
        const rows = trend(rowsOf(events), text);
        expect(rows[1]![steps.length + 2]).toBe(expected);
        for (const row of rows) expect(row).toHaveLength(steps.length + 3);
      }),
      { numRuns: 60 },
    );
  });

  it('adds up, period by period, to FUNNEL on the same arguments (property)', () => {
    const arb = fc.array(
      fc.tuple(
        fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5'),
        fc.constantFrom('a', 'b', 'c', 'x'),
        fc.integer({ min: 0, max: 60 * 24 * 30 }),
      ),
      { minLength: 1, maxLength: 40 },
    );
    const options = fc.constantFrom(
      '',
      'strict_order',
      'strict_increase',
      'strict_deduplication',
      'any order',
      'open',
      'exclude=x',
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom('', '1d', '3d'),
        options,
        fc.constantFrom('day', 'week', 'month'),
        (ev, w, o, p) => {
          const data = [
            HEADER,
            ...ev.map(([u, e, m]) => [u, e, new Date(Date.UTC(2024, 1, 20) + m * 60_000).toISOString()]),
          ];
          const funnel = (FUNNEL as (...a: unknown[]) => unknown[][])(data, 'a, b, c', w, o);
          const expected = funnel.slice(1).map((r) => r[1]);
          const rows = trend(data, 'a, b, c', w, p, o);
          const sums = [1, 2, 3].map((k) => rows.slice(1).reduce((s, r) => s + (r[k] as number), 0));
          expect(sums).toEqual(expected);
          for (const r of rows.slice(1)) expect(r).toHaveLength(6);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    [
      [rowsOf(events), 'view, buy', '', 'fortnight'],
      /period "fortnight" is not one of "day", "week" \(starting Monday\) or "month"/,
    ],
    [[rowsOf(events), 'view, buy', '', 'week', 'time'], /option "time" is not available in FUNNEL_TREND/],
    [[rowsOf(events), 'view, buy', '', 'week', 'breakdown=user_id'], /option "breakdown=" is not available/],
    [[rowsOf(events), 'view, buy', '', 'week', 'bogus'], /unknown option "bogus"/],
    [
      [
        [
          ['Event name', 'Total users'],
          ['view', 3],
        ],
        'view, buy',
      ],
      /data looks like a report/,
    ],
    [[rowsOf(events), ''], /steps are missing/],
    [
      [
        rowsOf([
          ['a', 'view', '1900-01-01 00:00:00'],
          ['b', 'view', '2024-01-01 00:00:00'],
        ]),
        'view',
        '',
        'day',
      ],
      /data spans \d+ days .* check the timestamps/,
    ],
  ])('rejects bad input %# with a clear message', (args, message) => {
    expect(() => trend(...args)).toThrow(message);
  });
});
