import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MICRO_IMPACT } from '../../../src/functions/micro-impact';

const { jStat } = createRequire(import.meta.url)('jstat') as {
  jStat: { hypgeom: { pdf: (k: number, N: number, m: number, n: number) => number } };
};

const T0 = Date.UTC(2024, 2, 1); // epoch ms: read as milliseconds by magnitude
const MIN = 60_000;
const HEADER = ['user_pseudo_id', 'event_name', 'event_timestamp'];

type Event = [user: string, event: string, minute: number];
const rowsOf = (events: Event[]) => [HEADER, ...events.map(([u, e, m]) => [u, e, T0 + m * MIN])];

/** The output as objects keyed by the header, so the tests read by column name. */
function impact(...args: unknown[]): Record<string, unknown>[] {
  const out = (MICRO_IMPACT as (...a: unknown[]) => unknown[][])(...args);
  const [header, ...rows] = out;
  for (const r of out) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h as string, r[i]])));
}

/** Worked example 5 of the notes: 10 converters (5 did P first), 10 non-converters (5 did N). */
function exampleFive(): Event[] {
  const events: Event[] = [];
  for (let i = 1; i <= 20; i++) events.push([`u${i}`, 'visit', 1]);
  for (let i = 1; i <= 10; i++) events.push([`u${i}`, 'purchase', 10]);
  for (let i = 1; i <= 5; i++) events.push([`u${i}`, 'P', 5]);
  for (let i = 11; i <= 15; i++) events.push([`u${i}`, 'N', 5]);
  return events;
}

describe('MICRO_IMPACT', () => {
  it('reproduces PostHog odds ratios 11 and 1/11 (worked example 5), sorted by odds ratio', () => {
    const rows = impact(rowsOf(exampleFive()), 'purchase');
    expect(rows.map((r) => r['Micro event'])).toEqual(['P', 'visit', 'N']);
    const [p, visit, n] = rows;
    expect(p!['Odds ratio']).toBeCloseTo(11, 12);
    expect(n!['Odds ratio']).toBeCloseTo(1 / 11, 12);
    expect(visit!['Odds ratio']).toBeCloseTo(1, 12); // (10+1)(0+1) / ((0+1)(10+1))
    expect(p!['Users who did it']).toBe(5);
    expect(p!['Of them converted']).toBe(5);
    expect(p!['Conversion rate with']).toBe(1);
    expect(p!['Conversion rate without']).toBeCloseTo(5 / 15, 15);
    expect(p!.Lift).toBeCloseTo(2, 12);
    // By hand: tables [[5,0],[5,10]]; P(k) = C(10,k) C(10,5-k) / C(20,5); k = 0 and 5 each 252/15504.
    expect(p!['p-value (Fisher)']).toBeCloseTo((2 * 252) / 15504, 12);
    expect(n!['p-value (Fisher)']).toBeCloseTo((2 * 252) / 15504, 12);
    expect(visit!['p-value (Fisher)']).toBe(1);
    expect(visit!['Conversion rate without']).toBe('n/a'); // everybody visited
    expect(p!.Note).toBe('small sample: 5 users did it, 15 did not (fewer than 30 on a side)');
  });

  it('reproduces odds ratio 3: 3 converters (2 did the event), 1 non-converter (did not)', () => {
    const rows = impact(
      rowsOf([
        ['a', 'e', 0],
        ['a', 'buy', 1],
        ['b', 'e', 0],
        ['b', 'buy', 1],
        ['c', 'buy', 1],
        ['d', 'visit', 0],
      ]),
      'buy',
      'e',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!['Odds ratio']).toBeCloseTo(3, 12);
  });

  it('counts a micro only before the first macro (inclusive) for converters, at any time for others', () => {
    const rows = impact(
      rowsOf([
        ['a', 'buy', 10],
        ['a', 'm', 20], // after converting: does not count
        ['b', 'm', 10], // after b's first buy (at 5): does not count
        ['b', 'buy', 10],
        ['b', 'buy', 5],
        ['c', 'm', 50], // never converts: counts
        ['d', 'x', 0],
      ]),
      'buy',
      'm',
    );
    expect(rows[0]!['Users who did it']).toBe(1); // only c
    expect(rows[0]!['Of them converted']).toBe(0);
  });

  it('counts a micro at the same instant as the first macro', () => {
    const rows = impact(
      rowsOf([
        ['a', 'buy', 10],
        ['a', 'm', 10],
        ['b', 'x', 0],
      ]),
      'buy',
      'm',
    );
    expect(rows[0]!['Of them converted']).toBe(1);
  });

  it('applies the window backwards from the first macro, inclusive', () => {
    const data = rowsOf([
      ['a', 'm', 0],
      ['a', 'buy', 60], // exactly 1 hour later
      ['b', 'm', 0],
      ['b', 'buy', 61], // 61 minutes later
      ['c', 'x', 0],
    ]);
    expect(impact(data, 'buy', 'm')[0]!['Of them converted']).toBe(2);
    expect(impact(data, 'buy', 'm', '1h')[0]!['Of them converted']).toBe(1);
    expect(impact(data, 'buy', 'm', 1 / 24)[0]!['Of them converted']).toBe(1);
  });

  it('takes micro events as a range with | alternatives and shows a missing one with a note', () => {
    const rows = impact(rowsOf(exampleFive()), 'purchase', [['P|N'], ['typo']]);
    const byName = new Map(rows.map((r) => [r['Micro event'], r]));
    expect(byName.get('P|N')!['Users who did it']).toBe(10);
    expect(byName.get('typo')!['Users who did it']).toBe(0);
    expect(byName.get('typo')!.Note).toBe('no "typo" events in the data');
    expect(byName.get('typo')!['Conversion rate with']).toBe('n/a');
  });

  it('says so when a micro event is the macro event itself', () => {
    const rows = impact(rowsOf(exampleFive()), 'purchase', 'purchase, P');
    expect(rows.find((r) => r['Micro event'] === 'purchase')!.Note).toBe('this is the macro event itself');
  });

  it('gives row-order independent results', () => {
    const events = exampleFive();
    const reversed = [...events].reverse();
    expect(impact(rowsOf(reversed), 'purchase')).toEqual(impact(rowsOf(events), 'purchase'));
  });

  it('agrees with a simple reference on random data (property)', () => {
    const event = fc.constantFrom('buy', 'a', 'b', 'c');
    const arb = fc.array(
      fc.tuple(fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'), event, fc.integer({ min: 0, max: 30 })),
      {
        minLength: 1,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(undefined, 5, 15), (events, windowMinutes) => {
        fc.pre(events.some((e) => e[1] === 'buy'));
        const rows = impact(
          rowsOf(events as Event[]),
          'buy',
          'a, b, c',
          windowMinutes === undefined ? '' : `${windowMinutes}m`,
        );
        const users = [...new Set(events.map((e) => e[0]))];
        const firstBuy = (u: string) =>
          Math.min(...events.filter((e) => e[0] === u && e[1] === 'buy').map((e) => e[2]));
        const converted = users.filter((u) => Number.isFinite(firstBuy(u)));
        const S = converted.length;
        const F = users.length - S;
        for (const micro of ['a', 'b', 'c']) {
          const did = users.filter((u) =>
            events.some(
              (e) =>
                e[0] === u &&
                e[1] === micro &&
                (!Number.isFinite(firstBuy(u)) ||
                  (e[2] <= firstBuy(u) &&
                    (windowMinutes === undefined || firstBuy(u) - e[2] <= windowMinutes))),
            ),
          );
          const a = did.filter((u) => converted.includes(u)).length;
          const b = did.length - a;
          const row = rows.find((r) => r['Micro event'] === micro)!;
          expect(row['Users who did it']).toBe(did.length);
          expect(row['Of them converted']).toBe(a);
          expect(row['Odds ratio']).toBeCloseTo(((a + 1) * (F - b + 1)) / ((S - a + 1) * (b + 1)), 12);
          // Fisher by jstat's hypergeometric pmf: sum of tables no more likely than the observed.
          const N = S + F;
          const pmf = (k: number) => jStat.hypgeom.pdf(k, N, S, did.length);
          let p = 0;
          for (let k = Math.max(0, did.length - F); k <= Math.min(did.length, S); k++) {
            if (pmf(k) <= pmf(a) * (1 + 1e-7)) p += pmf(k);
          }
          expect(row['p-value (Fisher)']).toBeCloseTo(Math.min(1, p), 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    [
      [rowsOf(exampleFive()), 'purchse'],
      /macro_event: no "purchse" events in the data \(column "event_name"\)/,
    ],
    [[rowsOf(exampleFive()), ''], /macro_event is missing: give the event name, e.g. "purchase"/],
    [[rowsOf(exampleFive()), 'purchase, visit'], /macro_event names 2 events \(purchase, visit\): give one/],
    [[rowsOf(exampleFive()), 'purchase', '', 'soon'], /window "soon" is not a duration/],
    [
      [
        [
          ['Event name', 'Total users'],
          ['purchase', 4],
        ],
        'purchase',
      ],
      /data looks like a report/,
    ],
    [
      [
        [
          ['a', 'b'],
          [1, 2],
        ],
        'purchase',
      ],
      /data: cannot find/,
    ],
    [[rowsOf([['u', 'purchase', 1]]), 'purchase'], /no events other than the macro/],
  ])('rejects bad input %# with a clear message', (args, message) => {
    expect(() => (MICRO_IMPACT as (...a: unknown[]) => unknown)(...args)).toThrow(message);
  });
});
