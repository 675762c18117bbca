import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../../src/core/stats';

describe('holmAdjust (R: p.adjust(p, "holm"))', () => {
  it('worked by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, kept from decreasing', () => {
    // 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06; back in the input order.
    const got = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((want, i) => {
      expect(got[i]).toBeCloseTo(want, 15);
    });
  });

  it('caps at 1, and ties stay equal', () => {
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([0.02, 0.02])).toEqual([0.04, 0.04]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.3])).toEqual([0.3]);
  });

  it('equals its definition: max over j <= i of min(1, (m - j + 1) p(j)), on random p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (p) => {
        const sorted = [...p].sort((a, b) => a - b);
        const m = p.length;
        const byDefinition = (value: number) => {
          const i = sorted.indexOf(value);
          let best = 0;
          for (let j = 0; j <= i; j++) best = Math.max(best, Math.min(1, (m - j) * sorted[j]!));
          return best;
        };
        expect(holmAdjust(p)).toEqual(p.map(byDefinition));
      }),
    );
  });
});
