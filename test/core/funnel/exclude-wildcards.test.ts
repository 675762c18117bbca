// exclude= reads names as steps do (COUNTIF-style wildcards): one rule for names. Counts by hand.
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/core/funnel';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 10, minute));
const counts = (table: unknown[][]) => table.slice(1).map((row) => row[1]);

// u1: a, refund_full, b; u2: a, b, then refund_part after its last step; u3: a, refund*, b
// (a literal star); u4: a, refunded, b.
const DATA = [
  ['user', 'event', 'time'],
  ['u1', 'a', at(0)],
  ['u1', 'refund_full', at(1)],
  ['u1', 'b', at(2)],
  ['u2', 'a', at(0)],
  ['u2', 'b', at(1)],
  ['u2', 'refund_part', at(2)],
  ['u3', 'a', at(0)],
  ['u3', 'refund*', at(1)],
  ['u3', 'b', at(2)],
  ['u4', 'a', at(0)],
  ['u4', 'refunded', at(1)],
  ['u4', 'b', at(2)],
];

describe('exclude= with wildcards', () => {
  it('drops every entity with a matching event between its first and last step', () => {
    // refund_* matches refund_full (u1 dropped) and refund_part (after u2's last step: kept);
    // not refund* nor refunded: u2, u3, u4 remain at both steps.
    expect(counts(funnel(DATA, 'a, b', '', 'exclude=refund_*'))).toEqual([3, 3]);
    // refund* matches all four refund events: u1, u3, u4 dropped; u2 kept.
    expect(counts(funnel(DATA, 'a, b', '', 'exclude=refund*'))).toEqual([1, 1]);
    // refund?????? is "refund" and six characters: refund_full (11 - 6 = 5, no), refunded (no):
    // nothing dropped.
    expect(counts(funnel(DATA, 'a, b', '', 'exclude=refund??????'))).toEqual([4, 4]);
  });

  it('~* is a literal star there too, and several exclusions add up', () => {
    expect(counts(funnel(DATA, 'a, b', '', 'exclude=refund~*'))).toEqual([3, 3]);
    expect(counts(funnel(DATA, 'a, b', '', 'exclude=refund~*, exclude=refunde?'))).toEqual([2, 2]);
  });
});
