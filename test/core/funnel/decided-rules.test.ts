/**
 * The decided rules of issue 12, each on a small table whose counts are worked out by hand in
 * the comments (not taken from the engine's output).
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';

const HEADER = ['user_id', 'event', 'timestamp'];
const at = (time: string) => new Date(`2024-05-01T${time}Z`);
const counts = (table: unknown[][]) => table.slice(1).map((row) => row[1]);
const column = (table: unknown[][], name: string) => {
  const index = table[0]!.indexOf(name);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.slice(1).map((row) => row[index]);
};
const minutes = (days: unknown) =>
  typeof days === 'number' ? Math.round(days * 24 * 60 * 1000) / 1000 : days;
type Event = [user: string, event: string, time: string];
const table = (...events: Event[]) => [HEADER, ...events.map(([u, e, t]) => [u, e, at(t)])];

describe('1. a row fills one step, in every sequential mode', () => {
  // u1 viewed once, u2 twice, u3 three times, u4 three times and bought; u5 bought only.
  const data = table(
    ['u1', 'page_view', '10:00:00'],
    ['u2', 'page_view', '10:00:00'],
    ['u2', 'page_view', '10:01:00'],
    ['u3', 'page_view', '10:00:00'],
    ['u3', 'page_view', '10:01:00'],
    ['u3', 'page_view', '10:02:00'],
    ['u4', 'page_view', '10:00:00'],
    ['u4', 'page_view', '10:01:00'],
    ['u4', 'page_view', '10:02:00'],
    ['u4', 'purchase', '10:03:00'],
    ['u5', 'purchase', '10:00:00'],
  );

  it('"page_view, page_view, page_view, purchase" needs three views: 4, 3, 2, 1', () => {
    // Step 1: u1-u4 viewed. Step 2 (a second view): u2, u3, u4. Step 3: u3, u4. Purchase after
    // three views: u4. windowFunnel would read 4, 4, 4, 1 (one view fills all three steps).
    expect(counts(funnel(data, 'page_view, page_view, page_view, purchase'))).toEqual([4, 3, 2, 1]);
  });

  it('overlapping alternatives: "view_item|page_view, page_view" needs two rows', () => {
    const rows = table(
      ['a', 'page_view', '10:00:00'], // one row: step 1 only
      ['b', 'view_item', '10:00:00'], // view_item then page_view: both steps
      ['b', 'page_view', '10:05:00'],
      ['c', 'page_view', '10:00:00'], // two page views: both steps
      ['c', 'page_view', '10:05:00'],
    );
    expect(counts(funnel(rows, 'view_item|page_view, page_view'))).toEqual([3, 2]);
  });

  it("where no row matches two steps the counts stay windowFunnel's (latest start wins, window inclusive)", () => {
    // Mixpanel's example: A 1:00, A 1:30, B 1:45, C 2:15, 1 h window: the chain from A 1:30
    // reaches B 1:45 and C 2:15 (45 min after its start), so all three steps count.
    const rows = table(
      ['u', 'A', '01:00:00'],
      ['u', 'A', '01:30:00'],
      ['u', 'B', '01:45:00'],
      ['u', 'C', '02:15:00'],
    );
    expect(counts(funnel(rows, 'A, B, C', '1h'))).toEqual([1, 1, 1]);
  });

  it('strict_order: a row of steps 2 and 3 after step 1 fills step 2 and does not end the chain', () => {
    // a, then c (steps 2 and 3 of "a, b|c, c"): c fills step 2; step 3 needs another c.
    const rows = table(['u', 'a', '10:00:00'], ['u', 'c', '10:01:00']);
    expect(counts(funnel(rows, 'a, b|c, c', '', 'strict_order'))).toEqual([1, 1, 0]);
    const twice = table(['u', 'a', '10:00:00'], ['u', 'c', '10:01:00'], ['u', 'c', '10:02:00']);
    expect(counts(funnel(twice, 'a, b|c, c', '', 'strict_order'))).toEqual([1, 1, 1]);
  });

  it('strict_deduplication: a third view repeats step 2 and ends the scan', () => {
    // u4 above: view 1 starts, view 2 fills step 2, view 3 is step 2 again: the scan ends
    // before the purchase. Without the option, u4 buys after its 2nd view: 4, 3, 1.
    expect(counts(funnel(data, 'page_view, page_view, purchase', '', 'strict_deduplication'))).toEqual([
      4, 3, 0,
    ]);
    expect(counts(funnel(data, 'page_view, page_view, purchase'))).toEqual([4, 3, 1]);
  });

  it('strict_increase: two views at the same time are still two views, but not increasing', () => {
    const rows = table(['u', 'v', '10:00:00'], ['u', 'v', '10:00:00']);
    expect(counts(funnel(rows, 'v, v'))).toEqual([1, 1]);
    expect(counts(funnel(rows, 'v, v', '', 'strict_increase'))).toEqual([1, 0]);
  });
});

describe('2. time with any order', () => {
  it('per step, the time from the (k-1)-th distinct step to the k-th, in the window counted', () => {
    const data = table(
      // u1: b 10:00 (1st distinct), a 10:05 (2nd), c 10:20 (3rd): 5 min, then 15 min.
      ['u1', 'b', '10:00:00'],
      ['u1', 'a', '10:05:00'],
      ['u1', 'c', '10:20:00'],
      // u2: c 11:00 (1st), c 11:01 (a repeat), a 11:10 (2nd): 10 min.
      ['u2', 'c', '11:00:00'],
      ['u2', 'c', '11:01:00'],
      ['u2', 'a', '11:10:00'],
      // u3: a 08:00 alone in its 30 min window; the window counted starts at b 09:00 (b, c):
      // 10 min, not 70.
      ['u3', 'a', '08:00:00'],
      ['u3', 'b', '09:00:00'],
      ['u3', 'c', '09:10:00'],
    );
    const out = funnel(data, 'a, b, c', '30m', 'any order, time');
    expect(counts(out)).toEqual([3, 3, 1]);
    // Step 2: 5, 10 and 10 min: median 10, mean 25/3. Step 3: u1's 15 min.
    expect(column(out, 'Median time from previous step').map(minutes)).toEqual(['', 10, 15]);
    expect(column(out, 'Mean time from previous step').map(minutes)).toEqual(['', 8.333, 15]);
  });
});

describe('3. any order with exclude=: an event after completion does not un-convert', () => {
  it("the issue's user: a 01:00, b 02:00, x 04:00, b 05:00 counts [1, 1]", () => {
    const withLaterB = table(
      ['u', 'a', '01:00:00'],
      ['u', 'b', '02:00:00'],
      ['u', 'x', '04:00:00'],
      ['u', 'b', '05:00:00'],
    );
    expect(counts(funnel(withLaterB, 'a, b', '', 'any order, exclude=x'))).toEqual([1, 1]);
    const without = table(['u', 'a', '01:00:00'], ['u', 'b', '02:00:00'], ['u', 'x', '04:00:00']);
    expect(counts(funnel(without, 'a, b', '', 'any order, exclude=x'))).toEqual([1, 1]);
  });

  it('an excluded event between the first and the last step still drops the entity', () => {
    const between = table(['u', 'b', '01:00:00'], ['u', 'x', '01:30:00'], ['u', 'a', '02:00:00']);
    expect(counts(funnel(between, 'a, b', '', 'any order, exclude=x'))).toEqual([0, 0]);
  });
});

describe('4. optional steps in square brackets', () => {
  const data = table(
    ['u1', 'view', '10:00:00'], // view, wish, buy
    ['u1', 'wish', '10:10:00'],
    ['u1', 'buy', '10:30:00'],
    ['u2', 'view', '10:00:00'], // view, buy (skips wish)
    ['u2', 'buy', '10:20:00'],
    ['u3', 'view', '10:00:00'], // view, wish
    ['u3', 'wish', '10:05:00'],
    ['u4', 'view', '10:00:00'], // view only
    ['u5', 'wish', '10:00:00'], // no view: not in the funnel
    ['u5', 'buy', '10:01:00'],
  );

  it('the optional step counts who did it on the way; the next step counts with or without it', () => {
    const out = funnel(data, 'view, [wish], buy', '', 'time');
    expect(column(out, 'Step')).toEqual(['view', '[wish]', 'buy']);
    // view: u1-u4. wish after view: u1, u3. buy after view: u1, u2.
    expect(counts(out)).toEqual([4, 2, 2]);
    // Shares of previous against view (the last required step): 2/4 and 2/4.
    expect(column(out, 'Share of previous step')).toEqual(['', 0.5, 0.5]);
    // Skipping wish is no drop-off; buy lost u3 and u4 since view.
    expect(column(out, 'Drop-off')).toEqual(['', '', 2]);
    expect(column(out, 'Drop-off share')).toEqual(['', '', 0.5]);
    // Times from view: wish 10 (u1) and 5 (u3) min; buy 30 (u1) and 20 (u2) min.
    expect(column(out, 'Mean time from previous step').map(minutes)).toEqual(['', 7.5, 25]);
  });

  it('the window still runs from the first step, through the optional one', () => {
    // view 10:00, wish 10:30, buy 11:30: with a 1 h window buy is too late.
    const rows = table(['u', 'view', '10:00:00'], ['u', 'wish', '10:30:00'], ['u', 'buy', '11:30:00']);
    expect(counts(funnel(rows, 'view, [wish], buy', '1h'))).toEqual([1, 1, 0]);
    expect(counts(funnel(rows, 'view, [wish], buy', '2h'))).toEqual([1, 1, 1]);
  });

  it('two optional steps in a row may both be skipped, or either one taken', () => {
    const rows = table(
      ['u1', 'a', '10:00:00'], // a, y, z
      ['u1', 'y', '10:01:00'],
      ['u1', 'z', '10:02:00'],
      ['u2', 'a', '10:00:00'], // a, x, z
      ['u2', 'x', '10:01:00'],
      ['u2', 'z', '10:02:00'],
    );
    expect(counts(funnel(rows, 'a, [x], [y], z'))).toEqual([2, 1, 1, 2]);
  });

  it('open: the step after an optional one continues from the last required step', () => {
    // u1: a then c (skips b): continued into c. u2: b then c, no a: counted at b and c, but
    // did not go on from a to c. u3: a, b.
    const rows = table(
      ['u1', 'a', '10:00:00'],
      ['u1', 'c', '10:01:00'],
      ['u2', 'b', '10:00:00'],
      ['u2', 'c', '10:01:00'],
      ['u3', 'a', '10:00:00'],
      ['u3', 'b', '10:01:00'],
    );
    const out = funnel(rows, 'a, [b], c', '', 'open');
    expect(counts(out)).toEqual([2, 2, 2]);
    // Against a (2): b continued from a by u3 (1/2); c continued from a by u1 (1/2).
    expect(column(out, 'Share of previous step')).toEqual(['', 0.5, 0.5]);
    expect(column(out, 'Drop-off')).toEqual(['', '', 1]);
  });
});

describe("5. exclusions: our rule and PostHog's, as the README's option table shows them", () => {
  it('an excluded event after the last step reached does not drop the entity (PostHog drops it)', () => {
    // a, then x, never b: the chain is a alone, nothing lies strictly inside it: counted at a.
    const rows = table(['u', 'a', '10:00:00'], ['u', 'x', '10:05:00']);
    expect(counts(funnel(rows, 'a, b', '', 'exclude=x'))).toEqual([1, 0]);
  });

  it('an excluded event at the same time as a step is not strictly between', () => {
    const rows = table(['u', 'a', '10:00:00'], ['u', 'x', '10:05:00'], ['u', 'b', '10:05:00']);
    expect(counts(funnel(rows, 'a, b', '', 'exclude=x'))).toEqual([1, 1]);
  });
});
