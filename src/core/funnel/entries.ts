/**
 * One entity's funnel entries: (time, step) pairs, one per step a row matches (the same event
 * listed twice, overlapping alternatives), or step 0 for a row that matches none (strict_order's
 * one row that can end a chain: pushBreak). The buffers are reused from entity to entity.
 *
 * Order: by time; at equal times by the row's rank (its list of steps compared as words, so
 * a row of step 1 comes before a row of step 2, as ClickHouse sorts, and a row matching no step
 * first); then row by row, each row's steps from the last to the first, so that a scan applying
 * them in this order never lets a row extend a chain it has just started or advanced.
 */
export class Entries {
  n = 0;
  time = new Float64Array(64);
  step = new Int32Array(64);
  /** Rank of the row's list of steps (0 = no step): the tie order at equal times. */
  rank = new Int32Array(64);
  /** Index of the table row the entry came from. */
  row = new Int32Array(64);
  private order = new Int32Array(64);
  private spare = new EntryBuffers(0);

  clear(): void {
    this.n = 0;
  }

  /**
   * An entry for table row `row` at times[row]. The time is read here rather than passed: a
   * double passed to a call V8 does not inline is boxed, a heap number per entry.
   */
  push(times: Float64Array, row: number, step: number, rank: number): void {
    if (this.n === this.time.length) this.grow();
    this.time[this.n] = times[row]!;
    this.step[this.n] = step;
    this.rank[this.n] = rank;
    this.row[this.n] = row;
    this.n++;
  }

  /**
   * strict_order's entry for the row that ends the entity's chains (strict-breaks.ts): step 0 at
   * times[at], rank 0, and row -1 (it may be no row of the table; no scan reads a step-0 row).
   */
  pushBreak(times: Float64Array, at: number): void {
    if (this.n === this.time.length) this.grow();
    this.time[this.n] = times[at]!;
    this.step[this.n] = 0;
    this.rank[this.n] = 0;
    this.row[this.n] = -1;
    this.n++;
  }

  /** Sorts as described above; exports are mostly in time order already, so check first. */
  sort(): void {
    const n = this.n;
    let sorted = true;
    for (let i = 1; i < n; i++) {
      if (this.compare(i, i - 1) < 0) {
        sorted = false;
        break;
      }
    }
    if (sorted) return;
    if (n <= 32) this.insertionSort();
    else this.sortMany(n);
  }

  /**
   * A long entity's entries: by an order array. Apart from sort() because its comparator closes
   * over `this`, and a function holding a closure allocates a context on every call, even one
   * that never makes the closure (measured: 1.9 MB a call at 1M rows, 37 bytes an entity).
   */
  private sortMany(n: number): void {
    if (this.order.length < n) this.order = new Int32Array(this.time.length);
    const order = this.order.subarray(0, n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => this.compare(a, b));
    this.permute(order);
  }

  /**
   * Negative when entry a sorts before entry b, positive after, 0 for the same entry. Always a
   * small integer: `dt || ...` would join a raw double and an integer, which V8 boxes, a heap
   * number allocated per comparison (measured: 0.36 MB a call at 1M rows, from sortMany).
   */
  private compare(a: number, b: number): number {
    const { time, rank, row, step } = this;
    const dt = time[a]! - time[b]!;
    if (dt !== 0) return dt < 0 ? -1 : 1;
    return rank[a]! - rank[b]! || row[a]! - row[b]! || step[b]! - step[a]!;
  }

  /** Most entities have a few entries: insertion sort, moving the four arrays together. */
  private insertionSort(): void {
    const { n, time, step, rank, row } = this;
    for (let i = 1; i < n; i++) {
      const t = time[i]!;
      const s = step[i]!;
      const k = rank[i]!;
      const r = row[i]!;
      let j = i - 1;
      while (j >= 0) {
        const dt = time[j]! - t; // compared apart from the integers, as in compare()
        if (dt < 0 || (dt === 0 && (rank[j]! - k || row[j]! - r || s - step[j]!) <= 0)) break;
        time[j + 1] = time[j]!;
        step[j + 1] = step[j]!;
        rank[j + 1] = rank[j]!;
        row[j + 1] = row[j]!;
        j--;
      }
      time[j + 1] = t;
      step[j + 1] = s;
      rank[j + 1] = k;
      row[j + 1] = r;
    }
  }

  /** Puts the entries in `order`'s order, through the spare buffers (reused: no allocation per entity). */
  private permute(order: Int32Array): void {
    const n = order.length;
    if (this.spare.time.length < n) this.spare = new EntryBuffers(this.time.length);
    const { time, step, rank, row } = this.spare;
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      time[i] = this.time[from]!;
      step[i] = this.step[from]!;
      rank[i] = this.rank[from]!;
      row[i] = this.row[from]!;
    }
    this.time.set(time.subarray(0, n));
    this.step.set(step.subarray(0, n));
    this.rank.set(rank.subarray(0, n));
    this.row.set(row.subarray(0, n));
  }

  private grow(): void {
    const { time, step, rank, row } = new EntryBuffers(this.time.length * 2);
    time.set(this.time);
    step.set(this.step);
    rank.set(this.rank);
    row.set(this.row);
    this.time = time;
    this.step = step;
    this.rank = rank;
    this.row = row;
  }
}

/** The four columns of entries: Entries' larger ones when it grows, and permute's spare copy. */
class EntryBuffers {
  readonly time: Float64Array<ArrayBuffer>;
  readonly step: Int32Array<ArrayBuffer>;
  readonly rank: Int32Array<ArrayBuffer>;
  readonly row: Int32Array<ArrayBuffer>;

  constructor(size: number) {
    this.time = new Float64Array(size);
    this.step = new Int32Array(size);
    this.rank = new Int32Array(size);
    this.row = new Int32Array(size);
  }
}

/**
 * Each event code's rank: its list of steps (ascending) compared as words, [1] < [1, 2] < [2],
 * numbered from 1; 0 for a code that matches no step. Codes with the same list share a rank.
 */
export function stepListRanks(start: Int32Array, steps: Int32Array): Int32Array {
  const codeCount = start.length - 1;
  const compare = (a: number, b: number): number => {
    const lengthA = start[a + 1]! - start[a]!;
    const lengthB = start[b + 1]! - start[b]!;
    for (let i = 0; i < Math.min(lengthA, lengthB); i++) {
      const d = steps[start[a]! + i]! - steps[start[b]! + i]!;
      if (d !== 0) return d;
    }
    return lengthA - lengthB;
  };
  const codes: number[] = [];
  for (let c = 0; c < codeCount; c++) if (start[c + 1]! > start[c]!) codes.push(c);
  codes.sort(compare);
  const ranks = new Int32Array(codeCount);
  let rank = 0;
  codes.forEach((code, i) => {
    if (i === 0 || compare(codes[i - 1]!, code) !== 0) rank++;
    ranks[code] = rank;
  });
  return ranks;
}
