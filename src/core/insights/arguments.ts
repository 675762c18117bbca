/**
 * Single-value arguments of the insight functions: whole counts and a confidence level.
 * A range where one cell is expected, text that is not a number, and impossible values
 * each get their own message naming the argument.
 */
import { UserError } from '../errors';
import { isBlankCell, isDateCell, isNumberCell, parseSteps, type Step } from '../table';

function shown(value: unknown): string {
  if (typeof value === 'string') return `the text "${value.trim()}"`;
  if (isDateCell(value)) return 'a date';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // NaN or Infinity can only come from a script: quoted, so it reads as the value given.
  return isNumberCell(value) ? String(value) : `"${String(value)}"`;
}

/** A number from a cell; text holding only a number (as some imports leave it) counts too. */
function numberOf(value: unknown): number {
  if (isNumberCell(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(value))
    return Number(value);
  return Number.NaN;
}

function rejectRange(value: unknown, name: string): void {
  if (Array.isArray(value)) {
    throw new UserError(`${name} must be one cell or a number, not a range of cells.`);
  }
}

/** A whole count >= 0 (visitors, conversions). */
export function parseCount(value: unknown, name: string, example: string): number {
  rejectRange(value, name);
  if (isBlankCell(value)) throw new UserError(`${name} is missing: give a whole number such as ${example}.`);
  const n = numberOf(value);
  if (Number.isNaN(n)) {
    throw new UserError(`${name} must be a whole number such as ${example}, not ${shown(value)}.`);
  }
  // As typed: text such as "1e400" reads as Infinity, which the user never wrote.
  const given = typeof value === 'string' ? value.trim() : String(n);
  if (n < 0) throw new UserError(`${name} is ${given}: a count cannot be negative.`);
  // Past 2^53 whole numbers are not exact, and sums of two overflow the test's arithmetic.
  if (n > Number.MAX_SAFE_INTEGER) {
    throw new UserError(
      `${name} is ${given}: larger than any real count (at most ${Number.MAX_SAFE_INTEGER}), such as ${example}.`,
    );
  }
  if (!Number.isInteger(n)) {
    throw new UserError(
      `${name} is ${given}: counts are whole numbers (people, sessions), such as ${example}.`,
    );
  }
  return n;
}

/** How many rows to show (DROP_OFF's top): a whole number >= 1; blank is `fallback`. */
export function parseRowLimit(value: unknown, name: string, fallback: number): number {
  rejectRange(value, name);
  if (isBlankCell(value)) return fallback;
  const n = numberOf(value);
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new UserError(
      `${name} must be a whole number of rows, at least 1, such as ${fallback} (blank: ${fallback}), not ${shown(value)}.`,
    );
  }
  return n;
}

const CONFIDENCE_EXAMPLES = '0.95, 95%, 95 or 0.99';

/**
 * A confidence level as a fraction in (0, 1). Blank is 95%. A number above 1 and below 100, or
 * text with a % sign, is read as a percentage (95 and "95%" both mean 0.95).
 */
export function parseConfidence(value: unknown, name = 'confidence'): number {
  rejectRange(value, name);
  if (isBlankCell(value)) return 0.95;
  let level = Number.NaN;
  if (typeof value === 'string' && value.trim().endsWith('%'))
    level = numberOf(value.trim().slice(0, -1)) / 100;
  else {
    const n = numberOf(value);
    level = n > 1 && n < 100 ? n / 100 : n;
  }
  if (!(level > 0 && level < 1)) {
    throw new UserError(
      `${name} must be a level between 0 and 100% (write ${CONFIDENCE_EXAMPLES}), not ${shown(value)}.`,
    );
  }
  return level;
}

/** True for a blank cell or a range of blank cells (an optional argument left empty). */
export function isBlankArgument(value: unknown): boolean {
  if (Array.isArray(value))
    return value.every((row) => (Array.isArray(row) ? row.every(isBlankCell) : isBlankCell(row)));
  return isBlankCell(value);
}

/** One event name, or alternatives joined with | ("purchase|subscribe"). */
export function parseOneEvent(value: unknown, name: string, example: string): Step {
  if (isBlankArgument(value)) {
    throw new UserError(`${name} is missing: give the event name, e.g. "${example}".`);
  }
  const steps = parseSteps(value);
  if (steps.length > 1) {
    throw new UserError(
      `${name} names ${steps.length} events (${steps.map((s) => s.label).join(', ')}): give one, ` +
        `or alternatives joined with | such as "${example}|subscribe".`,
    );
  }
  return steps[0]!;
}
