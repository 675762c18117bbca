/** The values a formula computes with, and how Sheets coerces between them. */

/** A spreadsheet error value (`#REF!`, `#ERROR!`...) with the message Sheets shows on hover. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** One cell's value while evaluating; null is an empty cell. */
export type Scalar = number | string | boolean | Date | null | FormulaError;
export type Matrix = Scalar[][];

const DAY_MS = 86_400_000;
/** Sheets counts days from 1899-12-30. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A date as Sheets' serial number (days since 1899-12-30, time as the fraction). */
export function dateToSerial(date: Date): number {
  const local = date.getTime() - date.getTimezoneOffset() * 60_000;
  return (local - EPOCH_MS) / DAY_MS;
}

export function toNumber(value: Scalar): number | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === null || value === '') return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isDate(value)) return dateToSerial(value);
  const n = Number(value.trim().replace(/%$/, ''));
  if (value.trim() !== '' && Number.isFinite(n)) return value.trim().endsWith('%') ? n / 100 : n;
  return new FormulaError(
    '#VALUE!',
    `Function expects number values. But '${value}' is a text and cannot be coerced to a number.`,
  );
}

export function toText(value: Scalar): string | FormulaError {
  if (value instanceof FormulaError) return value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return String(dateToSerial(value));
  return String(value);
}

export function toBoolean(value: Scalar): boolean | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE' || upper === '') return false;
    return new FormulaError('#VALUE!', `'${value}' is a text and cannot be read as TRUE or FALSE.`);
  }
  const n = toNumber(value);
  return n instanceof FormulaError ? n : n !== 0;
}

/** Turns anything a function returned into a matrix of cell values (a scalar is 1x1). */
export function toMatrix(result: unknown): Matrix {
  if (!Array.isArray(result)) return [[toScalar(result)]];
  if (result.length === 0) return [[null]];
  if (!result.every((row) => Array.isArray(row))) return [result.map(toScalar)];
  const width = Math.max(1, ...result.map((row: unknown[]) => row.length));
  return result.map((row: unknown[]) => Array.from({ length: width }, (_, i) => toScalar(row[i])));
}

export function toScalar(value: unknown): Scalar {
  if (value === undefined || value === null) return null;
  if (value instanceof FormulaError) return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : new FormulaError('#NUM!', 'The result is not a finite number.');
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return value as Date;
  // formulajs reports spreadsheet errors as Error objects whose message is the code (#N/A...).
  if (
    value instanceof Error ||
    (typeof value === 'object' && (value as { name?: unknown }).name === 'Error')
  ) {
    const message = String((value as Error).message);
    return /^#[A-Z/0!?]+/.test(message)
      ? new FormulaError(message, describeErrorCode(message))
      : new FormulaError('#ERROR!', message);
  }
  return String(value);
}

function describeErrorCode(code: string): string {
  switch (code) {
    case '#DIV/0!':
      return 'Division by zero.';
    case '#N/A':
      return 'No value was found.';
    case '#NUM!':
      return 'The result is not a valid number.';
    default:
      return `The function returned ${code}.`;
  }
}
