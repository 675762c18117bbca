/**
 * Timestamps to epoch milliseconds (UTC). Runs once per data row, so text is parsed by hand
 * with charCodeAt (no regex, no allocation) and numbers take a fast path.
 *
 * - Date objects (any realm): their time.
 * - Numbers by magnitude: >= 1e14 epoch microseconds (GA4 BigQuery `event_timestamp`),
 *   >= 1e11 epoch milliseconds, >= 1e8 epoch seconds, otherwise spreadsheet date serials
 *   (days since 1899-12-30, rounded to the millisecond).
 * - Text: ISO 8601 (`2024-03-01T10:00:00Z`, `+02:00` offsets, fractions), `YYYY-MM-DD HH:MM:SS`
 *   with an optional ` UTC`, `YYYY-MM-DD`, GA's `YYYYMMDD` and `YYYYMMDDHH`, and numbers as text.
 * - GA dates and date-hours stored as numbers (`20240301`, `2024030110`: Sheets turns pasted
 *   digits into numbers) are those dates, not epoch seconds or serials.
 * - Text without a zone, GA dates and serials are wall-clock times: read in the spreadsheet's
 *   time zone when one is given (so they agree with Date cells), else as UTC.
 */
import { isDateCell } from './cells';
import type { TimeZone } from './time-zone';

const SERIAL_EPOCH_DAYS = 25_569; // 1970-01-01 as a spreadsheet serial (day 0 is 1899-12-30)
const MS_PER_DAY = 86_400_000;

/**
 * The instants a timestamp may hold: years 0001 to 9999. Anything beyond is a unit mix-up or
 * garbage (1e300 is no date), and could not be shown as a date or a period either.
 */
export const EARLIEST_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z
export const LATEST_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** True for epoch milliseconds within EARLIEST_MS..LATEST_MS (false for NaN). */
export function isTimeInRange(ms: number): boolean {
  return ms >= EARLIEST_MS && ms <= LATEST_MS;
}

/** Epoch milliseconds of a number by its magnitude (see above). */
export function timestampFromNumber(value: number, zone?: TimeZone): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const size = Math.abs(value);
  if (size >= 1e14) return value / 1000;
  if (size >= 1e11) return value;
  if (size >= 19_000_101) {
    const gaDate = gaDateNumber(value);
    if (!Number.isNaN(gaDate)) return wallClock(gaDate, zone);
  }
  if (size >= 1e8) return value * 1000;
  return wallClock(Math.round((value - SERIAL_EPOCH_DAYS) * MS_PER_DAY), zone);
}

/** A wall-clock time (as if UTC) as an instant in the zone; UTC without one. */
function wallClock(ms: number, zone: TimeZone | undefined): number {
  return zone === undefined || Number.isNaN(ms) ? ms : zone.fromWallClock(ms);
}

/**
 * GA's YYYYMMDD (years 1900-2200) or YYYYMMDDHH as a number, as wall-clock ms; NaN when the
 * digits are not a real date (then the number is read by its magnitude). Epoch seconds only
 * read as a date-hour from 2030 on (1900010100 s), and then only when the digits are a real date.
 */
function gaDateNumber(value: number): number {
  // Range checks first and no Math: epoch seconds pass here on every row.
  const withHour = value >= 1_900_010_100 && value <= 2_200_123_123;
  if ((!withHour && value > 22_001_231) || value % 1 !== 0) return Number.NaN;
  const hour = withHour ? value % 100 : 0;
  const date = withHour ? (value - hour) / 100 : value;
  const day = date % 100;
  const month = ((date - day) / 100) % 100;
  return utc((date - month * 100 - day) / 10_000, month, day, hour, 0, 0);
}

/** Epoch milliseconds of a timestamp cell; NaN when it cannot be read as one. */
export function parseTimestamp(value: unknown, zone?: TimeZone): number {
  if (typeof value === 'number') return timestampFromNumber(value, zone);
  if (typeof value === 'string') return timestampFromText(value, zone);
  if (isDateCell(value)) return value.getTime();
  return Number.NaN;
}

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** The number written by `count` digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const d = digit(text, at + i);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Epoch ms of a calendar date and time, NaN when a field is out of range (Feb 30, hour 25...).
 * Plain arithmetic: no Date object per row.
 */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return Number.NaN;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > monthDays) return Number.NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
}

function isAllDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (digit(text, i) < 0) return false;
  return to > from;
}

/** Epoch ms of a timestamp written as text; NaN when it is not one. */
export function timestampFromText(raw: string, zone?: TimeZone): number {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 32) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 32) end--;
  const length = end - start;
  const text = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  if (length === 0) return Number.NaN;
  // Digits only: GA's YYYYMMDD and YYYYMMDDHH when they are real dates, else epoch numbers.
  if (isAllDigits(text, 0, length)) return timestampFromNumber(Number(text), zone);
  if (length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) return isoTimestamp(text, zone);
  const asNumber = Number(text);
  return Number.isNaN(asNumber) ? Number.NaN : timestampFromNumber(asNumber, zone);
}

/** `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM[:SS[.fff]]`, then `Z`, ` UTC` or `±HH[:]MM`. */
function isoTimestamp(text: string, zone: TimeZone | undefined): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return Number.NaN;
  if (text.length === 10) return wallClock(utc(year, month, day, 0, 0, 0), zone);
  const sep = text.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return Number.NaN; // T, t or space
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || minute < 0 || text.charCodeAt(13) !== 58) return Number.NaN;
  let at = 16;
  let second = 0;
  let fraction = 0;
  if (text.charCodeAt(at) === 58) {
    second = digits(text, at + 1, 2);
    if (second < 0) return Number.NaN;
    at += 3;
    if (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44) {
      // Fractions of a second, kept to the microsecond.
      at++;
      let scale = 100;
      const from = at;
      while (digit(text, at) >= 0) {
        fraction += digit(text, at) * scale;
        scale /= 10;
        at++;
      }
      if (at === from) return Number.NaN;
    }
  }
  const base = utc(year, month, day, hour, minute, second);
  if (Number.isNaN(base)) return Number.NaN;
  if (isZoneless(text, at)) return wallClock(base + fraction, zone);
  const offset = zoneOffsetMs(text, at);
  return Number.isNaN(offset) ? Number.NaN : base + fraction - offset;
}

/** True when nothing but spaces follows `at`: no zone is written. */
function isZoneless(text: string, at: number): boolean {
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  return at === text.length;
}

/** Milliseconds east of UTC written at `at`: "", "Z", " UTC", " GMT", "+02:00", "+0200", "-05". */
function zoneOffsetMs(text: string, at: number): number {
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  const rest = text.length - at;
  if (rest === 0) return 0;
  const code = text.charCodeAt(at);
  if (rest === 1 && (code === 90 || code === 122)) return 0; // Z
  if (rest === 3) {
    // "UTC" or "GMT" in any case, by char codes (no string per row).
    const a = text.charCodeAt(at) | 32;
    const b = text.charCodeAt(at + 1) | 32;
    const c = text.charCodeAt(at + 2) | 32;
    if ((a === 117 && b === 116 && c === 99) || (a === 103 && b === 109 && c === 116)) return 0;
  }
  if (code !== 43 && code !== 45) return Number.NaN; // + or -
  const hours = digits(text, at + 1, 2);
  let minutes = 0;
  if (rest === 6 && text.charCodeAt(at + 3) === 58) minutes = digits(text, at + 4, 2);
  else if (rest === 5) minutes = digits(text, at + 3, 2);
  else if (rest !== 3) return Number.NaN;
  if (hours < 0 || minutes < 0) return Number.NaN;
  const sign = code === 45 ? -1 : 1;
  return sign * (hours * 60 + minutes) * 60_000;
}
