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

function referenceText(cell: string | number): string {
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

describe('reading ids and grouping rows by entity', () => {
  it('property: the same entities, rows and grouping as a plain reference', () => {
    fc.assert(
      fc.property(fc.array(idCell, { minLength: 1, maxLength: 60 }), (ids) => {
        const rows = ids.map((id, i) => [id, i % 3 === 0 ? 'view' : 'buy', 1_700_000_000_000 + i * 1000]);
        // At least one row with an id, so the table is not empty.
        rows.push(['zz', 'view', 1_700_000_000_000]);
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
        expect([...t.sourceRows]).toEqual(kept.map((k) => k.row));
        expect([...t.entityIds]).toEqual(kept.map((k) => k.entity));

        const { order, starts } = rowsByEntity(t.entityIds, t.entityKeys.length);
        keys.forEach((_, e) => {
          const mine = [...order.subarray(starts[e]!, starts[e + 1]!)].map((i) => t.sourceRows[i]);
          expect(mine).toEqual(kept.filter((k) => k.entity === e).map((k) => k.row));
        });
      }),
      { numRuns: 300 },
    );
  });
});
