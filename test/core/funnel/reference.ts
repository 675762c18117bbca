/**
 * A deliberately simple reference for the funnel engine, written from the descriptions in
 * ../shared/notes/funnels.md and issues 3 and 12, not from src/: plain objects, strings, integer
 * microseconds, array sorts, brute force where it is simplest. Slow and obvious on purpose.
 * It works row by row (the engine works on per-step entries): a row fills one step, optional
 * steps may be skipped, any-order times are when the k-th distinct step was first covered.
 */

export interface RefRow {
  entity: string;
  name: string;
  /** Epoch microseconds, an integer. */
  us: number;
  /** Breakdown value. */
  value: string;
}

export interface RefOptions {
  windowUs: number; // Infinity for none
  order: 'sequential' | 'any order' | 'open';
  strictOrder?: boolean;
  strictDeduplication?: boolean;
  strictIncrease?: boolean;
  exclude?: string[];
  /** optional[i]: step i + 1 was written in square brackets. */
  optional?: boolean[];
}

export interface RefEntity {
  /** Steps counted (1-based). */
  reached: Set<number>;
  /** Steps continued into from the previous step. */
  continued: Set<number>;
  /** The chain's step times (index k = step k; NaN for a skipped optional step; empty for open). */
  chain: number[];
  /** Breakdown value of the entry. */
  value: string;
}

export interface RefBlock {
  counts: number[];
  continued: number[];
  deltasUs: number[][];
}

/** The steps (1-based) a row matches: a row fills one of them at most. */
function stepsOf(row: RefRow, steps: string[][]): number[] {
  const out: number[] = [];
  steps.forEach((names, i) => {
    if (names.includes(row.name)) out.push(i + 1);
  });
  return out;
}

/** Step lists compared as words: [] < [1] < [1, 2] < [2]. */
function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Rows by time, ties by their step lists (so step-1 rows come before step-2 rows). */
function sortedRows(rows: RefRow[], steps: string[][]): RefRow[] {
  return [...rows].sort((a, b) => a.us - b.us || compareLists(stepsOf(a, steps), stepsOf(b, steps)));
}

/** The last required step before step k (0 for step 1). */
function previousOf(k: number, o: RefOptions): number {
  let j = k - 1;
  while (j > 0 && o.optional?.[j - 1]) j--;
  return j;
}

/** The entry's breakdown value: among the rows that could have been it, the smallest. */
function entryValue(entry: RefRow, rows: RefRow[], steps: string[][]): string {
  const list = stepsOf(entry, steps);
  return rows
    .filter((r) => r.us === entry.us && compareLists(stepsOf(r, steps), list) === 0)
    .map((r) => r.value)
    .sort()[0]!;
}

function excludedBetween(rows: RefRow[], o: RefOptions, first: number, last: number): boolean {
  return (o.exclude ?? []).some((name) => rows.some((r) => r.name === name && r.us > first && r.us < last));
}

/**
 * ClickHouse windowFunnel for one entity, a row filling one step: each row is applied to the
 * steps it matches from the last to the first. Returns the level and the chain that reached it.
 */
function sequentialEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  // times[j] = time of step j on the chain (undefined: an optional step it skipped).
  type Chain = { start: number; times: (number | undefined)[]; entry: RefRow };
  const levels: (Chain | undefined)[] = [];
  let started = false;
  scan: for (const row of sortedRows(rows, steps)) {
    const matched = stepsOf(row, steps);
    if (matched.length === 0) {
      if (o.strictOrder && started) break;
      continue;
    }
    if (o.strictOrder && started && !matched.some((k) => k === 1 || levels[k - 1])) break;
    for (const k of [...matched].reverse()) {
      if (k === 1) {
        levels[1] = { start: row.us, times: [undefined, row.us], entry: row };
        started = true;
        continue;
      }
      if (o.strictDeduplication && levels[k]) break scan;
      let best: Chain | undefined;
      for (let j = previousOf(k, o); j < k; j++) {
        const chain = levels[j];
        if (!chain || row.us - chain.start > o.windowUs) continue;
        if (o.strictIncrease && !(chain.times[j]! < row.us)) continue;
        if (!best || chain.start >= best.start) best = chain;
      }
      if (!best) continue;
      const times = [...best.times];
      times[k] = row.us;
      levels[k] = { start: best.start, times, entry: best.entry };
      if (k === steps.length) break scan;
    }
  }
  let level = steps.length;
  while (level > 0 && !levels[level]) level--;
  if (level === 0) return undefined;
  const chain = levels[level]!;
  if (excludedBetween(rows, o, chain.start, chain.times[level]!)) return undefined;
  const reached = new Set<number>();
  for (let k = 1; k <= level; k++) if (chain.times[k] !== undefined) reached.add(k);
  return {
    reached,
    continued: reached,
    chain: chain.times.map((t) => t ?? Number.NaN),
    value: entryValue(chain.entry, rows, steps),
  };
}

/** Most steps that distinct rows can cover, each row one step it matches (brute force). */
function coverable(rows: RefRow[], steps: string[][]): number {
  const best = (k: number, used: Set<RefRow>): number => {
    if (k > steps.length) return 0;
    let result = best(k + 1, used); // step k not covered
    for (const r of rows) {
      if (!used.has(r) && steps[k - 1]!.includes(r.name)) {
        used.add(r);
        result = Math.max(result, 1 + best(k + 1, used));
        used.delete(r);
      }
    }
    return result;
  };
  return best(1, new Set());
}

/**
 * Any order: the first window with the most distinct steps. Its chain times: when the rows
 * from the window's start first cover 1, 2, ... steps.
 */
function anyOrderEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  const sorted = sortedRows(
    rows.filter((r) => stepsOf(r, steps).length > 0),
    steps,
  );
  let best = 0;
  let window: RefRow[] = [];
  let entry: RefRow | undefined;
  for (const start of sorted) {
    const inside = sorted.filter((r) => r.us >= start.us && r.us - start.us <= o.windowUs);
    const n = coverable(inside, steps);
    if (n > best) {
      best = n;
      window = inside;
      entry = start;
    }
  }
  if (best === 0 || !entry) return undefined;
  const chain: number[] = [Number.NaN];
  for (let k = 1; k <= best; k++) {
    chain[k] = Math.min(
      ...window
        .filter(
          (r) =>
            coverable(
              window.filter((w) => w.us <= r.us),
              steps,
            ) >= k,
        )
        .map((r) => r.us),
    );
  }
  if (excludedBetween(rows, o, entry.us, chain[best]!)) return undefined;
  const all = new Set(Array.from({ length: best }, (_, i) => i + 1));
  return { reached: all, continued: all, chain, value: entryValue(entry, rows, steps) };
}

/**
 * Open: step k counts whoever did it; "continued" needs a row of the previous required step
 * and another row of step k after it (at equal times, in the sorted order) within the window.
 */
function openEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  const does = (r: RefRow, k: number) => steps[k - 1]!.includes(r.name);
  const before = (a: RefRow, b: RefRow) =>
    a.us < b.us || (a.us === b.us && compareLists(stepsOf(a, steps), stepsOf(b, steps)) <= 0);
  const reached = new Set<number>();
  const continued = new Set<number>();
  for (let k = 1; k <= steps.length; k++) {
    if (rows.some((r) => does(r, k))) reached.add(k);
    if (k === 1 && reached.has(1)) continued.add(1);
    const p = previousOf(k, o);
    if (
      k > 1 &&
      rows.some(
        (b) =>
          does(b, k) && rows.some((a) => a !== b && does(a, p) && before(a, b) && b.us - a.us <= o.windowUs),
      )
    ) {
      continued.add(k);
    }
  }
  if (reached.size === 0) return undefined;
  const stepRows = sortedRows(
    rows.filter((r) => stepsOf(r, steps).length > 0),
    steps,
  );
  const first = stepRows[0]!;
  if (excludedBetween(rows, o, first.us, stepRows[stepRows.length - 1]!.us)) return undefined;
  return { reached, continued, chain: [], value: entryValue(first, rows, steps) };
}

/** One entity's outcome (undefined: never entered, or excluded), as the chosen order counts it. */
export function referenceEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  if (o.order === 'any order') return anyOrderEntity(rows, steps, o);
  return o.order === 'open' ? openEntity(rows, steps, o) : sequentialEntity(rows, steps, o);
}

/** The reference funnel: per breakdown value and in total ('' key). */
export function referenceFunnel(rows: RefRow[], steps: string[][], o: RefOptions): Map<string, RefBlock> {
  const byEntity = new Map<string, RefRow[]>();
  for (const r of rows) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
  const blocks = new Map<string, RefBlock>();
  const blockFor = (key: string) => {
    let b = blocks.get(key);
    if (!b) {
      b = {
        counts: new Array(steps.length + 1).fill(0),
        continued: new Array(steps.length + 1).fill(0),
        deltasUs: Array.from({ length: steps.length + 1 }, () => []),
      };
      blocks.set(key, b);
    }
    return b;
  };
  blockFor('');
  for (const entityRows of byEntity.values()) {
    const result = referenceEntity(entityRows, steps, o);
    if (!result) continue;
    for (const key of ['', `=${result.value}`]) {
      const b = blockFor(key);
      for (const k of result.reached) b.counts[k] = b.counts[k]! + 1;
      for (const k of result.continued) {
        b.continued[k] = b.continued[k]! + 1;
        if (k > 1 && result.chain.length) {
          b.deltasUs[k]!.push(result.chain[k]! - result.chain[previousOf(k, o)]!);
        }
      }
    }
  }
  return blocks;
}
