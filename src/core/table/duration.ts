/**
 * Durations and conversion windows, as users type them: a number of days (the spreadsheet's
 * time unit, so 1/24 is an hour) or text such as `90s`, `30m`, `2h`, `7d`, `30 min`, `2 hours`.
 */
import { UserError } from '../errors';
import { isBlankCell, isDateCell, isNumberCell } from './cells';

export const MS_PER_DAY = 86_400_000;

// A Map, not an object literal: a unit typed as "constructor" must not find Object's own keys.
const UNIT_MS = new Map<string, number>(
  Object.entries({
    s: 1000,
    sec: 1000,
    secs: 1000,
    second: 1000,
    seconds: 1000,
    m: 60_000,
    min: 60_000,
    mins: 60_000,
    minute: 60_000,
    minutes: 60_000,
    h: 3_600_000,
    hr: 3_600_000,
    hrs: 3_600_000,
    hour: 3_600_000,
    hours: 3_600_000,
    d: MS_PER_DAY,
    day: MS_PER_DAY,
    days: MS_PER_DAY,
    w: 7 * MS_PER_DAY,
    week: 7 * MS_PER_DAY,
    weeks: 7 * MS_PER_DAY,
  }),
);

export const DURATION_EXAMPLES = '1 (a day), 0.5, 90s, 30m, 2h, 7d, "30 min", "2 hours", "7 days"';

/**
 * Milliseconds in a duration cell, NaN when it is not one. Numbers are days. Whole
 * milliseconds, so that a window of 1/24 compares exactly with timestamps an hour apart.
 */
export function parseDuration(value: unknown): number {
  if (isNumberCell(value)) return value >= 0 ? Math.round(value * MS_PER_DAY) : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?$/i.exec(value.trim());
  if (!match) return Number.NaN;
  const amount = Number(match[1]);
  if (match[2] === undefined) return Math.round(amount * MS_PER_DAY);
  const unit = UNIT_MS.get(match[2].toLowerCase());
  return unit === undefined ? Number.NaN : Math.round(amount * unit);
}

/**
 * A conversion window in milliseconds: Infinity when blank (no limit). Throws a UserError
 * quoting the bad value, with valid examples.
 */
export function parseWindow(value: unknown, argumentName = 'window'): number {
  if (isBlankCell(value)) return Number.POSITIVE_INFINITY;
  if (isDateCell(value)) {
    // A cell formatted as a time or duration arrives as a Date near 1899-12-30, in the
    // spreadsheet's time zone, which this code cannot see: ask for a plain value instead.
    throw new UserError(
      `${argumentName} is a date or time cell. Write the window as a number of days or as text: ${DURATION_EXAMPLES}.`,
    );
  }
  const ms = parseDuration(value);
  if (Number.isNaN(ms)) {
    // NaN or Infinity (only a script can pass one) quoted like text, so no bare NaN reads as our own bug.
    const quoted = typeof value === 'string' || (typeof value === 'number' && !Number.isFinite(value));
    const shown = quoted ? `"${String(value).trim()}"` : String(value);
    throw new UserError(
      `${argumentName} ${shown} is not a duration. Leave it blank for no limit, or write a number of days or a ` +
        `duration: ${DURATION_EXAMPLES}.`,
    );
  }
  return ms;
}
