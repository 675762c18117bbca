/**
 * DROP_OFF: hand-worked examples, then the engine against a reference written here (a few lines
 * following each entity's rows, on top of the test's own reference funnel, reference.ts), and
 * properties: next-event counts add up to the step's drop-offs, which are FUNNEL's Drop-off of
 * the next step; the order of the rows changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel, readFunnelSpec } from '../../../src/core/funnel';
import { dropOff } from '../../../src/core/funnel/drop-off';
import { dropOffTable } from '../../../src/core/funnel/drop-off-table';
import { type RefOptions, type RefRow, referenceEntity } from './reference';

const HEADER = ['user_pseudo_id', 'event_name', 'event_timestamp'];
const table = (rows: unknown[][], steps: string, window: unknown = '', options: unknown = '', top = 5) =>
  dropOffTable(dropOff([HEADER, ...rows], steps, window, options), top);
const at = (hhmm: string) => `2024-03-01 ${hhmm}:00 UTC`;

describe('DROP_OFF, worked by hand', () => {
  // u1 view, search: stops at view, next search.      u2 view, cart, help: stops at cart, next help.
  // u3 view only: stops at view, no further event.     u4 view, cart, buy: converts.
  // u5 view 10:00, cart 12:30: with a 1h window the cart is too late, so u5 stops at view and its
  //    next event is that cart; without a window u5 reaches cart and stops there (nothing after).
  // u6 view 10:00, then help and about at 10:05 (same instant): the alphabetically first, about.
  const rows = [
    ['u1', 'view', at('10:00')],
    ['u1', 'search', at('10:01')],
    ['u2', 'view', at('10:00')],
    ['u2', 'cart', at('10:02')],
    ['u2', 'help', at('10:03')],
    ['u3', 'view', at('10:00')],
    ['u4', 'view', at('10:00')],
    ['u4', 'cart', at('10:01')],
    ['u4', 'buy', at('10:02')],
    ['u5', 'view', at('10:00')],
    ['u5', 'cart', at('12:30')],
    ['u6', 'view', at('10:00')],
    ['u6', 'help', at('10:05')],
    ['u6', 'about', at('10:05')],
  ];

  it('no window: view loses u1, u3, u6 (3); cart loses u2 and u5 (2)', () => {
    expect(table(rows, 'view, cart, buy')).toEqual([
      ['Step', 'Next event', 'Users', 'Share of drop-offs', 'Notes'],
      ['view', 'drop-offs before cart', 3, '', ''],
      ['', 'about', 1, 1 / 3, ''],
      ['', 'search', 1, 1 / 3, ''],
      ['', '(no further event)', 1, 1 / 3, ''],
      ['cart', 'drop-offs before buy', 2, '', ''],
      ['', 'help', 1, 1 / 2, ''],
      ['', '(no further event)', 1, 1 / 2, ''],
    ]);
  });

  it('a 1h window moves u5 to view, whose next event is its late cart; top=2 sums the rest', () => {
    // view: u1 search, u3 none, u5 cart, u6 about: 4; by name at equal counts: about, cart | search.
    expect(table(rows, 'view, cart, buy', '1h', '', 2)).toEqual([
      ['Step', 'Next event', 'Users', 'Share of drop-offs', 'Notes'],
      ['view', 'drop-offs before cart', 4, '', ''],
      ['', 'about', 1, 1 / 4, ''],
      ['', 'cart', 1, 1 / 4, ''],
      ['', '(other events)', 1, 1 / 4, ''],
      ['', '(no further event)', 1, 1 / 4, ''],
      ['cart', 'drop-offs before buy', 1, '', ''],
      ['', 'help', 1, 1, ''],
      ['', '(no further event)', 0, 0, ''],
    ]);
  });

  it("README's example: view loses u1 (search) and u3 (nothing after), cart loses u2 (help)", () => {
    expect(table(rows.slice(0, 9), 'view, cart, buy')).toEqual([
      ['Step', 'Next event', 'Users', 'Share of drop-offs', 'Notes'],
      ['view', 'drop-offs before cart', 2, '', ''],
      ['', 'search', 1, 0.5, ''],
      ['', '(no further event)', 1, 0.5, ''],
      ['cart', 'drop-offs before buy', 1, '', ''],
      ['', 'help', 1, 1, ''],
      ['', '(no further event)', 0, 0, ''],
    ]);
  });

  it('the most frequent next event comes first', () => {
    const more = [...rows, ['u7', 'view', at('09:00')], ['u7', 'search', at('09:30')]];
    const out = table(more, 'view, cart, buy');
    expect(out[1]).toEqual(['view', 'drop-offs before cart', 4, '', '']);
    expect(out[2]).toEqual(['', 'search', 2, 2 / 4, '']);
  });

  it('open: an entity that entered at cart is a drop-off of cart too (its last cart row counts)', () => {
    // w1: cart 09:00, view 10:00, search 10:05. Sequential: stops at view (next search), never
    // counted at cart. Open: at view it did not go on to cart (next search), and at cart it did
    // not go on to buy (next after its cart: view).
    const w1 = [
      ['w1', 'cart', at('09:00')],
      ['w1', 'view', at('10:00')],
      ['w1', 'search', at('10:05')],
    ];
    const out = (options: string) => table(w1, 'view, cart, buy', '', options);
    const noBuy = 'no "buy" events in the data; names in the data: "cart", "view", "search"';
    expect(out('')).toEqual([
      ['Step', 'Next event', 'Users', 'Share of drop-offs', 'Notes'],
      ['view', 'drop-offs before cart', 1, '', ''],
      ['', 'search', 1, 1, ''],
      ['', '(no further event)', 0, 0, ''],
      ['cart', 'drop-offs before buy', 0, '', noBuy],
    ]);
    expect(out('open').slice(4)).toEqual([
      ['cart', 'drop-offs before buy', 1, '', noBuy],
      ['', 'view', 1, 1, ''],
      ['', '(no further event)', 0, 0, ''],
    ]);
  });

  it('an optional step has no block; its drop-offs are counted from the step before it', () => {
    // steps view, [wish], buy. x1: view, wish, help: stops at view (did not buy), next wish.
    // x2: view, buy: converts. x3: view, faq: stops at view, next faq.
    const out = table(
      [
        ['x1', 'view', at('10:00')],
        ['x1', 'wish', at('10:01')],
        ['x1', 'help', at('10:02')],
        ['x2', 'view', at('10:00')],
        ['x2', 'buy', at('10:03')],
        ['x3', 'view', at('10:00')],
        ['x3', 'faq', at('10:04')],
      ],
      'view, [wish], buy',
    );
    expect(out.slice(1, 4)).toEqual([
      ['view', 'drop-offs before buy', 2, '', ''],
      ['', 'faq', 1, 1 / 2, ''],
      ['', 'wish', 1, 1 / 2, ''],
    ]);
    expect(out).toHaveLength(5);
  });

  it('by session counts sessions, and a misspelt last step is said in the last block', () => {
    const out = dropOffTable(
      dropOff(
        [
          ['user_pseudo_id', 'ga_session_id', 'event_name', 'event_timestamp'],
          ['u1', 1, 'view', at('10:00')],
          ['u1', 2, 'view', at('11:00')],
          ['u1', 2, 'buy', at('11:05')],
        ],
        'view, buyy',
        '',
        'by session',
      ),
      5,
    );
    expect(out[0]![2]).toBe('Sessions');
    // Both sessions stop at view (buyy never happens): session 1 with nothing after, session 2 then buy.
    expect(out[1]!.slice(0, 3)).toEqual(['view', 'drop-offs before buyy', 2]);
    expect(out[1]![4]).toMatch(/^no "buyy" events in the data \(did you mean "buy"\?\)/);
    expect(out.slice(2)).toEqual([
      ['', 'buy', 1, 1 / 2, ''],
      ['', '(no further event)', 1, 1 / 2, ''],
    ]);
  });

  it('refuses breakdown= and time, a single step, and report rows, each saying what to do', () => {
    expect(() => table(rows, 'view, buy', '', 'breakdown=device')).toThrow(
      'option "breakdown=" is not available in DROP_OFF, whose rows are what each step\'s drop-offs did next: use FUNNEL for it.',
    );
    expect(() => table(rows, 'view, buy', '', 'time')).toThrow(/^option "time" is not available in DROP_OFF/);
    expect(() => table(rows, 'view')).toThrow(
      'steps: DROP_OFF needs at least two steps (a drop-off is between a step and the next), e.g. "view, purchase".',
    );
    expect(() =>
      dropOff(
        [
          ['Event name', 'Total users'],
          ['view', 10],
        ],
        'view, buy',
        '',
        '',
      ),
    ).toThrow(/^data looks like a report \(.*\), but event rows are needed: one row per event with a user/);
  });
});

// ---- The reference: FUNNEL's outcome per entity (reference.ts), then its rows after the step ----

const NO_FURTHER = '(no further event)';

interface RefBlock {
  dropped: number;
  next: Map<string, number>;
}

/** Per required step but the last: drop-offs and what each did next, following each entity's rows. */
function referenceDropOff(rows: RefRow[], steps: string[][], o: RefOptions): RefBlock[] {
  const required = steps.map((_, i) => i + 1).filter((k) => !o.optional?.[k - 1]);
  const pairs = required.slice(0, -1).map((k, i) => [k, required[i + 1]!] as const);
  const blocks = pairs.map(() => ({ dropped: 0, next: new Map<string, number>() }));
  for (const entity of new Set(rows.map((r) => r.entity))) {
    const own = rows.filter((r) => r.entity === entity);
    const outcome = referenceEntity(own, steps, o);
    if (!outcome) continue;
    pairs.forEach(([k, next], i) => {
      if (!outcome.reached.has(k) || outcome.continued.has(next)) return;
      // Open: the entity's last row of step k; else the time of step k on its counted chain.
      const when =
        o.order === 'open'
          ? Math.max(...own.filter((r) => steps[k - 1]!.includes(r.name)).map((r) => r.us))
          : outcome.chain[k]!;
      const later = own.filter((r) => r.us > when);
      const first = Math.min(...later.map((r) => r.us));
      const names = later.filter((r) => r.us === first).map((r) => r.name || '(blank event name)');
      const name = names.length ? names.sort()[0]! : NO_FURTHER;
      blocks[i]!.dropped++;
      blocks[i]!.next.set(name, (blocks[i]!.next.get(name) ?? 0) + 1);
    });
  }
  return blocks;
}

/** DROP_OFF's table read back into blocks (every event shown: top is large). */
function parsed(out: (string | number)[][]): RefBlock[] {
  const blocks: RefBlock[] = [];
  for (const row of out.slice(1)) {
    if (row[0] !== '') blocks.push({ dropped: row[2] as number, next: new Map() });
    else if (row[2] !== 0) blocks[blocks.length - 1]!.next.set(row[1] as string, row[2] as number);
  }
  return blocks;
}

const BASE_US = 1_700_000_000_000_000;
const rowArb = fc.record({
  entity: fc.constantFrom('u0', 'u1', 'u2', 'u3'),
  name: fc.constantFrom('a', 'b', 'c', 'x', 'y', ''),
  // Few distinct instants, so ties are common.
  us: fc.integer({ min: 0, max: 10 }).map((s) => BASE_US + s * 1_000_000),
  asDate: fc.boolean(),
});
type GenRow = { entity: string; name: string; us: number; asDate: boolean };
const stepsArb = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { minLength: 1, maxLength: 2 }), {
  minLength: 2,
  maxLength: 4,
});
const windowArb = fc.oneof(
  fc.constant({ cell: '', us: Number.POSITIVE_INFINITY }),
  fc.integer({ min: 0, max: 5 }).map((s) => ({ cell: `${s}s`, us: s * 1_000_000 })),
);
const modeArb = fc.oneof(
  fc.record({
    order: fc.constant<RefOptions['order']>('sequential'),
    strictOrder: fc.boolean(),
    strictDeduplication: fc.boolean(),
    strictIncrease: fc.boolean(),
    exclude: fc.constantFrom<string[]>([], ['y']),
    optionalMiddle: fc.boolean(),
  }),
  fc.record({
    order: fc.constantFrom<RefOptions['order']>('any order', 'open'),
    exclude: fc.constantFrom<string[]>([], ['y']),
    optionalMiddle: fc.boolean(),
  }),
);
type Mode = Omit<RefOptions, 'windowUs'> & { optionalMiddle: boolean };

const sheetOf = (rows: GenRow[]) => [
  HEADER,
  // Dates are whole milliseconds; microsecond numbers otherwise: the same instants.
  ...rows.map((r) => [r.entity, r.name, r.asDate ? new Date(r.us / 1000) : r.us]),
];

/** The steps text and the reference's options for one generated case. */
function caseOf(steps: string[][], mode: Mode, windowUs: number) {
  // Optional steps: only the second of three or more, and not with any order or strict_order.
  const canOptional = mode.order !== 'any order' && !mode.strictOrder && steps.length >= 3;
  const optional = steps.map((_, i) => canOptional && mode.optionalMiddle && i === 1);
  const text = steps.map((s, i) => (optional[i] ? `[${s.join('|')}]` : s.join('|'))).join(', ');
  const words = [
    ...(mode.order === 'sequential' ? [] : [mode.order]),
    ...(mode.strictOrder ? ['strict_order'] : []),
    ...(mode.strictDeduplication ? ['strict_deduplication'] : []),
    ...(mode.strictIncrease ? ['strict_increase'] : []),
    ...(mode.exclude ?? []).map((e) => `exclude=${e}`),
  ].join(', ');
  return { text, words, ref: { ...mode, windowUs, optional } as RefOptions };
}

const refRowsOf = (rows: GenRow[]): RefRow[] => rows.map((r) => ({ ...r, value: '' }));

/** A random case: rows, steps, window and mode, as every property below draws them. */
const caseArbs = [fc.array(rowArb, { minLength: 1, maxLength: 14 }), stepsArb, windowArb, modeArb] as const;

describe('DROP_OFF against the reference, and its properties', () => {
  it('equals the reference in every mode, window and option', () => {
    fc.assert(
      fc.property(...caseArbs, (rows, steps, w, mode) => {
        const { text, words, ref } = caseOf(steps, mode as Mode, w.us);
        const out = dropOffTable(dropOff(sheetOf(rows), text, w.cell, words), 100);
        expect(parsed(out)).toEqual(referenceDropOff(refRowsOf(rows), steps, ref));
      }),
      { numRuns: 500 },
    );
  });

  it("per step: next events (top 1, the rest summed) add up to the drop-offs, which are FUNNEL's Drop-off", () => {
    fc.assert(
      fc.property(...caseArbs, (rows, steps, w, mode) => {
        const { text, words } = caseOf(steps, mode as Mode, w.us);
        const out = dropOffTable(dropOff(sheetOf(rows), text, w.cell, words), 1);
        const funnelRows = funnel(sheetOf(rows), text, w.cell, words);
        const spec = readFunnelSpec(text, w.cell, words);
        const required = spec.steps.flatMap((s, i) => (s.optional ? [] : [i + 1]));
        const firstLines = out.flatMap((r, i) => (r[0] !== '' && i > 0 ? [i] : []));
        expect(firstLines).toHaveLength(required.length - 1);
        firstLines.forEach((line, b) => {
          const end = firstLines[b + 1] ?? out.length;
          const dropped = out[line]![2] as number;
          const sum = out.slice(line + 1, end).reduce((s, r) => s + (r[2] as number), 0);
          expect(sum).toBe(dropped);
          // FUNNEL's Drop-off column (index 4) on the next required step's row.
          expect(dropped).toBe(funnelRows[required[b + 1]!]![4]);
          expect(out.slice(line + 1, end).length).toBeLessThanOrEqual(3);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('shuffling the rows changes nothing', () => {
    fc.assert(
      fc.property(...caseArbs, fc.infiniteStream(fc.nat()), (rows, steps, w, mode, randoms) => {
        const { text, words } = caseOf(steps, mode as Mode, w.us);
        const shuffled = [...rows];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const run = (r: GenRow[]) => dropOffTable(dropOff(sheetOf(r), text, w.cell, words), 2);
        expect(run(shuffled)).toEqual(run(rows));
      }),
      { numRuns: 300 },
    );
  });
});
