/**
 * The default funnel: ClickHouse's windowFunnel(window, modes)(timestamp, step1, ..., stepN),
 * reproduced step for step (AggregateFunctionWindowFunnel.cpp, getEventLevelNonStrictOnce).
 * Per level k the state holds the chain that most recently reached it: its start time, the
 * time of its step k, and (for the time columns) the times of all its steps.
 * - A step-1 entry starts a new chain (the latest start wins).
 * - A step-k entry extends level k-1 to level k when time <= start + window (inclusive);
 *   with strict_increase also only when time > that chain's step k-1 time.
 * - strict_deduplication: a step-k entry (k > 1) whose level is already set ends the scan.
 * - strict_order: after the first step 1, a row matching no step, or a step whose previous
 *   level is not set, ends the scan.
 * The result is the deepest level set.
 */
import type { Entries } from './entries';
import { type Outcome, WINDOW_SLACK_MS } from './outcome';

export interface SequentialModes {
  windowMs: number;
  strictOrder: boolean;
  strictDeduplication: boolean;
  strictIncrease: boolean;
}

/** Per-level state buffers, reused from entity to entity. */
export class SequentialState {
  readonly set: Uint8Array;
  readonly start: Float64Array;
  readonly last: Float64Array;
  readonly startRow: Int32Array;
  /** chain[k * (N + 1) + j] = time of step j on the chain at level k. */
  readonly chain: Float64Array;

  constructor(readonly stepCount: number) {
    this.set = new Uint8Array(stepCount + 1);
    this.start = new Float64Array(stepCount + 1);
    this.last = new Float64Array(stepCount + 1);
    this.startRow = new Int32Array(stepCount + 1);
    this.chain = new Float64Array((stepCount + 1) * (stepCount + 1));
  }
}

export function scanSequential(
  entries: Entries,
  modes: SequentialModes,
  state: SequentialState,
  trackTimes: boolean,
  out: Outcome,
): void {
  const { n, time, step, row } = entries;
  const { set, start, last, startRow, chain, stepCount } = state;
  const width = stepCount + 1;
  const limit = modes.windowMs + WINDOW_SLACK_MS;
  const { strictOrder, strictDeduplication, strictIncrease } = modes;
  set.fill(0);
  let firstEvent = false;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    const k = step[i]!;
    if (k === 0) {
      if (strictOrder && firstEvent) break;
      continue;
    }
    if (k === 1) {
      set[1] = 1;
      start[1] = t;
      last[1] = t;
      startRow[1] = row[i]!;
      if (trackTimes) chain[width + 1] = t;
      firstEvent = true;
    } else if (strictDeduplication && set[k] === 1) {
      break;
    } else if (strictOrder && firstEvent && set[k - 1] === 0) {
      break;
    } else if (set[k - 1] === 1) {
      const chainStart = start[k - 1]!;
      if (t - chainStart <= limit && (!strictIncrease || last[k - 1]! < t)) {
        set[k] = 1;
        start[k] = chainStart;
        last[k] = t;
        startRow[k] = startRow[k - 1]!;
        if (trackTimes) {
          chain.copyWithin(k * width + 1, (k - 1) * width + 1, (k - 1) * width + k);
          chain[k * width + k] = t;
        }
        if (k === stepCount) break;
      }
    }
  }
  let level = stepCount;
  while (level > 0 && set[level] === 0) level--;
  out.level = level;
  if (level === 0) return;
  for (let k = 1; k <= level; k++) {
    out.reached[k] = 1;
    out.continued[k] = 1;
    if (trackTimes) out.stepTime[k] = chain[level * width + k]!;
  }
  out.entryRow = startRow[level]!;
  out.first = start[level]!;
  out.last = last[level]!;
}
