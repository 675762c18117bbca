/**
 * Property tests: the engine against the simple reference (reference.ts) on random small
 * inputs: ties, duplicate rows, unsorted rows, several timestamp types in one column, rows
 * that match no step, steps listed twice and overlapping alternatives (a row fills one step),
 * optional steps in square brackets, every option.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventFunnel, funnel, layoutFunnel, readFunnelSpec } from '../../../src/core/funnel';
import { readEventTable } from '../../../src/core/table';
import { type RefOptions, type RefRow, referenceFunnel } from './reference';

const BASE_S = 1_700_000_000;
const NAMES = ['a', 'b', 'c', 'x', ''];

interface GenRow {
  entity: string;
  name: string;
  sec: number;
  micros: number;
  repr: number;
  value: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The timestamp cell of a row in one of several types; all mean the same instant. */
function timestampCell(row: GenRow): unknown {
  const s = BASE_S + row.sec;
  const d = new Date(s * 1000);
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  switch (row.repr) {
    case 0:
      return s * 1_000_000 + row.micros;
    case 1:
      return s * 1000;
    case 2:
      return s;
    case 3:
      return d;
    case 4:
      return `${text} UTC`;
    case 5:
      return `${text.replace(' ', 'T')}.000Z`;
    case 6:
      return (s * 1000) / 86_400_000 + 25_569;
    default:
      return String(s * 1_000_000 + row.micros);
  }
}

const rowArb = fc.record({
  entity: fc.constantFrom('u0', 'u1', 'u2', 'u3'),
  name: fc.constantFrom(...NAMES),
  sec: fc.integer({ min: 0, max: 12 }),
  micros: fc.constantFrom(0, 0, 0, 1, 999, 500_000),
  repr: fc.integer({ min: 0, max: 7 }),
  value: fc.constantFrom('p', 'q', 'r'),
});

const stepsArb = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { minLength: 1, maxLength: 2 }), {
  minLength: 1,
  maxLength: 4,
});

const windowArb = fc.oneof(
  fc.constant({ cell: '' as unknown, us: Number.POSITIVE_INFINITY }),
  fc.integer({ min: 0, max: 6 }).map((sec) => ({ cell: `${sec}s` as unknown, us: sec * 1_000_000 })),
  fc.integer({ min: 0, max: 6 }).map((sec) => ({ cell: (sec / 86_400) as unknown, us: sec * 1_000_000 })),
);

/** Micros only survive in the types that can carry them. */
function refRows(rows: GenRow[]): RefRow[] {
  return rows.map((r) => ({
    entity: r.entity,
    name: r.name,
    us: (BASE_S + r.sec) * 1_000_000 + (r.repr === 0 || r.repr === 7 ? r.micros : 0),
    value: r.value,
  }));
}

function sheet(rows: GenRow[]): unknown[][] {
  return [
    ['user_pseudo_id', 'event_name', 'event_timestamp', 'device'],
    ...rows.map((r) => [r.entity, r.name, timestampCell(r), r.value]),
  ];
}

function stepsText(steps: string[][], optional: boolean[] = []): string {
  return steps
    .map((alternatives, i) => (optional[i] ? `[${alternatives.join('|')}]` : alternatives.join('|')))
    .join(', ');
}

/** Random optional flags, kept only between two required steps (the first and last are required). */
const optionalArb = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 });
function middleOnly(flags: boolean[], stepCount: number): boolean[] {
  return flags.slice(0, stepCount).map((flag, i) => flag && i > 0 && i < stepCount - 1);
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function check(
  rows: GenRow[],
  steps: string[][],
  window: { cell: unknown; us: number },
  words: string[],
  ref: RefOptions,
) {
  const withBreakdown = [...words, 'breakdown=device'];
  const spec = readFunnelSpec(stepsText(steps, ref.optional), window.cell, withBreakdown.join(', '));
  const hasStep = rows.some((r) => steps.flat().includes(r.name));
  const expected = referenceFunnel(refRows(rows), steps, { ...ref, windowUs: window.us });
  if (rows.length === 0) return;
  const table = readEventTable(sheet(rows), { extraColumns: ['device'] });
  const result = eventFunnel(table, spec);
  const total = expected.get('')!;
  expect(result.total.counts).toEqual(total.counts);
  expect(result.total.continued).toEqual(total.continued);
  if (spec.time) {
    for (let k = 2; k <= steps.length; k++) {
      const got = [...result.total.deltas![k]!].sort((a, b) => a - b);
      const want = total.deltasUs[k]!.map((us) => us / 1000).sort((a, b) => a - b);
      expect(got.length).toBe(want.length);
      got.forEach((v, i) => {
        expect(v).toBeCloseTo(want[i]!, 6);
      });
      if (want.length) expect(medianOf(got)).toBeCloseTo(medianOf(want), 6);
    }
  }
  const blocks = new Map(result.breakdown!.blocks.map((b) => [b.label, b]));
  for (const [key, block] of expected) {
    if (key === '') continue;
    const got = blocks.get(key.slice(1));
    expect(got?.counts, `breakdown ${key}`).toEqual(block.counts);
    expect(got?.continued).toEqual(block.continued);
  }
  if (!hasStep) expect(result.total.counts.every((c) => c === 0)).toBe(true);
}

const sequentialModes = fc.record({
  optional: optionalArb,
  strictOrder: fc.boolean(),
  strictDeduplication: fc.boolean(),
  strictIncrease: fc.boolean(),
  time: fc.boolean(),
  exclude: fc.constantFrom<string[]>([], ['x'], ['c', 'x']),
});

describe('engine = reference on random inputs', () => {
  it('sequential, alone or with strict_order / strict_deduplication / strict_increase / time / exclude', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 14 }),
        stepsArb,
        windowArb,
        sequentialModes,
        (rows, steps, window, m) => {
          const words = [
            ...(m.strictOrder ? ['strict_order'] : []),
            ...(m.strictDeduplication ? ['strict_deduplication'] : []),
            ...(m.strictIncrease ? ['strict_increase'] : []),
            ...(m.time ? ['time'] : []),
            ...m.exclude.map((e) => `exclude=${e}`),
          ];
          // strict_order refuses optional steps (errors.test.ts).
          const optional = m.strictOrder ? [] : middleOnly(m.optional, steps.length);
          check(rows, steps, window, words, { windowUs: window.us, order: 'sequential', ...m, optional });
        },
      ),
      { numRuns: 600 },
    );
  });

  it('sequential and open on long entities (over 32 entries: the other sort path)', () => {
    fc.assert(
      fc.property(
        fc.array(
          rowArb.map((r) => ({ ...r, entity: 'u0' })),
          { minLength: 33, maxLength: 60 },
        ),
        stepsArb,
        windowArb,
        fc.constantFrom<RefOptions['order']>('sequential', 'open'),
        (rows, steps, window, order) => {
          const words = order === 'open' ? ['open'] : ['time'];
          check(rows, steps, window, words, { windowUs: window.us, order });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('any order', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 10 }),
        stepsArb,
        windowArb,
        fc.constantFrom<string[]>([], ['x']),
        fc.boolean(),
        (rows, steps, window, exclude, time) => {
          const words = ['any order', ...exclude.map((e) => `exclude=${e}`), ...(time ? ['time'] : [])];
          check(rows, steps, window, words, { windowUs: window.us, order: 'any order', exclude });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('open', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 14 }),
        stepsArb,
        windowArb,
        fc.constantFrom<string[]>([], ['x']),
        optionalArb,
        (rows, steps, window, exclude, flags) => {
          const words = ['open', ...exclude.map((e) => `exclude=${e}`)];
          const optional = middleOnly(flags, steps.length);
          check(rows, steps, window, words, { windowUs: window.us, order: 'open', exclude, optional });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('by session: the (user, session) pair is the entity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ row: rowArb, session: fc.constantFrom(1, 2) }), { maxLength: 14 }),
        stepsArb,
        windowArb,
        (items, steps, window) => {
          if (items.length === 0) return;
          const data = [
            ['user_pseudo_id', 'ga_session_id', 'event_name', 'event_timestamp'],
            ...items.map(({ row, session }) => [row.entity, session, row.name, timestampCell(row)]),
          ];
          const asPairs = refRows(items.map((i) => i.row)).map((r, index) => ({
            ...r,
            entity: `${r.entity}#${items[index]!.session}`,
          }));
          const expected = referenceFunnel(asPairs, steps, { windowUs: window.us, order: 'sequential' }).get(
            '',
          )!;
          const out = funnel(data, stepsText(steps), window.cell, 'by session');
          expect(out[0]![1]).toBe('Sessions');
          expect(out.slice(1).map((r) => r[1])).toEqual(expected.counts.slice(1));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('row order does not matter', () => {
  it('the whole output table is the same for any permutation of the rows', () => {
    const optionSets = [
      '',
      'strict_order',
      'strict_deduplication, strict_increase',
      'any order',
      'open',
      'time',
    ];
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 14 }),
        stepsArb,
        windowArb,
        fc.constantFrom(...optionSets),
        fc.func(fc.integer()),
        (rows, steps, window, options, key) => {
          const shuffled = rows
            .map((r, i) => ({ r, k: key(i) }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const words = `${options}${options ? ', ' : ''}breakdown=device`;
          expect(funnel(sheet(shuffled), stepsText(steps), window.cell, words)).toEqual(
            funnel(sheet(rows), stepsText(steps), window.cell, words),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The engine on the whole table (every row read, none left aside), laid out as FUNNEL lays it out. */
function wholeTableOutput(rows: GenRow[], steps: string[][], window: { cell: unknown }, words: string) {
  const spec = readFunnelSpec(stepsText(steps), window.cell, words);
  const extraColumns = spec.breakdown === undefined ? [] : [spec.breakdown];
  const whole = readEventTable(sheet(rows), { extraColumns });
  expect(whole.otherEventRows).toBe(0);
  return layoutFunnel(eventFunnel(whole, spec), spec.time, spec.compare);
}

describe("FUNNEL reads only its events' rows (keepEvent)", () => {
  it('the output table is the one the whole table gives, in every mode, with exclusions and breakdowns', () => {
    const optionSets = ['', 'strict_order', 'strict_increase', 'any order', 'open', 'time', 'exclude=x'];
    const words = fc.constantFrom(...optionSets).map((o) => `${o}${o ? ', ' : ''}breakdown=device`);
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 14 }),
        stepsArb,
        windowArb,
        words,
        (rows, steps, window, w) => {
          expect(funnel(sheet(rows), stepsText(steps), window.cell, w)).toEqual(
            wholeTableOutput(rows, steps, window, w),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an excluded event that is no step is still read, and still drops the entities it should', () => {
    const abc = fc.array(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }), {
      minLength: 2,
      maxLength: 3,
    });
    const words = fc.constantFrom('exclude=x', 'any order, exclude=x', 'open, exclude=x', 'exclude=x*');
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 3, maxLength: 20 }),
        abc,
        windowArb,
        words,
        (rows, steps, window, w) => {
          expect(funnel(sheet(rows), stepsText(steps), window.cell, w)).toEqual(
            wholeTableOutput(rows, steps, window, w),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
