// Cross-checks FUNNEL_SQL's ClickHouse query against ClickHouse itself (chDB, the bench's peer),
// where it is installed (npm run bench installs it into .cache/chdb); skipped with a message otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chdbUnavailableReason, loadChdb, loadTable } from '../../../bench/chdb.mjs';
import { FUNNEL } from '../../../src/functions/funnel';
import { FUNNEL_SQL } from '../../../src/functions/funnel-sql';

const session = loadChdb({ install: false });
if (!session) console.warn(`FUNNEL_SQL chDB cross-check skipped: chDB ${chdbUnavailableReason}`);

type Event = [user: string, session: number, event: string, micros: number];
const T0 = Date.UTC(2024, 2, 1) * 1000;
const TABLE = 'funnel_sql_check';
const COLUMNS = 'user_pseudo_id String, ga_session_id Int64, event_name String, event_timestamp UInt64';

function funnelCounts(events: Event[], steps: string, window: string, options: string): number[] {
  const data = [['user_pseudo_id', 'ga_session_id', 'event_name', 'event_timestamp'], ...events];
  const out = (FUNNEL as (...a: unknown[]) => unknown[][])(data, steps, window, options);
  return out.slice(1).map((row) => row[1] as number);
}

async function clickHouseCounts(
  events: Event[],
  steps: string,
  window: string,
  options: string,
): Promise<number[]> {
  await loadTable(session!, TABLE, COLUMNS, events);
  const query = FUNNEL_SQL(steps, window, options, 'clickhouse', TABLE)
    .map((row) => row[0])
    .join('\n')
    .replace(/;\s*$/, '');
  return session!.query(query, 'TSV').trim().split('\t').map(Number);
}

const randomEvents = fc.array(
  fc.tuple(
    fc.constantFrom('u1', 'u2', 'u3', 'u4'),
    fc.constantFrom(1, 2),
    fc.constantFrom('a', 'ab', 'b', 'b_', 'c', 'x'),
    fc.integer({ min: 0, max: 120 }).map((minute) => T0 + minute * 60_000_000),
  ),
  { minLength: 1, maxLength: 30 },
);

describe.skipIf(!session)('FUNNEL_SQL clickhouse against chDB', () => {
  it('reproduces ClickHouse docs example 1 (level 4)', async () => {
    const events: Event[] = [
      ['1', 1, '1003', Date.UTC(2019, 0, 29, 10) * 1000],
      ['1', 1, '1009', Date.UTC(2019, 0, 30, 8) * 1000],
      ['1', 1, '1007', Date.UTC(2019, 0, 31, 9) * 1000],
      ['1', 1, '1010', Date.UTC(2019, 1, 1, 8) * 1000],
    ];
    expect(await clickHouseCounts(events, '1003, 1009, 1007, 1010', '', '')).toEqual([1, 1, 1, 1]);
  });

  it('counts exactly as FUNNEL on the same rows, for every windowFunnel mode (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomEvents,
        fc.constantFrom('', '10m', '1h'),
        // Every combination of the strict modes, per user or per session.
        fc.subarray(['strict_order', 'strict_deduplication', 'strict_increase']),
        fc.boolean(),
        // Plain, and wildcard steps no event can fill twice (LIKE, with _ escaped).
        fc.constantFrom('a, b|x, c', 'a*, b|x, c', 'a?, b~*|b_*, c'),
        async (events, window, strict, bySession, steps) => {
          const options = [...strict, ...(bySession ? ['by session'] : [])].join(', ');
          // No event in two steps: there FUNNEL (a row fills one step) and windowFunnel differ,
          // and the clickhouse dialect refuses (funnel-sql.test.ts, wildcards.test.ts).
          const expected = funnelCounts(events, steps, window, options);
          expect(await clickHouseCounts(events, steps, window, options)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
