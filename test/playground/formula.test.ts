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

  it('reads a custom function’s single value as a value inside other functions, as Sheets does', () => {
    const SEVEN = () => 7;
    expect(run('=ISNUMBER(SEVEN())', { SEVEN })).toEqual([[true]]);
    expect(run('=SEVEN()+1', { SEVEN })).toEqual([[8]]);
  });
});

describe('array formulas (ARRAYFORMULA, FILTER, OFFSET, UNIQUE, {a; b})', () => {
  // A small table: a header row, then three milestones (one blank row among them).
  const TABLE: Scalar[][] = [
    ['Phase', 'Name', 'Target'],
    ['Look', 'View item', 0.5],
    ['Buy', 'Add to cart', 1.5],
    [null, null, null],
    ['Buy', 'Pay', 'about 10%'],
  ];
  const tableGrid: FormulaGrid = {
    cell: (sheet, row, column) => (sheet === 'T' ? (TABLE[row - 1]?.[column - 1] ?? null) : null),
    size: (sheet) => (sheet === 'T' ? { rows: 5, columns: 3 } : undefined),
    namedRange: (name) => (name === 'MCF_T' ? { sheet: 'T', a1: 'A1:C5' } : undefined),
  };
  const calc = (formula: string) =>
    evaluateFormula(formula, { grid: tableGrid, sheet: 'T', customFunctions: new Map() });

  it('OFFSET leaves out the header row of a named range; ROWS counts its rows', () => {
    expect(calc('=ROWS(MCF_T)')).toEqual([[5]]);
    expect(calc('=OFFSET(MCF_T,1,1,ROWS(MCF_T)-1,1)')).toEqual([
      ['View item'],
      ['Add to cart'],
      [null],
      ['Pay'],
    ]);
    expect((calc('=OFFSET(MCF_T,1,1,0,1)')[0]![0] as FormulaError).code).toBe('#REF!');
  });

  it('FILTER keeps the rows whose conditions hold, taking operators cell by cell', () => {
    // Rows 3 and 5 have phase Buy (case ignored, as Sheets compares text).
    expect(calc('=FILTER(B2:B5,A2:A5="buy")')).toEqual([['Add to cart'], ['Pay']]);
    expect(calc('=FILTER(B2:B5&"!",A2:A5="Buy",B2:B5<>"Pay")')).toEqual([['Add to cart!']]);
    const none = calc('=FILTER(B2:B5,A2:A5="Nowhere")')[0]![0] as FormulaError;
    expect(none.code).toBe('#N/A');
    expect((calc('=FILTER(B2:B5,A2:A3="Buy")')[0]![0] as FormulaError).code).toBe('#VALUE!');
  });

  it('ARRAYFORMULA applies IF, ISNUMBER and ROUND to each cell, and TEXTJOIN joins the result', () => {
    // 0.5 -> "50%", 1.5 -> "150%", blank -> "", "about 10%" stays text.
    expect(
      calc('=ARRAYFORMULA(TEXTJOIN("|",TRUE,IF(ISNUMBER(C2:C5),ROUND(C2:C5*100,1)&"%",C2:C5)))'),
    ).toEqual([['50%|150%|about 10%']]);
    // Outside ARRAYFORMULA an operator on a range takes its first cell, as before.
    expect(calc('=B2:B5&"!"')).toEqual([['View item!']]);
  });

  it('stacks ranges in an array literal and UNIQUE keeps each row once', () => {
    expect(calc('={B2;A2:A3}')).toEqual([['View item'], ['Look'], ['Buy']]);
    expect(calc('=UNIQUE({A2:A5;A2:A3})')).toEqual([['Look'], ['Buy'], [null]]);
    expect((calc('={A2:A3,B2:B4}')[0]![0] as FormulaError).code).toBe('#VALUE!');
  });
});
