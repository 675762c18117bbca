/**
 * A deliberately simple reference for the funnel engine, written from the descriptions in
 * ../shared/notes/funnels.md and issue 3, not from src/: plain objects, strings, integer
 * microseconds, array sorts, brute force where it is simplest. Slow and obvious on purpose.
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
}

export interface RefEntity {
  /** Steps counted (1-based). */
  reached: Set<number>;
  /** Steps continued into from the previous step. */
  continued: Set<number>;
  /** For sequential funnels: the chain's step times (index k = step k). */
  chain: number[];
  /** Breakdown value of the entry. */
  value: string;
}

export interface RefBlock {
  counts: number[];
  continued: number[];
  deltasUs: number[][];
}

interface Entry {
  us: number;
  step: number;
  row: RefRow;
}

function entriesOf(rows: RefRow[], steps: string[][], withNonStep: boolean): Entry[] {
  const out: Entry[] = [];
  for (const row of rows) {
    let matched = false;
    steps.forEach((names, i) => {
      if (names.includes(row.name)) {
        out.push({ us: row.us, step: i + 1, row });
        matched = true;
      }
    });
    if (!matched && withNonStep) out.push({ us: row.us, step: 0, row });
  }
  return out.sort((a, b) => a.us - b.us || a.step - b.step);
}

/** The smallest breakdown value among the candidate rows (ties for entry). */
function smallestValue(candidates: Entry[]): string {
  return candidates.map((e) => e.row.value).sort()[0]!;
}

/** ClickHouse windowFunnel for one entity: returns the level and the chain that reached it. */
function sequentialEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  const entries = entriesOf(rows, steps, !!o.strictOrder);
  type Chain = { start: number; times: number[]; startEntries: Entry[] };
  const levels: (Chain | undefined)[] = [];
  let started = false;
  for (const e of entries) {
    if (e.step === 0) {
      if (started) break;
      continue;
    }
    if (e.step === 1) {
      // Entries with the same time and step 1 are all candidates for the chain's entry row.
      const sameStart = levels[1]?.start === e.us ? levels[1].startEntries : [];
      levels[1] = { start: e.us, times: [0, e.us], startEntries: [...sameStart, e] };
      started = true;
      continue;
    }
    if (o.strictDeduplication && levels[e.step]) break;
    if (o.strictOrder && started && !levels[e.step - 1]) break;
    const previous = levels[e.step - 1];
    if (!previous) continue;
    const inWindow = e.us - previous.start <= o.windowUs;
    const increasing = !o.strictIncrease || previous.times[e.step - 1]! < e.us;
    if (inWindow && increasing) {
      levels[e.step] = {
        start: previous.start,
        times: [...previous.times, e.us],
        startEntries: previous.startEntries,
      };
      if (e.step === steps.length) break;
    }
  }
  let level = steps.length;
  while (level > 0 && !levels[level]) level--;
  if (level === 0) return undefined;
  const chain = levels[level]!;
  const excluded = (o.exclude ?? []).some((name) =>
    rows.some((r) => r.name === name && r.us > chain.start && r.us < chain.times[level]!),
  );
  if (excluded) return undefined;
  const all = new Set(Array.from({ length: level }, (_, i) => i + 1));
  return { reached: all, continued: all, chain: chain.times, value: smallestValue(chain.startEntries) };
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

function anyOrderEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  const stepRows = rows.filter((r) => steps.some((names) => names.includes(r.name)));
  const firstStep = (r: RefRow) => steps.findIndex((names) => names.includes(r.name)) + 1;
  const sorted = [...stepRows].sort((a, b) => a.us - b.us || firstStep(a) - firstStep(b));
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
  const first = entry.us;
  const last = Math.max(...window.map((r) => r.us));
  if ((o.exclude ?? []).some((name) => rows.some((r) => r.name === name && r.us > first && r.us < last))) {
    return undefined;
  }
  const candidates = sorted.filter((r) => r.us === entry.us && firstStep(r) === firstStep(entry));
  const all = new Set(Array.from({ length: best }, (_, i) => i + 1));
  return {
    reached: all,
    continued: all,
    chain: [],
    value: candidates.map((r) => r.value).sort()[0]!,
  };
}

function openEntity(rows: RefRow[], steps: string[][], o: RefOptions): RefEntity | undefined {
  const does = (r: RefRow, k: number) => steps[k - 1]!.includes(r.name);
  const reached = new Set<number>();
  const continued = new Set<number>();
  for (let k = 1; k <= steps.length; k++) {
    if (rows.some((r) => does(r, k))) reached.add(k);
    if (k === 1 && reached.has(1)) continued.add(1);
    if (
      k > 1 &&
      rows.some(
        (b) => does(b, k) && rows.some((a) => does(a, k - 1) && a.us <= b.us && b.us - a.us <= o.windowUs),
      )
    ) {
      continued.add(k);
    }
  }
  if (reached.size === 0) return undefined;
  const entries = entriesOf(rows, steps, false);
  const first = entries[0]!;
  const last = entries[entries.length - 1]!.us;
  if ((o.exclude ?? []).some((name) => rows.some((r) => r.name === name && r.us > first.us && r.us < last))) {
    return undefined;
  }
  const candidates = entries.filter((e) => e.us === first.us && e.step === first.step);
  return { reached, continued, chain: [], value: smallestValue(candidates) };
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
    const result =
      o.order === 'any order'
        ? anyOrderEntity(entityRows, steps, o)
        : o.order === 'open'
          ? openEntity(entityRows, steps, o)
          : sequentialEntity(entityRows, steps, o);
    if (!result) continue;
    for (const key of ['', `=${result.value}`]) {
      const b = blockFor(key);
      for (const k of result.reached) b.counts[k] = b.counts[k]! + 1;
      for (const k of result.continued) {
        b.continued[k] = b.continued[k]! + 1;
        if (k > 1 && result.chain.length) b.deltasUs[k]!.push(result.chain[k]! - result.chain[k - 1]!);
      }
    }
  }
  return blocks;
}
