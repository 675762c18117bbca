/**
 * Calendar periods for trends: day, week (starting Monday, as ISO 8601 and GA4 do) and month,
 * in UTC, the time base every timestamp is read into. Each period is numbered so that
 * consecutive periods have consecutive numbers, which makes gaps easy to fill.
 */
import { UserError } from '../errors';
import { cellText, isBlankCell, MS_PER_DAY } from '../table';

export type Period = 'day' | 'week' | 'month';

const PERIOD_WORDS: Record<string, Period> = {
  day: 'day',
  days: 'day',
  daily: 'day',
  week: 'week',
  weeks: 'week',
  weekly: 'week',
  month: 'month',
  months: 'month',
  monthly: 'month',
};

/** A period argument: blank is a week. */
export function parsePeriod(value: unknown): Period {
  if (isBlankCell(value)) return 'week';
  const word = cellText(value).toLowerCase();
  // Own keys only: "constructor" or "__proto__" must not find Object's members (and Object.hasOwn
  // is newer than the bundle's es2020 target).
  const period = Object.keys(PERIOD_WORDS).includes(word) ? PERIOD_WORDS[word] : undefined;
  if (period === undefined) {
    throw new UserError(
      `period "${cellText(value)}" is not one of "day", "week" (starting Monday) or "month".`,
    );
  }
  return period;
}

/** The number of the period holding an epoch-ms time. */
export function periodNumber(ms: number, period: Period): number {
  const day = Math.floor(ms / MS_PER_DAY);
  if (period === 'day') return day;
  // Day 0 (1970-01-01) was a Thursday: day + 3 counts from Monday 1969-12-29.
  if (period === 'week') return Math.floor((day + 3) / 7);
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The first day of a period as ISO date text, e.g. "2024-03-04". */
export function periodStartText(n: number, period: Period): string {
  const ms =
    period === 'day'
      ? n * MS_PER_DAY
      : period === 'week'
        ? (n * 7 - 3) * MS_PER_DAY
        : new Date(0).setUTCFullYear(Math.floor(n / 12), n % 12, 1); // Date.UTC reads years 0-99 as 19xx
  return new Date(ms).toISOString().slice(0, 10);
}
