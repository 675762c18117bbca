/** RangeList (Sheet.getRangeList): several ranges of one sheet changed in one call, counted as `RangeList.method`. */
import type { FakeContext } from './context';
import type { FakeRange } from './range';

export class FakeRangeList {
  readonly #ctx: FakeContext;
  readonly #ranges: FakeRange[];

  constructor(ctx: FakeContext, ranges: FakeRange[]) {
    this.#ctx = ctx;
    this.#ranges = ranges;
  }
  getRanges(): FakeRange[] {
    this.#ctx.calls.count('RangeList.getRanges');
    return [...this.#ranges];
  }
  /** Contents and formats of every range, as Range.clear() does for each. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeRangeList {
    this.#ctx.calls.count('RangeList.clear');
    this.#ctx.calls.uncounted(() => {
      for (const range of this.#ranges) range.clear(options);
    });
    return this;
  }
}
