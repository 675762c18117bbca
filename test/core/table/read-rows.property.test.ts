/**
 * The reader (read.ts readEventRows) looks at a row's event first and at its other cells only when
 * the event is kept; the rows turned down are read again on demand (otherRows), a chunk at a time.
 * Property: over hundreds of rows, blank rows, `#` lines, rows without an id and repeated header
 * rows among them, with or without keepEvent, every kept row keeps its id, name and time, in
 * order, each other row is counted where it belongs, and otherRows gives the other rows of the
 * table's entities in order, whatever the chunk size, as a plain row-by-row reference written
 * here says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventTable } from '../../../src/core/table';

const HEADER = ['user_id', 'event_name', 'event_time'];
const T0 = 1_700_000_000_000; // epoch milliseconds

type Line =
  | { kind: 'event'; user: string; name: string; sec: number }
  | { kind: 'noId'; name: string; sec: number }
  | { kind: 'blank' | 'comment' | 'header' };

const lineArb: fc.Arbitrary<Line> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      user: fc.constantFrom('u1', 'u2', ' u3', 'u4\r', 'u5'),
      name: fc.constantFrom('a', 'b', 'c'),
      sec: fc.integer({ min: 0, max: 5000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('noId' as const),
      name: fc.constantFrom('a', 'b', 'c'),
      sec: fc.integer({ min: 0, max: 5000 }),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<Line>({ kind: 'blank' }, { kind: 'comment' }, { kind: 'header' }) },
);

function cells(line: Line): unknown[] {
  switch (line.kind) {
    case 'event':
      return [line.user, line.name, T0 + line.sec * 1000];
    case 'noId':
      return ['', line.name, T0 + line.sec * 1000];
    case 'blank':
      return ['', '', ''];
    case 'comment':
      return ['# exported by hand'];
    case 'header':
      return [...HEADER];
  }
}

describe('reading event rows', () => {
  it('property: every kept row and every row left aside is where a row-by-row reference puts it', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 700 }),
        fc.option(fc.subarray(['a', 'b', 'c']), { nil: undefined }),
        fc.integer({ min: 1, max: 300 }),
        (lines, keepNames, chunkRows) => {
          const keep = keepNames && ((name: string) => keepNames.includes(name));
          const ref = {
            kept: [] as { user: string; name: string; time: number }[],
            other: 0,
            otherRows: [] as { user: string; time: number }[],
            withoutId: 0,
            headers: 0,
          };
          for (const line of lines) {
            if (line.kind === 'header') ref.headers++;
            if (line.kind !== 'event' && line.kind !== 'noId') continue;
            if (keep && !keep(line.name)) {
              ref.other++;
              if (line.kind === 'event')
                ref.otherRows.push({ user: line.user.trim(), time: T0 + line.sec * 1000 });
            } else if (line.kind === 'noId') ref.withoutId++;
            else ref.kept.push({ user: line.user.trim(), name: line.name, time: T0 + line.sec * 1000 });
          }
          const data = [HEADER, ...lines.map(cells)];
          if (ref.kept.length === 0 && ref.other === 0) {
            expect(() => readEventTable(data, { keepEvent: keep })).toThrow();
            return;
          }
          const table = readEventTable(data, { keepEvent: keep });
          const got = [...table.entityIds].map((id, i) => ({
            user: table.entityKeys[id],
            name: table.eventNames[table.eventCodes[i]!],
            time: table.times[i],
          }));
          expect(got).toEqual(ref.kept);
          expect(table.otherEventRows).toBe(ref.other);
          expect(table.leftOut?.withoutId).toBe(ref.withoutId);
          expect(table.leftOut?.headerRows.length).toBe(ref.headers);
          // The other rows of the table's entities (an id no kept row has is no entity), in order.
          const entities = new Set(ref.kept.map((row) => row.user));
          const others: { user: string | undefined; time: number | undefined }[] = [];
          const reader = table.otherRows?.();
          const ids = new Int32Array(chunkRows);
          const times = new Float64Array(chunkRows);
          for (let n = reader?.next(ids, times) ?? 0; n > 0; n = reader!.next(ids, times)) {
            expect(n).toBeLessThanOrEqual(chunkRows);
            for (let i = 0; i < n; i++) others.push({ user: table.entityKeys[ids[i]!], time: times[i] });
          }
          expect(others).toEqual(keep ? ref.otherRows.filter((row) => entities.has(row.user)) : []);
        },
      ),
      { numRuns: 150 },
    );
  });
});
