/**
 * Property (issue 10): a report gives the same FUNNEL output whole, split into two stacked
 * tables (each after its own # block, or after a blank line, with its header repeated),
 * with an unrelated card stacked in between, or with its rows shuffled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';

const PAGES = ['/', '/a', '/a/', '/a?x=1', '/b', '/b/c'];
const STEPS = ['/', '/a', '/a*', '/b*', '/b/?', '/missing'];
const HEADER = ['Date', 'Page path', 'Total users'];

const row = fc.tuple(fc.constantFrom('20250101', '20250102'), fc.constantFrom(...PAGES), fc.nat(50));
const report = fc.array(row, { minLength: 1, maxLength: 12 });
const steps = fc
  .uniqueArray(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 4 })
  .map((s) => s.join(', '));

/** FUNNEL's output, or its error message (no step in the data is an error, the same for all). */
function outcome(data: unknown[][], steps: string, options: string): unknown {
  try {
    return funnel(data, steps, '', options);
  } catch (error) {
    return (error as Error).message;
  }
}

function split(rows: unknown[][], at: number, how: number): unknown[][] {
  const first = [['# Pages: Page path'], HEADER, ...rows.slice(0, at)];
  const second = [HEADER, ...rows.slice(at)];
  // An unrelated card (no page path, no step among its values) stacked between the halves.
  const card = [['# Country'], ['Country', 'Active users'], ['France', 7]];
  if (how === 0) return [...first, ['# Pages: Page path'], ...second];
  if (how === 1) return [...first, [''], ...second];
  return [...first, [''], ...card, [''], ['# Pages: Page path'], ...second];
}

describe('report: splitting into stacked tables or shuffling rows changes nothing', () => {
  it('holds for random reports, steps, split points and breakdowns', () => {
    fc.assert(
      fc.property(
        report,
        steps,
        fc.nat(),
        fc.nat(2),
        fc.boolean(),
        fc.infiniteStream(fc.nat()),
        (rows, stepText, at, how, byDate, shuffle) => {
          const options = byDate ? 'breakdown=Date' : '';
          const whole = outcome([HEADER, ...rows], stepText, options);
          const cut = at % (rows.length + 1);
          const stacked = outcome(split(rows, cut, how), stepText, options);
          // An error names every table's columns, so the unrelated card's too: both must fail.
          if (how === 2 && typeof whole === 'string') expect(typeof stacked).toBe('string');
          else expect(stacked).toEqual(whole);
          const keys = rows.map(() => shuffle.next().value as number);
          const shuffled = rows.map((r, i) => [keys[i], r] as const).sort((x, y) => x[0]! - y[0]!);
          expect(outcome([HEADER, ...shuffled.map(([, r]) => r)], stepText, options)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});
