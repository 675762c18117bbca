import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDateCell, parseTimestamp } from '../../../src/core/table';

// 2024-03-01 10:00:00 UTC, worked out by hand: 19783 days after 1970-01-01, plus 10 hours.
const MARCH_1_10H = 19_783 * 86_400_000 + 10 * 3_600_000;

describe('parseTimestamp', () => {
  it('reads numbers by magnitude: microseconds, milliseconds, seconds, spreadsheet serials', () => {
    expect(parseTimestamp(MARCH_1_10H * 1000)).toBe(MARCH_1_10H);
    expect(parseTimestamp(MARCH_1_10H)).toBe(MARCH_1_10H);
    expect(parseTimestamp(MARCH_1_10H / 1000)).toBe(MARCH_1_10H);
    // Serial 45352 is 2024-03-01 (45352 - 25569 = 19783 days after the epoch); 10:00 is 10/24.
    expect(parseTimestamp(45_352 + 10 / 24)).toBe(MARCH_1_10H);
    expect(parseTimestamp(0)).toBe(Date.UTC(1899, 11, 30));
  });

  it('keeps microseconds as a fraction of a millisecond', () => {
    expect(parseTimestamp(1_709_287_200_000_123)).toBeCloseTo(1_709_287_200_000.123, 3);
  });

  it('reads Dates, also from another realm', () => {
    expect(parseTimestamp(new Date(MARCH_1_10H))).toBe(MARCH_1_10H);
    const foreign = runInNewContext(`new Date(${MARCH_1_10H})`);
    expect(foreign instanceof Date).toBe(false);
    expect(isDateCell(foreign)).toBe(true);
    expect(parseTimestamp(foreign)).toBe(MARCH_1_10H);
  });

  it.each([
    ['2024-03-01 10:00:00', MARCH_1_10H],
    ['2024-03-01 10:00:00 UTC', MARCH_1_10H],
    ['2024-03-01 10:00:00 utc', MARCH_1_10H],
    ['2024-03-01 10:00:00 GMT', MARCH_1_10H],
    ['2024-03-01T10:00:00Z', MARCH_1_10H],
    ['2024-03-01T10:00:00.250Z', MARCH_1_10H + 250],
    ['2024-03-01T12:00:00+02:00', MARCH_1_10H],
    ['2024-03-01T05:00:00-0500', MARCH_1_10H],
    ['2024-03-01T10:00', MARCH_1_10H],
    ['  2024-03-01 10:00:00\r', MARCH_1_10H],
    ['2024-03-01', MARCH_1_10H - 10 * 3_600_000],
    ['20240301', MARCH_1_10H - 10 * 3_600_000],
    ['2024030110', MARCH_1_10H],
    [String(MARCH_1_10H * 1000), MARCH_1_10H],
    [String(MARCH_1_10H / 1000), MARCH_1_10H],
  ])('reads text %j', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    'yesterday',
    '2024-02-30 10:00:00',
    '2024-13-01',
    '2024-03-01 25:00:00',
    '2024-03-01 10:00:00 CET',
    '2024-03-01 10:00:00 UTX',
    '',
    '3/20/15',
  ])('gives NaN for %j', (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });

  it('gives NaN for values that are not timestamps', () => {
    expect(parseTimestamp(true)).toBeNaN();
    expect(parseTimestamp(null)).toBeNaN();
    expect(parseTimestamp(Number.NaN)).toBeNaN();
    expect(parseTimestamp(new Date(Number.NaN))).toBeNaN();
  });

  it('agrees with Date.parse on ISO text for any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString();
          expect(parseTimestamp(iso)).toBe(Date.parse(iso));
          expect(parseTimestamp(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`)).toBe(
            Date.parse(`${iso.slice(0, 19)}Z`),
          );
        },
      ),
    );
  });
});
