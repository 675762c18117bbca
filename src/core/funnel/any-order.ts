/**
 * "any order" (Amplitude/PostHog): an entity counts at step k when, within one window, it did
 * at least k different steps, in any order. One row serves one step only, so a step listed
 * twice must happen twice. The window starts at each step row in turn (sliding window over
 * the entity's step rows in time order); the best window wins (the first of equal ones).
 * Its times are when the entity completed its first, second, ... distinct step in that window.
 */
import type { Entries } from './entries';
import type { EntityScan, ScanContext } from './modes';
import { type Outcome, WINDOW_SLACK_MS } from './outcome';
import type { StepMatch } from './step-match';

/** Reused buffers: rows of each event code inside the window. */
class AnyOrderState {
  readonly stepRows: Int32Array;
  readonly codeRows: Int32Array;
  /** The codes with rows in the window, for matching() (kept only when a code matches several steps). */
  readonly inWindow: number[] = [];
  private readonly owner: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(
    readonly stepCount: number,
    codeCount: number,
  ) {
    this.stepRows = new Int32Array(stepCount + 1);
    this.codeRows = new Int32Array(codeCount);
    this.owner = new Int32Array(stepCount + 1);
    this.seen = new Int32Array(stepCount + 1);
  }

  /**
   * Most steps the rows in the window can cover, one step per row: a bipartite matching of
   * rows (grouped by code) to steps, by augmenting paths. Used only when a code matches
   * several steps; otherwise the count of steps with a row is the answer.
   */
  matching(codes: readonly number[], match: StepMatch): number {
    const { owner } = this;
    owner.fill(-1);
    let matched = 0;
    for (const code of codes) {
      const copies = Math.min(this.codeRows[code]!, this.stepCount);
      for (let copy = 0; copy < copies; copy++) {
        this.stamp++;
        if (this.augment(code, match)) matched++;
        else break; // another copy of the same code cannot do better
      }
    }
    return matched;
  }

  private augment(code: number, match: StepMatch): boolean {
    for (let i = match.start[code]!; i < match.start[code + 1]!; i++) {
      const k = match.steps[i]!;
      if (this.seen[k] === this.stamp) continue;
      this.seen[k] = this.stamp;
      const holder = this.owner[k]!;
      if (holder < 0 || this.augment(holder, match)) {
        this.owner[k] = code;
        return true;
      }
    }
    return false;
  }
}

/**
 * Scans one entity. `entries` holds one entry per step row (its first step), sorted by time;
 * `codes` gives each row's event code.
 */
function scanAnyOrder(
  entries: Entries,
  codesOfRows: Int32Array,
  match: StepMatch,
  windowMs: number,
  state: AnyOrderState,
  out: Outcome,
): void {
  const { n, time, row } = entries;
  const { stepRows, codeRows } = state;
  const limit = windowMs + WINDOW_SLACK_MS;
  stepRows.fill(0);
  const { multiple } = match;
  const inWindow = state.inWindow;
  inWindow.length = 0;
  let distinct = 0;
  let best = 0;
  let bestFrom = 0;
  let bestTo = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < n && time[j]! - time[i]! <= limit) {
      const code = codesOfRows[row[j]!]!;
      if (codeRows[code]!++ === 0 && multiple) inWindow.push(code);
      if (!multiple) {
        const k = match.steps[match.start[code]!]!;
        if (stepRows[k]!++ === 0) distinct++;
      }
      j++;
    }
    const covered = multiple ? state.matching(inWindow, match) : distinct;
    if (covered > best) {
      best = covered;
      bestFrom = i;
      bestTo = j - 1;
    }
    const code = codesOfRows[row[i]!]!;
    if (--codeRows[code]! === 0 && multiple) inWindow.splice(inWindow.indexOf(code), 1);
    if (!multiple) {
      const k = match.steps[match.start[code]!]!;
      if (--stepRows[k]! === 0) distinct--;
    }
  }
  out.level = best;
  if (best === 0) return;
  completionTimes(entries, bestFrom, bestTo, codesOfRows, match, state, out);
  for (let k = 1; k <= best; k++) {
    out.reached[k] = 1;
    out.continued[k] = 1;
  }
  out.entryRow = row[bestFrom]!;
  out.first = time[bestFrom]!;
  // The window's last step is when it completed its last distinct step: rows after that in the
  // window (a repeat of a step done) do not stretch the span where exclusions count.
  out.last = out.stepTime[best]!;
}

/**
 * stepTime[k] = when the entity completed its k-th distinct step in the counted window: the
 * time of the first row at which the rows from the window's start cover k steps.
 */
function completionTimes(
  entries: Entries,
  from: number,
  to: number,
  codesOfRows: Int32Array,
  match: StepMatch,
  state: AnyOrderState,
  out: Outcome,
): void {
  const { time, row } = entries;
  const { stepRows, codeRows, inWindow } = state;
  inWindow.length = 0;
  let covered = 0;
  for (let j = from; j <= to; j++) {
    const code = codesOfRows[row[j]!]!;
    if (codeRows[code]!++ === 0 && match.multiple) inWindow.push(code);
    let now = covered;
    if (match.multiple) now = state.matching(inWindow, match);
    else if (stepRows[match.steps[match.start[code]!]!]!++ === 0) now++;
    // One row serves one step, so the cover grows by one at most.
    if (now > covered) {
      covered = now;
      out.stepTime[covered] = time[j]!;
    }
  }
  for (let j = from; j <= to; j++) {
    const code = codesOfRows[row[j]!]!;
    codeRows[code] = 0;
    stepRows[match.steps[match.start[code]!]!] = 0;
  }
}

/** The any-order mode behind the common interface (modes.ts): one entry per row, its first step. */
export function anyOrderScan(_mode: { kind: 'any order' }, context: ScanContext): EntityScan {
  const state = new AnyOrderState(context.stepCount, context.match.start.length - 1);
  return {
    firstStepOnly: true,
    scan: (entries, out) =>
      scanAnyOrder(entries, context.eventCodes, context.match, context.windowMs, state, out),
  };
}
