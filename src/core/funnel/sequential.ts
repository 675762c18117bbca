/**
 * The default funnel: ClickHouse's windowFunnel(window, modes)(timestamp, step1, ..., stepN)
 * (AggregateFunctionWindowFunnel.cpp, getEventLevelNonStrictOnce), with one rule of the
 * product-analytics tools on top: a row fills one step. Entries come sorted as entries.ts says,
 * each row's steps from the last to the first, so a row never extends a chain it has just
 * started or advanced ("page_view, page_view" needs two page views). Where no row matches two
 * steps the counts are exactly ClickHouse's.
 * Per level k the state holds the chain that most recently reached it: its start time, the
 * time of its step k, and (for the time columns and optional steps) the times of all its steps.
 * - A step-1 entry starts a new chain (the latest start wins).
 * - A step-k entry extends level k-1 to level k when time <= start + window (inclusive);
 *   with strict_increase also only when time > that chain's step k-1 time. With optional steps
 *   it may extend any level from the last required step before k to k-1: the latest start wins.
 * - strict_deduplication: a step-k entry (k > 1) whose level is already set ends the scan.
 * - strict_order: after the first step 1, a row matching no step, or a row none of whose steps
 *   is step 1 or follows a level already set, ends the scan.
 * The result is the deepest level set.
 */
import type { Entries } from './entries';
import type { EntityScan, FunnelMode, ScanContext } from './modes';
import { type Outcome, WINDOW_SLACK_MS } from './outcome';

interface SequentialModes {
  windowMs: number;
  strictOrder: boolean;
  strictDeduplication: boolean;
  strictIncrease: boolean;
  /** previous[k] = the last required step before step k (k - 1 without optional steps). */
  previous: Int32Array;
}

/** Per-level state buffers, reused from entity to entity. */
class SequentialState {
  readonly set: Uint8Array;
  readonly start: Float64Array;
  readonly last: Float64Array;
  readonly startRow: Int32Array;
  /** chain[k * (N + 1) + j] = time of step j on the chain at level k (NaN: an optional step skipped). */
  readonly chain: Float64Array;

  constructor(readonly stepCount: number) {
    this.set = new Uint8Array(stepCount + 1);
    this.start = new Float64Array(stepCount + 1);
    this.last = new Float64Array(stepCount + 1);
    this.startRow = new Int32Array(stepCount + 1);
    this.chain = new Float64Array((stepCount + 1) * (stepCount + 1));
  }
}

function scanSequential(
  entries: Entries,
  modes: SequentialModes,
  state: SequentialState,
  trackChain: boolean,
  out: Outcome,
): void {
  const { n, time, step, row } = entries;
  const { set, start, last, startRow, chain, stepCount } = state;
  const width = stepCount + 1;
  const limit = modes.windowMs + WINDOW_SLACK_MS;
  const { strictOrder, strictDeduplication, strictIncrease, previous } = modes;
  set.fill(0);
  let firstEvent = false;
  let currentRow = -1;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    const k = step[i]!;
    if (k === 0) {
      if (strictOrder && firstEvent) break;
      continue;
    }
    if (row[i] !== currentRow) {
      currentRow = row[i]!;
      if (strictOrder && firstEvent && !rowCanFollow(entries, i, set)) break;
    }
    if (k === 1) {
      set[1] = 1;
      start[1] = t;
      last[1] = t;
      startRow[1] = row[i]!;
      if (trackChain) chain[width + 1] = t;
      firstEvent = true;
      continue;
    }
    if (strictDeduplication && set[k] === 1) break;
    // The level to extend: the latest chain start among those this entry may follow.
    let from = 0;
    for (let j = k - 1; j >= previous[k]!; j--) {
      if (set[j] === 0 || t - start[j]! > limit || (strictIncrease && last[j]! >= t)) continue;
      if (from === 0 || start[j]! > start[from]!) from = j;
    }
    if (from === 0) continue;
    set[k] = 1;
    start[k] = start[from]!;
    last[k] = t;
    startRow[k] = startRow[from]!;
    if (trackChain) {
      chain.copyWithin(k * width + 1, from * width + 1, from * width + from + 1);
      chain.fill(Number.NaN, k * width + from + 1, k * width + k);
      chain[k * width + k] = t;
    }
    if (k === stepCount) break;
  }
  let level = stepCount;
  while (level > 0 && set[level] === 0) level--;
  out.level = level;
  if (level === 0) return;
  for (let k = 1; k <= level; k++) {
    const onChain = trackChain ? !Number.isNaN(chain[level * width + k]!) : true;
    out.reached[k] = onChain ? 1 : 0;
    out.continued[k] = out.reached[k]!;
    if (trackChain) out.stepTime[k] = chain[level * width + k]!;
  }
  out.entryRow = startRow[level]!;
  out.first = start[level]!;
  out.last = last[level]!;
}

/** strict_order: whether the row starting at entry i is step 1 or follows a level already set. */
function rowCanFollow(entries: Entries, i: number, set: Uint8Array): boolean {
  const { n, step, row } = entries;
  for (let j = i; j < n && row[j] === row[i]; j++) {
    const k = step[j]!;
    if (k === 1 || set[k - 1] === 1) return true;
  }
  return false;
}

/** The sequential mode behind the common interface (modes.ts). */
export function sequentialScan(
  mode: Extract<FunnelMode, { kind: 'sequential' }>,
  context: ScanContext,
): EntityScan {
  const state = new SequentialState(context.stepCount);
  const modes: SequentialModes = {
    windowMs: context.windowMs,
    strictOrder: mode.strict.includes('strict_order'),
    strictDeduplication: mode.strict.includes('strict_deduplication'),
    strictIncrease: mode.strict.includes('strict_increase'),
    previous: context.previous,
  };
  return {
    firstStepOnly: false,
    scan: (entries, out) => scanSequential(entries, modes, state, context.trackChain, out),
  };
}
