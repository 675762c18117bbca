import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventTable, rowsByEntity } from '../../../src/core/table';

/**
 * The fast reading path (the hash-table interner, the counting sort by entity) against a plain
 * reference written here: ids as trimmed text (the number 7 and the text "7" are one id, case
 * kept: "U1" and "u1" are two), blank ids and "Grand total" rows left out, entities numbered in
 * first-seen order, each entity's rows in data order.
 */
const idCell = fc.oneof(
  fc.constantFrom('u1', 'U1', ' u1', 'u1\r', 'u2', '7', ' 7 ', '', '  ', 'Grand total', 'grand TOTAL '),
  fc.constantFrom(7, 8, 0.5),
  fc.stringMatching(/^[ a-c0-9]{0,4}$/),
);

const BASE = 1_700_000_000_000;

function referenceText(cell: string | number): string {
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

describe('reading ids and grouping rows by entity', () => {
  it('property: the same entities, rows and grouping as a plain reference', () => {
    fc.assert(
      fc.property(fc.array(idCell, { minLength: 1, maxLength: 60 }), (ids) => {
        // Each row's own time says which row it was: row r of the data has time BASE + (r - 1) s.
        const rows = ids.map((id, i) => [id, i % 3 === 0 ? 'view' : 'buy', BASE + i * 1000]);
        // At least one row with an id, so the table is not empty.
        rows.push(['zz', 'view', BASE + rows.length * 1000]);
        const t = readEventTable([['user_id', 'event_name', 'timestamp'], ...rows]);

        const keys: string[] = [];
        const kept: { row: number; entity: number }[] = [];
        rows.forEach(([id], r) => {
          const text = referenceText(id as string | number);
          if (text === '' || text.toLowerCase() === 'grand total') return;
          if (!keys.includes(text)) keys.push(text);
          kept.push({ row: r + 1, entity: keys.indexOf(text) });
        });
        expect(t.entityKeys).toEqual(keys);
        const sourceRow = (row: number) => (t.times[row]! - BASE) / 1000 + 1;
        expect(Array.from(t.times, (_, row) => sourceRow(row))).toEqual(kept.map((k) => k.row));
        expect([...t.entityIds]).toEqual(kept.map((k) => k.entity));

        const { order, starts } = rowsByEntity(t.entityIds, t.entityKeys.length);
        keys.forEach((_, e) => {
          const mine = [...order.subarray(starts[e]!, starts[e + 1]!)].map(sourceRow);
          expect(mine).toEqual(kept.filter((k) => k.entity === e).map((k) => k.row));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: grouping by event code keeps exactly the wanted rows, in data order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { maxLength: 80 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (rows, wantedFlags) => {
          const entityIds = Int32Array.from(rows.map(([e]) => e));
          const codes = Int32Array.from(rows.map(([, c]) => c));
          const wanted = Uint8Array.from(wantedFlags.map((w) => (w ? 1 : 0)));
          const { order, starts } = rowsByEntity(entityIds, 6, { codes, wanted });
          for (let e = 0; e < 6; e++) {
            // Reference: the rows of entity e whose code is wanted, in data order.
            const expected = rows.flatMap(([entity, code], row) =>
              entity === e && wantedFlags[code] ? [row] : [],
            );
            expect([...order.subarray(starts[e]!, starts[e + 1]!)]).toEqual(expected);
          }
          // Without a filter, every row of entity e, in data order.
          const all = rowsByEntity(entityIds, 6);
          for (let e = 0; e < 6; e++) {
            const expected = rows.flatMap(([entity], row) => (entity === e ? [row] : []));
            expect([...all.order.subarray(all.starts[e]!, all.starts[e + 1]!)]).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: epoch numbers read as GA4 and exports write them (ms, or microseconds from 1e14)', () => {
    // The rule by hand: >= 1e14 is microseconds, >= 1e11 milliseconds; a time after the year 9999
    // (253402300799999 ms) is left out as unreadable. Sizes around every boundary of the fast path.
    const LATEST_MS = 253_402_300_799_999;
    const epoch = fc.oneof(
      fc.double({ min: 1e11, max: 1e14, noNaN: true }),
      fc.double({ min: 1e14, max: 3e17, noNaN: true }),
      fc.constantFrom(1e11, 1e14 - 1, 1e14, 2.5e17, 2.5e17 - 1, LATEST_MS * 1000, 253_402_300_800_000_000),
    );
    fc.assert(
      fc.property(fc.array(epoch, { minLength: 1, maxLength: 20 }), (stamps) => {
        const expected = stamps.map((x) => (x >= 1e14 ? x / 1000 : x)).filter((ms) => ms <= LATEST_MS);
        // More readable rows after them, so that unreadable ones are left out, not an error.
        const good = [...stamps, 0].map(() => 1.7e12);
        const rows = [...stamps, ...good].map((t, i) => [`u${i % 3}`, 'view', t]);
        const table = readEventTable([['user_id', 'event_name', 'event_timestamp'], ...rows]);
        expect([...table.times]).toEqual([...expected, ...good]);
      }),
      { numRuns: 200 },
    );
  });
});
