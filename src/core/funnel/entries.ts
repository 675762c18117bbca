/**
 * One entity's funnel entries: (time, step) pairs sorted as ClickHouse's windowFunnel sorts
 * them, by time, then by step (0 = a row that matches no step, kept only for strict_order).
 * A row that matches several steps (the same event listed twice, overlapping alternatives)
 * gives one entry per step. The buffers are reused from entity to entity.
 */
export class Entries {
  n = 0;
  time = new Float64Array(64);
  step = new Int32Array(64);
  /** Index of the table row the entry came from. */
  row = new Int32Array(64);
  private order = new Int32Array(64);

  clear(): void {
    this.n = 0;
  }

  push(time: number, step: number, row: number): void {
    if (this.n === this.time.length) this.grow();
    this.time[this.n] = time;
    this.step[this.n] = step;
    this.row[this.n] = row;
    this.n++;
  }

  /** Sorts by (time, step); exports are mostly in time order already, so check first. */
  sort(): void {
    const { n, time, step } = this;
    let sorted = true;
    for (let i = 1; i < n; i++) {
      const dt = time[i]! - time[i - 1]!;
      if (dt < 0 || (dt === 0 && step[i]! < step[i - 1]!)) {
        sorted = false;
        break;
      }
    }
    if (sorted) return;
    if (n <= 32) this.insertionSort();
    else this.indexSort();
  }

  private insertionSort(): void {
    const { n, time, step, row } = this;
    for (let i = 1; i < n; i++) {
      const t = time[i]!;
      const s = step[i]!;
      const r = row[i]!;
      let j = i - 1;
      while (j >= 0 && (time[j]! > t || (time[j] === t && step[j]! > s))) {
        time[j + 1] = time[j]!;
        step[j + 1] = step[j]!;
        row[j + 1] = row[j]!;
        j--;
      }
      time[j + 1] = t;
      step[j + 1] = s;
      row[j + 1] = r;
    }
  }

  private indexSort(): void {
    const { n, time, step, row } = this;
    if (this.order.length < n) this.order = new Int32Array(this.time.length);
    const order = this.order.subarray(0, n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => time[a]! - time[b]! || step[a]! - step[b]! || a - b);
    const t2 = new Float64Array(n);
    const s2 = new Int32Array(n);
    const r2 = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      t2[i] = time[from]!;
      s2[i] = step[from]!;
      r2[i] = row[from]!;
    }
    time.set(t2);
    step.set(s2);
    row.set(r2);
  }

  private grow(): void {
    const size = this.time.length * 2;
    const time = new Float64Array(size);
    const step = new Int32Array(size);
    const row = new Int32Array(size);
    time.set(this.time);
    step.set(this.step);
    row.set(this.row);
    this.time = time;
    this.step = step;
    this.row = row;
  }
}
