import { describe, expect, it } from 'vitest';
import { parseDuration, parseWindow } from '../../../src/core/table';

describe('parseWindow', () => {
  it('is unlimited when blank', () => {
    expect(parseWindow('')).toBe(Number.POSITIVE_INFINITY);
    expect(parseWindow(undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(parseWindow('  ')).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    [1, 86_400_000],
    [0.5, 43_200_000],
    [1 / 24, 3_600_000],
    [0, 0],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['30 min', 1_800_000],
    ['2 hours', 7_200_000],
    ['7 days', 604_800_000],
    ['1 day', 86_400_000],
    ['1.5h', 5_400_000],
    ['2', 172_800_000],
    ['2W', 1_209_600_000],
  ])('reads %j as %d ms', (value, ms) => {
    expect(parseWindow(value)).toBe(ms);
  });

  it.each(['2 fortnights', 'soon', '-1d', '1h30m', 'h', '5 constructor', '1 __proto__', '2 valueOf'])(
    'rejects %j with valid examples',
    (value) => {
      expect(() => parseWindow(value)).toThrow(`window "${value}" is not a duration`);
      expect(() => parseWindow(value)).toThrow(/90s, 30m, 2h, 7d, "30 min", "2 hours", "7 days"/);
    },
  );

  it('rejects negative numbers and non-durations', () => {
    expect(() => parseWindow(-1)).toThrow('window -1 is not a duration');
    expect(() => parseWindow(true)).toThrow('window true is not a duration');
    expect(parseDuration(new Date())).toBeNaN();
  });

  it('asks for a plain value when given a time-formatted cell (a Date)', () => {
    expect(() => parseWindow(new Date(Date.UTC(1899, 11, 30, 1)))).toThrow(
      'window is a date or time cell. Write the window as a number of days or as text: 1 (a day), 0.5, 90s',
    );
  });
});
