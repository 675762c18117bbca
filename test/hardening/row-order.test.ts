/**
 * Determinism: the same rows in any order give the same output, cell for cell. FUNNEL has this
 * property in test/core/funnel/properties.test.ts; here MICRO_IMPACT and FUNNEL_TREND, whose
 * sorting (odds ratio ties) and period assignment (the chain's step-1 row) could depend on which
 * row came first. Rows mix timestamp types, exact ties, ids typed as numbers and text, and
 * names with stray spaces, so first-seen spellings and tie rules are exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNNEL_TREND } from '../../src/functions/funnel-trend';
import { MICRO_IMPACT } from '../../src/functions/micro-impact';

const BASE_MS = Date.UTC(2024, 1, 26, 22); // a Monday night: rows straddle day, week and month edges

interface Row {
  entity: unknown;
  event: string;
  /** Seconds after BASE_MS, on a coarse grid so ties are common. */
  sec: number;
  repr: number;
  device: string;
}

function timeCell(row: Row): unknown {
  const ms = BASE_MS + row.sec * 1000;
  switch (row.repr) {
    case 0:
      return ms * 1000; // epoch µs (GA4 BigQuery)
    case 1:
      return new Date(ms);
    case 2:
      return new Date(ms).toISOString();
    case 3:
      return ms / 1000; // epoch seconds
    default:
      return ms / 86_400_000 + 25_569; // spreadsheet serial
  }
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  entity: fc.constantFrom<unknown>('u1', 'u2', 'u3', 'u4', 7, '7', ' u1'),
  event: fc.constantFrom('view', 'cart', 'buy', ' buy', 'other', ''),
  sec: fc.integer({ min: 0, max: 12 }).map((k) => k * 3600 * 6), // 6-hour steps over 3 days
  repr: fc.integer({ min: 0, max: 4 }),
  device: fc.constantFrom('mobile', 'desktop'),
});

/** Rows and one permutation of them. */
const rowsAndShuffle = fc
  .array(rowArb, { minLength: 1, maxLength: 16 })
  .chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
    ),
  );

function sheet(rows: Row[]): unknown[][] {
  return [
    ['user_pseudo_id', 'event_name', 'event_timestamp', 'ga_session_id', 'device'],
    ...rows.map((r) => [r.entity, r.event, timeCell(r), 's1', r.device]),
  ];
}

/** The output, or the error message: both must not depend on the order. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('row order does not matter', () => {
  it('MICRO_IMPACT: same table for any permutation of the rows', () => {
    fc.assert(
      fc.property(
        rowsAndShuffle,
        fc.constantFrom('buy', 'buy|cart'),
        fc.constantFrom('', 'view, cart', 'view|other, cart, nope'),
        fc.constantFrom('', '12h', 1, '0s'),
        ([rows, shuffled], macro, micros, window) => {
          expect(outcome(() => MICRO_IMPACT(sheet(shuffled), macro, micros, window))).toEqual(
            outcome(() => MICRO_IMPACT(sheet(rows), macro, micros, window)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('FUNNEL_TREND: same periods and counts for any permutation of the rows', () => {
    fc.assert(
      fc.property(
        rowsAndShuffle,
        fc.constantFrom('view, cart, buy', 'view|cart, buy', 'cart, view'),
        fc.constantFrom('', '12h', 1),
        fc.constantFrom('day', 'week', 'month'),
        fc.constantFrom(
          '',
          'strict_order',
          'strict_deduplication, strict_increase',
          'any order',
          'open',
          'by session',
        ),
        ([rows, shuffled], steps, window, period, options) => {
          expect(outcome(() => FUNNEL_TREND(sheet(shuffled), steps, window, period, options))).toEqual(
            outcome(() => FUNNEL_TREND(sheet(rows), steps, window, period, options)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
