/**
 * Big input: a read that cannot finish within Sheets' 30 seconds stops with a UserError that says
 * what to do, instead of Sheets' own "Exceeded maximum execution time" (src/core/table/limits.ts).
 * No big array here (the bench measures time and memory on 1M and 3.3M rows): a clock that jumps
 * plays the slow server, so the rule is tested exactly and the test stays fast.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { READ_BUDGET_MS, ROWS_PER_CLOCK_CHECK } from '../../src/core/table/limits';
import { DROP_OFF } from '../../src/functions/drop-off';
import { FUNNEL } from '../../src/functions/funnel';
import { FUNNEL_TREND } from '../../src/functions/funnel-trend';
import { MICRO_IMPACT } from '../../src/functions/micro-impact';

/** Header plus `rows` event rows: u0..u99 view, then every third buys a minute later. */
function events(rows: number): unknown[][] {
  const out: unknown[][] = [['user_pseudo_id', 'event_name', 'event_timestamp']];
  const base = Date.UTC(2024, 2, 4, 10) * 1000;
  for (let i = 0; i < rows; i++) {
    const user = i % 100;
    const buys = i >= 100 && user % 3 === 0;
    out.push([`u${user}`, buys ? 'buy' : 'view', base + i * 60_000_000]);
  }
  return out;
}

const ROWS = 5 * ROWS_PER_CLOCK_CHECK; // 40,960 rows: five looks at the clock
const DATA = events(ROWS);
const TOO_SLOW =
  /^data is too large to finish within the 30 seconds Sheets gives a custom function: after 8 seconds, (\d+) of its 40961 rows were read\. Select fewer rows \(a shorter date range\) or only the columns needed, or count the funnel in the warehouse with FUNNEL_SQL\.$/;

/** A clock that moves `stepMs` each time it is read, as on a server slow enough to miss the limit. */
function slowClock(stepMs: number): void {
  let now = 1_700_000_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => {
    now += stepMs;
    return now;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a read that would run past the time limit', () => {
  it.each([
    ['FUNNEL', () => FUNNEL(DATA, 'view, buy')],
    ['MICRO_IMPACT', () => MICRO_IMPACT(DATA, 'buy')],
    ['FUNNEL_TREND', () => FUNNEL_TREND(DATA, 'view, buy')],
    ['DROP_OFF', () => DROP_OFF(DATA, 'view, buy')],
  ])('%s stops with a message that says how to reduce the range', (_, run) => {
    // 6 s per look: the start, then row 8192 (6 s) passes; row 16384 (12 s) is over the 8 s budget.
    slowClock(6_000);
    expect(run).toThrow(TOO_SLOW);
    try {
      run();
    } catch (error) {
      expect(TOO_SLOW.exec((error as Error).message)![1]).toBe(String(2 * ROWS_PER_CLOCK_CHECK));
    }
  });

  it("strict_order's second pass, over the other events' rows, counts toward the same budget", () => {
    // With "buy" the only step, the view rows are read again (read.ts otherRows). 1.5 s per look:
    // the first pass's five looks end at 7.5 s, within budget; the second pass's first look
    // (row 8192) is at 9 s. Without strict_order the same clock lets the call finish.
    slowClock(1_500);
    let message = '';
    try {
      FUNNEL(DATA, 'buy', '', 'strict_order');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(TOO_SLOW.exec(message)?.[1]).toBe(String(ROWS_PER_CLOCK_CHECK));
    slowClock(1_500);
    expect(FUNNEL(DATA, 'buy')[1]!.slice(0, 2)).toEqual(['buy', 34]);
  });

  it('a read within the budget is not stopped, however many looks at the clock it takes', () => {
    // Just under the budget at the last look: the same answer as with the real clock.
    slowClock(Math.floor(READ_BUDGET_MS / 5));
    const slow = FUNNEL(DATA, 'view, buy');
    vi.restoreAllMocks();
    const users = 100;
    const buyers = 34; // u0, u3, ..., u99: every third of 100, each buying after its first view
    expect(slow.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['view', users],
      ['buy', buyers],
    ]);
    expect(FUNNEL(DATA, 'view, buy')).toEqual(slow);
  });
});
