/**
 * Array evaluation as Sheets does it inside ARRAYFORMULA and FILTER: an operator or a
 * one-value function given a range applies to each cell, and the result is an array. Also
 * FILTER and UNIQUE over such arrays, and `{a; b}` stacking of ranges. Pure helpers over
 * matrices; evaluate.ts decides when they apply.
 */
import { FormulaError, type Matrix, type Scalar, toBoolean } from './values';

/** Functions of one value per argument, applied cell by cell to a range inside an array formula. */
export const ELEMENTWISE = new Set(['ISNUMBER', 'ISTEXT', 'ROUND', 'LEN', 'TRIM', 'LOWER', 'UPPER', 'N']);

const NOT_AVAILABLE = () => new FormulaError('#N/A', 'Array arguments are of different size.');

/**
 * Applies `apply` cell by cell over matrices of the same shape, a single value standing for
 * every cell; where one array is shorter or narrower, the cell is #N/A (as Sheets pads).
 */
export function broadcast(args: Matrix[], apply: (...cells: Scalar[]) => Scalar): Matrix {
  const rows = Math.max(...args.map((m) => m.length));
  const columns = Math.max(...args.map((m) => m[0]?.length ?? 0));
  const at = (m: Matrix, r: number, c: number): Scalar | undefined => {
    const row = m.length === 1 ? m[0] : m[r];
    return row?.length === 1 ? row[0] : row?.[c];
  };
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const cells = args.map((m) => at(m, r, c));
      return cells.some((cell) => cell === undefined) ? NOT_AVAILABLE() : apply(...(cells as Scalar[]));
    }),
  );
}

/** FILTER(range, condition1, ...): the rows whose every condition is TRUE; none is #N/A. */
export function filterRows(data: Matrix, conditions: Matrix[]): Matrix | FormulaError {
  for (const condition of conditions) {
    if (condition.length !== data.length || (condition[0]?.length ?? 0) !== 1) {
      return new FormulaError(
        '#VALUE!',
        `FILTER has mismatched range sizes. Expected row count: ${data.length}. column count: 1. Actual row count: ${condition.length}, column count: ${condition[0]?.length ?? 0}.`,
      );
    }
  }
  const kept: Matrix = [];
  for (let r = 0; r < data.length; r++) {
    const verdicts = conditions.map((condition) => toBoolean(condition[r]![0]!));
    const error = verdicts.find((v): v is FormulaError => v instanceof FormulaError);
    if (error) return error;
    if (verdicts.every((v) => v === true)) kept.push(data[r]!);
  }
  return kept.length > 0 ? kept : new FormulaError('#N/A', 'No matches are found in FILTER evaluation.');
}

/** UNIQUE(range): each distinct row once, in first-seen order. */
export function uniqueRows(data: Matrix): Matrix {
  const seen = new Set<string>();
  return data.filter((row) => {
    const key = JSON.stringify(row.map((cell) => (cell instanceof FormulaError ? cell.code : cell)));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `{a, b; c, d}` with ranges inside: side by side within a row, rows stacked; sizes must fit. */
export function stack(rows: Matrix[][]): Matrix | FormulaError {
  const out: Matrix = [];
  for (const parts of rows) {
    const height = parts[0]?.length ?? 0;
    if (parts.some((part) => part.length !== height)) {
      return new FormulaError(
        '#VALUE!',
        'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.',
      );
    }
    for (let r = 0; r < height; r++) out.push(parts.flatMap((part) => part[r]!));
  }
  const width = out[0]?.length ?? 0;
  if (out.some((row) => row.length !== width)) {
    return new FormulaError(
      '#VALUE!',
      'In ARRAY_LITERAL, an Array Literal was missing values for one or more columns.',
    );
  }
  return out;
}
