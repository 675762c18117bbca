import { describe, expect, it } from 'vitest';
import { splitTables } from '../../../src/core/table/stacked-tables';

const shape = (rows: unknown[][]) => splitTables(rows).map((t) => [t.headers.join('|'), t.rows]);

describe('splitTables', () => {
  it('each # block starts a table; rows are indices into the range', () => {
    const rows = [
      ['# card 1'],
      ['Nth day', 'Active users'],
      [0, 5],
      [''],
      ['# card 2'],
      ['# Start date: 20250101'],
      ['Event name', 'Event count'],
      ['a', 3],
      ['b', 2],
    ];
    expect(shape(rows)).toEqual([
      ['Nth day|Active users', [2]],
      ['Event name|Event count', [7, 8]],
    ]);
  });

  it('after a blank line, a row of names is a header, a row with a number is data', () => {
    const rows = [['Page', 'Views'], ['/', 1], [''], ['/a', 2], [''], ['Source', 'Sessions'], ['google', 4]];
    expect(shape(rows)).toEqual([
      ['Page|Views', [1, 3]],
      ['Source|Sessions', [6]],
    ]);
  });

  it('a header seen before continues its table, even after another table', () => {
    const rows = [
      ['Page', 'Views'],
      ['/', 1],
      ['# other'],
      ['Source', 'Sessions'],
      ['g', 4],
      ['# again'],
      ['Page', 'Views\r'],
      ['/b', 2],
    ];
    expect(shape(rows)).toEqual([
      ['Page|Views', [1, 7]],
      ['Source|Sessions', [4]],
    ]);
  });
});
