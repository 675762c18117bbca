/**
 * strict_order with the rows of other events read apart (read.ts otherRows, strict-breaks.ts):
 * FUNNEL keeps only its events' rows in the table, so a row of any other event reaches the scan
 * only as an entity's first break. Whatever those rows hold (ids spelled with spaces or as
 * numbers, blank ids, totals rows, unreadable times, entities with no step at all, sessions),
 * the counts must be the ones the engine gives on the whole table, every row read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventFunnel, funnel, readFunnelSpec } from '../../../src/core/funnel';
import { readEventTable } from '../../../src/core/table';

const BASE_S = 1_700_000_000;
const HEADER = ['user_pseudo_id', 'ga_session_id', 'event_name', 'event_timestamp'];

/** One instant written as Sheets may hand it over, or a cell that is no time. */
const timeCell = fc
  .oneof(
    { weight: 9, arbitrary: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 })) },
    { weight: 1, arbitrary: fc.constantFrom('soon', '') },
  )
  .map((t) => {
    if (typeof t === 'string') return t;
    const [sec, repr] = t;
    const s = BASE_S + sec;
    if (repr === 0) return s * 1_000_000;
    if (repr === 1) return s * 1000;
    if (repr === 2) return new Date(s * 1000);
    return new Date(s * 1000).toISOString();
  });

// Few entities, so that rows meet: one user spelled four ways (and a number), blanks, a totals
// row, and a user or session seen on other events' rows only. Mostly step rows, so that a chain
// has steps after its first break often enough to show whether that break was found.
const row = fc.tuple(
  fc.constantFrom('u1', 'u1', 'u1', ' u1', 'u1\r', 7, '7', 'u8', '', 'Grand total'),
  fc.constantFrom('s1', 's1', '', 3, 's8'),
  fc.constantFrom('a', 'a', 'b', 'b', 'c', 'y', 'z', ''),
  timeCell,
);

const steps = fc
  .array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 })
  .map((names) => names.join(', '));
const options = fc.constantFrom(
  'strict_order',
  'strict_order, by session',
  'strict_order, exclude=y',
  'strict_order, strict_increase',
  'strict_order, strict_deduplication, time',
);

/** Each step's count in FUNNEL's output table (the rows after the header, column 2). */
function outputCounts(table: unknown[][]): unknown[] {
  return table.slice(1).map((r) => r[1]);
}

describe('strict_order reads the rows of other events apart', () => {
  it("counts as the engine on the whole table, whatever the other events' rows hold", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 16 }),
        steps,
        fc.constantFrom('', '3s', '10s'),
        options,
        (rows, stepsText, window, words) => {
          // One readable row of a step, so that the table is never empty.
          const data = [HEADER, ...rows, ['u9', 's1', 'a', BASE_S * 1000]];
          const spec = readFunnelSpec(stepsText, window, words);
          // As many unreadable times as readable ones is an error (read.ts), in the whole table
          // or among the funnel's events' rows: not the case looked at here.
          const unlessTimesFail = <T>(read: () => T): T | undefined => {
            try {
              return read();
            } catch (error) {
              if (/is not a date or time|timestamp is empty/.test(String(error))) return undefined;
              throw error;
            }
          };
          const whole = unlessTimesFail(() => readEventTable(data, { bySession: spec.bySession }));
          const output = unlessTimesFail(() => funnel(data, stepsText, window, words));
          if (whole === undefined || output === undefined) return;
          expect(outputCounts(output)).toEqual(eventFunnel(whole, spec).total.counts.slice(1));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
