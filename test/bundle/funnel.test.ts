/**
 * FUNNEL through dist/Code.js in a fresh gas-local context, as Sheets calls it: a 2D array
 * with Dates from another realm, numbers and text. Run `npm run build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './load-bundle';

const ctx = loadBundle();
const FUNNEL = ctx.FUNNEL as (...args: unknown[]) => unknown[][];

const data = [
  ['# ----------------------------------------'],
  ['# Start date: 20250101'],
  [''],
  ['user_pseudo_id', 'event_name', 'event_timestamp'],
  ['a', 'view_item', new Date('2025-01-01T10:00:00Z')],
  ['a', 'add_to_cart', '2025-01-01 10:05:00 UTC'],
  ['a', 'purchase', Date.parse('2025-01-01T10:30:00Z') * 1000],
  ['b', 'view_item', 45_658.5],
  ['b', 'add_to_cart', new Date('2025-01-02T12:00:00Z')],
  ['c', 'view_item', '20250101'],
];

describe('FUNNEL in the bundle', () => {
  it('is a top-level function that returns the funnel table', () => {
    expect(typeof FUNNEL).toBe('function');
    const out = FUNNEL(data, 'view_item, add_to_cart, purchase');
    expect(Array.isArray(out)).toBe(true);
    expect(out).toEqual([
      [
        'Step',
        'Users',
        'Share of first step',
        'Share of previous step',
        'Drop-off',
        'Drop-off share',
        'Notes',
      ],
      ['view_item', 3, 1, '', '', '', ''],
      ['add_to_cart', 2, 2 / 3, 2 / 3, 1, 1 / 3, ''],
      ['purchase', 1, 1 / 3, 0.5, 1, 0.5, ''],
    ]);
  });

  it('applies a window given as text (b added to cart a day after viewing)', () => {
    const out = FUNNEL(data, [['view_item'], ['add_to_cart']], '1h', '');
    expect(out.slice(1).map((r) => r[1])).toEqual([3, 1]);
  });

  it('shows a user error as a plain message, not "failed unexpectedly"', () => {
    expect(() => FUNNEL(data, 'view_item', 'soon')).toThrow(/^window "soon" is not a duration/);
    expect(() => FUNNEL(data, 'view_item', '', 'fast')).toThrow(/^unknown option "fast"\. Valid options:/);
    expect(() => FUNNEL([['x']], 'a')).toThrow(/^data has a header row \("x"\) but no data rows under it/);
  });
});
