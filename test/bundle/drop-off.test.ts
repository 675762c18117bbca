// DROP_OFF as Sheets runs it: from dist/Code.js in a fresh gas-local context, with Dates from the
// test's realm, its top argument, and its help card (the @customfunction JSDoc the build writes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, loadBundle } from './load-bundle';

const ctx = loadBundle();
const call = (...args: unknown[]) => ctx.DROP_OFF!(...args) as unknown[][];

const at = (minute: number) => new Date(Date.UTC(2024, 2, 4, 10, minute));
// u1 view, faq; u2 view, help; u3 view, help; u4 view, cart; u5 view, buy (converts), steps view, buy:
// 4 drop-offs at view, next help 2, then cart and faq (1 each, by name).
const DATA = [
  ['user_pseudo_id', 'event_name', 'event_timestamp'],
  ['u1', 'view', at(0)],
  ['u1', 'faq', at(1)],
  ['u2', 'view', at(0)],
  ['u2', 'help', at(2)],
  ['u3', 'view', at(0)],
  ['u3', 'help', at(3)],
  ['u4', 'view', at(0)],
  ['u4', 'cart', at(4)],
  ['u5', 'view', at(0)],
  ['u5', 'buy', at(5)],
];

describe('DROP_OFF in the bundle', () => {
  it('reads Dates from another realm; top=2 sums the rest into (other events)', () => {
    expect(call(DATA, 'view, buy', '', '', 2)).toEqual([
      ['Step', 'Next event', 'Users', 'Share of drop-offs', 'Notes'],
      ['view', 'drop-offs before buy', 4, '', ''],
      ['', 'help', 2, 0.5, ''],
      ['', 'cart', 1, 0.25, ''],
      ['', '(other events)', 1, 0.25, ''],
      ['', '(no further event)', 0, 0, ''],
    ]);
    // Blank top is 5: all three events shown (header, first line, 3 events, no further event);
    // "1" as text counts too: help, then (other events) 2.
    expect(call(DATA, 'view, buy')).toHaveLength(6);
    expect(call(DATA, 'view, buy', '', '', '1').slice(2, 4)).toEqual([
      ['', 'help', 2, 0.5, ''],
      ['', '(other events)', 2, 0.5, ''],
    ]);
  });

  it.each([
    [0, 'not 0'],
    [2.5, 'not 2.5'],
    ['five', 'not the text "five"'],
    [true, 'not TRUE'],
  ])('refuses top = %s with a message naming the argument', (top, shown) => {
    expect(() => call(DATA, 'view, buy', '', '', top)).toThrow(
      `top must be a whole number of rows, at least 1, such as 5 (blank: 5), ${shown}.`,
    );
  });

  it('refuses a range as top', () => {
    expect(() => call(DATA, 'view, buy', '', '', [[1], [2]])).toThrow(
      'top must be one cell or a number, not a range of cells.',
    );
  });

  it('has a help card with every argument', () => {
    const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
    const card = code.slice(
      code.lastIndexOf('/**', code.indexOf('function DROP_OFF(')),
      code.indexOf('function DROP_OFF('),
    );
    expect(card).toContain('@customfunction');
    for (const name of ['data', 'steps', 'window', 'options', 'top'])
      expect(card).toMatch(new RegExp(`@param \\{any=?\\} ${name} `));
  });
});
