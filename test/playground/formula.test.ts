/**
 * The playground's formula evaluator: how Sheets parses and computes, worked out by hand, and how
 * a custom function receives its arguments (a range as a 2D array with '' for blanks, a cell as its
 * value, an array literal as a 2D array) and reports a thrown error.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFormula, type FormulaGrid } from '../../dev/playground/formula/evaluate';
import { FormulaError, type Matrix, type Scalar } from '../../dev/playground/formula/values';

/** A workbook of two tabs as plain arrays (row-major, 1-based in A1 terms). */
const TABS: Record<string, Scalar[][]> = {
  Data: [
    ['user', 'event'],
    ['u1', 'view_item'],
    ['u2', null],
  ],
  'My tab': [[2, 3, 'x']],
};

const grid: FormulaGrid = {
  cell: (sheet, row, column) => TABS[sheet]?.[row - 1]?.[column - 1] ?? null,
  size: (sheet) => (TABS[sheet] ? { rows: 1000, columns: 26 } : undefined),
  namedRange: (name) => (name.toLowerCase() === 'pair' ? { sheet: 'My tab', a1: 'A1:B1' } : undefined),
};

function run(formula: string, customFunctions: Record<string, (...args: unknown[]) => unknown> = {}): Matrix {
  return evaluateFormula(formula, {
    grid,
    sheet: 'Data',
    customFunctions: new Map(Object.entries(customFunctions)),
  });
}

const value = (formula: string) => run(formula)[0]![0];

describe('formula evaluator', () => {
  it('follows Sheets precedence: unary minus before ^, ^ left to right, % after a number', () => {
    expect(value('=1+2*3')).toBe(7);
    expect(value('=-2^2')).toBe(4);
    expect(value('=2^3^2')).toBe(64);
    expect(value('=50%*4')).toBe(2);
    expect(value('="a"&1+1')).toBe('a2');
    expect(value('=1+1=2')).toBe(true);
    expect(value('="ABC"="abc"')).toBe(true);
  });

  it('reads references with and without a sheet name, quoted names, $ anchors and named ranges', () => {
    expect(value("='My tab'!A1*'My tab'!$B$1")).toBe(6);
    expect(value('=A2')).toBe('u1');
    expect(value('=SUM(pair)')).toBe(5);
    expect(value('=COUNTA(Data!A1:B3)')).toBe(5);
  });

  it('gives Sheets error values with a message, and IF/IFERROR evaluate only what they need', () => {
    const div = value('=1/0') as FormulaError;
    expect(div).toBeInstanceOf(FormulaError);
    expect(div.code).toBe('#DIV/0!');
    expect((value('=NOSUCH(1)') as FormulaError).code).toBe('#NAME?');
    expect((value('=Nowhere!A1') as FormulaError).code).toBe('#REF!');
    expect((value('=unknown_name') as FormulaError).code).toBe('#NAME?');
    expect(value('=IF(TRUE, 1, NOSUCH())')).toBe(1);
    expect(value('=IFERROR(1/0, "none")')).toBe('none');
    const parse = value('=1+') as FormulaError;
    expect(parse.code).toBe('#ERROR!');
    expect(parse.message).toMatch(/parse error/i);
  });

  it('hands a custom function a range as a 2D array ("" for blanks), a cell as its value, {..} as 2D', () => {
    const seen: unknown[][] = [];
    const FN = (...args: unknown[]) => {
      seen.push(args);
      return [
        ['a', 1],
        ['b', 2],
      ];
    };
    const result = run('=FN(Data!A1:B3, B2, {"x","y"}, 7, , "s")', { FN });
    expect(seen[0]).toEqual([
      [
        ['user', 'event'],
        ['u1', 'view_item'],
        ['u2', ''],
      ],
      'view_item',
      [['x', 'y']],
      7,
      '',
      's',
    ]);
    expect(result).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('shows a thrown error as #ERROR! with its message, as Sheets does', () => {
    const BAD = () => {
      throw new Error('data is empty. Select the exported rows with their header row.');
    };
    const error = run('=BAD(A1:A2)', { BAD })[0]![0] as FormulaError;
    expect(error.code).toBe('#ERROR!');
    expect(error.message).toBe('data is empty. Select the exported rows with their header row.');
  });
});
