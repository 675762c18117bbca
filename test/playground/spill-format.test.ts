/**
 * A custom function's result takes the number format of the cells it spills into, as in Sheets
 * (issue 13, item 10): FUNNEL returns shares as fractions, and a column formatted as a percentage
 * shows them as percentages, on the page and in GET /api/workbook, after every recalculation.
 */
import { describe, expect, it } from 'vitest';
import { PlaygroundSession } from '../../dev/playground/session';

/**
 * By hand: users u1..u4 all do `a`, only u1 then does `b`. FUNNEL "a, b": a 4 users, b 1 user;
 * b's share of the first step and of the previous step 1/4 = 25.0%, its drop-off share 3/4 = 75.0%.
 */
const EVENTS = [
  ['user_pseudo_id', 'event_name', 'event_timestamp'],
  ['u1', 'a', '2024-01-01 10:00:00'],
  ['u1', 'b', '2024-01-01 10:01:00'],
  ['u2', 'a', '2024-01-01 10:00:00'],
  ['u3', 'a', '2024-01-01 10:00:00'],
  ['u4', 'a', '2024-01-01 10:00:00'],
];

describe('a FUNNEL spilling into percent-formatted cells', () => {
  it('shows the shares as percentages where the tab is formatted so, and as fractions elsewhere', () => {
    const session = new PlaygroundSession();
    // The sample funnel tab formats C2:D20 and F2:F20 as 0.0%, as a user would in Sheets.
    const { sheet } = session.loadSample();
    session.writeValues('Events', 'A1', EVENTS);
    // The user replaces the sample's formula with their own, on the same formatted tab.
    session.writeValues(sheet, 'A1', [['=FUNNEL(Events!A1:C6, "a, b")']]);
    const page = session.fullWorkbook(sheet).sheets.find((s) => s.name === sheet)!;
    const text = (row: number, column: number) =>
      page.cells.find((c) => c.row === row && c.column === column)?.text;
    expect([text(3, 1), text(3, 2), text(3, 3), text(3, 4), text(3, 5), text(3, 6)]).toEqual([
      'b',
      '1',
      '25.0%',
      '25.0%',
      '3',
      '75.0%',
    ]);
    expect(text(2, 3)).toBe('100.0%');
    const plain = session.workbook().sheets.find((s) => s.name === sheet)!;
    expect(plain.values[2]!.slice(0, 6)).toEqual(['b', 1, '25.0%', '25.0%', 3, '75.0%']);

    // The same formula on an unformatted tab: the fractions as they are.
    session.writeValues('Plain', 'A1', [['=FUNNEL(Events!A1:C6, "a, b")']]);
    const bare = session.workbook().sheets.find((s) => s.name === 'Plain')!;
    expect(bare.values[2]!.slice(0, 6)).toEqual(['b', 1, 0.25, 0.25, 3, 0.75]);

    // New data recalculates into the same formatted cells: u2 buys too, so b is 2/4 = 50.0%.
    session.writeValues('Events', 'A7', [['u2', 'b', '2024-01-01 10:05:00']]);
    session.writeValues(sheet, 'A1', [['=FUNNEL(Events!A1:C7, "a, b")']]);
    const after = session.workbook().sheets.find((s) => s.name === sheet)!;
    expect(after.values[2]!.slice(0, 6)).toEqual(['b', 2, '50.0%', '50.0%', 2, '50.0%']);
  });
});
