/**
 * The worked examples of ../shared/notes/funnels.md, with the numbers stated there (not
 * numbers produced by the engine).
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';

const HEADER = ['distinct_id', 'event', 'timestamp'];
const at = (iso: string) => new Date(`${iso}Z`);
const counts = (table: unknown[][]) => table.slice(1).map((row) => row[1]);
const column = (table: unknown[][], name: string) => {
  const index = table[0]!.indexOf(name);
  return table.slice(1).map((row) => row[index]);
};

describe('worked examples from the notes', () => {
  it('1. ClickHouse docs: 1003 -> 1009 -> 1007 -> 1010 with a very large window reaches level 4', () => {
    const data = [
      ['user_id', 'eventID', 'timestamp'],
      [1, 1003, at('2019-01-29T10:00:00')],
      [1, 1009, at('2019-01-30T08:00:00')],
      [1, 1007, at('2019-01-31T09:00:00')],
      [1, 1010, at('2019-02-01T08:00:00')],
    ];
    const out = funnel(data, '1003, 1009, 1007, 1010', 100_000, 'event=eventID');
    expect(counts(out)).toEqual([1, 1, 1, 1]);
  });

  it('2. PostHog conversion time: counts 3, 3, 2; mean 6000 s and 5400 s; median 7200 s and 5400 s', () => {
    const data = [
      HEADER,
      ['person1', 'sign up', at('2024-05-01T12:00:00')],
      ['person1', 'play movie', at('2024-05-01T13:00:00')],
      ['person1', 'buy', at('2024-05-01T15:00:00')],
      ['person2', 'sign up', at('2024-05-01T14:00:00')],
      ['person2', 'play movie', at('2024-05-01T16:00:00')],
      ['person3', 'sign up', at('2024-05-01T14:00:00')],
      ['person3', 'play movie', at('2024-05-01T16:00:00')],
      ['person3', 'buy', at('2024-05-01T17:00:00')],
    ];
    const out = funnel(data, 'sign up, play movie, buy', '', 'time');
    expect(counts(out)).toEqual([3, 3, 2]);
    const seconds = (days: unknown) => (typeof days === 'number' ? Math.round(days * 86_400) : days);
    expect(column(out, 'Mean time from previous step').map(seconds)).toEqual(['', 6000, 5400]);
    expect(column(out, 'Median time from previous step').map(seconds)).toEqual(['', 7200, 5400]);
  });

  describe('3. PostHog window: pageview 5 min after, never, 15 min after signup', () => {
    const data = [
      HEADER,
      ['u1', 'signup', at('2024-05-01T10:00:00')],
      ['u1', 'pageview', at('2024-05-01T10:05:00')],
      ['u2', 'signup', at('2024-05-01T10:00:00')],
      ['u3', 'signup', at('2024-05-01T10:00:00')],
      ['u3', 'pageview', at('2024-05-01T10:15:00')],
    ];
    it('window 14 days: 3, 2', () => {
      expect(counts(funnel(data, 'signup, pageview', '14d'))).toEqual([3, 2]);
      expect(counts(funnel(data, 'signup, pageview', 14))).toEqual([3, 2]);
    });
    it('window 5 minutes: 3, 1 (exactly 5 minutes counts)', () => {
      expect(counts(funnel(data, 'signup, pageview', '5m'))).toEqual([3, 1]);
      expect(counts(funnel(data, 'signup, pageview', '5 min'))).toEqual([3, 1]);
      expect(counts(funnel(data, 'signup, pageview', 5 / 1440))).toEqual([3, 1]);
    });
  });

  describe('4. Mixpanel: A 1:00, A 1:30, B 1:45, C 2:15, window 1 hour', () => {
    it('from the first A it converts through B, not C', () => {
      const data = [
        HEADER,
        ['u', 'A', at('2024-05-01T01:00:00')],
        ['u', 'B', at('2024-05-01T01:45:00')],
        ['u', 'C', at('2024-05-01T02:15:00')],
      ];
      expect(counts(funnel(data, 'A, B, C', '1h'))).toEqual([1, 1, 0]);
    });
    it('with the second A, ClickHouse lets the latest start win (FUNNEL follows ClickHouse): C at 45 min counts', () => {
      const data = [
        HEADER,
        ['u', 'A', at('2024-05-01T01:00:00')],
        ['u', 'A', at('2024-05-01T01:30:00')],
        ['u', 'B', at('2024-05-01T01:45:00')],
        ['u', 'C', at('2024-05-01T02:15:00')],
      ];
      expect(counts(funnel(data, 'A, B, C', '1h'))).toEqual([1, 1, 1]);
    });
  });

  it('6. onboarding 13:01, pageviews 13:10, 13:10, 13:11; steps onboarding, pageview, pageview: 1, 1, 1', () => {
    const data = [
      HEADER,
      ['u', 'onboarding', at('2024-05-01T13:01:00')],
      ['u', 'pageview', at('2024-05-01T13:10:00')],
      ['u', 'pageview', at('2024-05-01T13:10:00')],
      ['u', 'pageview', at('2024-05-01T13:11:00')],
    ];
    expect(counts(funnel(data, 'onboarding, pageview, pageview'))).toEqual([1, 1, 1]);
  });
});

describe('ClickHouse rules worked by hand', () => {
  const rows = (...events: [string, string][]) => [
    HEADER,
    ...events.map(([name, time]) => ['u', name, at(`2024-05-01T${time}`)]),
  ];

  it('ties: at equal timestamps steps sort in funnel order, whatever the row order', () => {
    const data = rows(['b', '10:00:00'], ['a', '10:00:00']);
    expect(counts(funnel(data, 'a, b'))).toEqual([1, 1]);
  });

  it('a row fills one step: the same event listed twice needs two rows (issue 12, unlike windowFunnel)', () => {
    expect(counts(funnel(rows(['view', '10:00:00']), 'view, view'))).toEqual([1, 0]);
    expect(counts(funnel(rows(['view', '10:00:00'], ['view', '10:00:00']), 'view, view'))).toEqual([1, 1]);
  });

  it('strict_order: a row matching no step ends the chain; without it the chain goes on', () => {
    const data = rows(['a', '10:00:00'], ['noise', '10:01:00'], ['b', '10:02:00']);
    expect(counts(funnel(data, 'a, b'))).toEqual([1, 1]);
    expect(counts(funnel(data, 'a, b', '', 'strict_order'))).toEqual([1, 0]);
  });

  it('strict_order: a non-step row at the same time as a step sorts before it and ends the chain', () => {
    const data = rows(['a', '10:00:00'], ['b', '10:01:00'], ['noise', '10:01:00']);
    expect(counts(funnel(data, 'a, b', '', 'strict_order'))).toEqual([1, 0]);
  });

  it('strict_order: a non-step row at the time of the first step 1 is before it, so the next one ends the chain', () => {
    // noise@10:00 sorts before a@10:00 (no chain yet: passed over); b follows a; noise@10:02 ends it.
    const data = rows(
      ['noise', '10:00:00'],
      ['a', '10:00:00'],
      ['b', '10:01:00'],
      ['noise', '10:02:00'],
      ['c', '10:03:00'],
    );
    expect(counts(funnel(data, 'a, b, c', '', 'strict_order'))).toEqual([1, 1, 0]);
    // Two non-step rows after the chain began: the earlier one ends it, however the rows are pasted.
    const twoBreaks = rows(
      ['noise', '10:05:00'],
      ['a', '10:00:00'],
      ['noise', '10:01:00'],
      ['b', '10:02:00'],
    );
    expect(counts(funnel(twoBreaks, 'a, b', '', 'strict_order'))).toEqual([1, 0]);
  });

  it('strict_deduplication: a repeated step ends the scan', () => {
    const data = rows(['a', '10:00:00'], ['b', '10:01:00'], ['b', '10:02:00'], ['c', '10:03:00']);
    expect(counts(funnel(data, 'a, b, c'))).toEqual([1, 1, 1]);
    expect(counts(funnel(data, 'a, b, c', '', 'strict_deduplication'))).toEqual([1, 1, 0]);
  });

  it('strict_increase: a step at the same time as the previous one does not extend the chain', () => {
    const data = rows(['a', '10:00:00'], ['b', '10:00:00']);
    expect(counts(funnel(data, 'a, b'))).toEqual([1, 1]);
    expect(counts(funnel(data, 'a, b', '', 'strict_increase'))).toEqual([1, 0]);
  });

  it('exclude: an excluded event between the first and last step drops the entity', () => {
    const data = rows(['a', '10:00:00'], ['refund', '10:01:00'], ['b', '10:02:00']);
    expect(counts(funnel(data, 'a, b', '', 'exclude=refund'))).toEqual([0, 0]);
    const after = rows(['a', '10:00:00'], ['b', '10:02:00'], ['refund', '10:03:00']);
    expect(counts(funnel(after, 'a, b', '', 'exclude=refund'))).toEqual([1, 1]);
  });

  it('any order: steps done in reverse count; open: entry at a later step counts there only', () => {
    const data = [
      HEADER,
      ['u1', 'c', at('2024-05-01T10:00:00')],
      ['u1', 'b', at('2024-05-01T10:01:00')],
      ['u1', 'a', at('2024-05-01T10:02:00')],
      ['u2', 'b', at('2024-05-01T10:00:00')],
      ['u2', 'c', at('2024-05-01T10:01:00')],
    ];
    expect(counts(funnel(data, 'a, b, c'))).toEqual([1, 0, 0]);
    // u1 did 3 different steps, u2 did 2.
    expect(counts(funnel(data, 'a, b, c', '', 'any order'))).toEqual([2, 2, 1]);
    // Open: a done by u1; b by both; c by both, and only u2 went on from b to c.
    const open = funnel(data, 'a, b, c', '', 'open');
    expect(counts(open)).toEqual([1, 2, 2]);
    expect(column(open, 'Share of previous step')).toEqual(['', 0, 0.5]);
    expect(column(open, 'Drop-off')).toEqual(['', 1, 1]);
  });
});
