/**
 * "open" (GA4's open funnel): an entity may enter at any step and continue in order from
 * there. It counts at step k when it did step k at all; it "continued" into step k when a
 * step k-1 row is followed by a step k row within the window (ties in step order, as the
 * sequential funnel sorts them). The best chain into step k starts at the latest step k-1
 * before it, so the window is measured from there, which is also GA4's per-step time limit.
 * A row fills one step: its steps come last to first (entries.ts), so a row of steps k-1 and
 * k does not continue into k by itself. With optional steps, "previous" is the last required
 * step before k (optional.ts).
 */
import type { Entries } from './entries';
import type { EntityScan, ScanContext } from './modes';
import { type Outcome, WINDOW_SLACK_MS } from './outcome';

class OpenState {
  readonly seen: Uint8Array;
  readonly latest: Float64Array;
  constructor(stepCount: number) {
    this.seen = new Uint8Array(stepCount + 1);
    this.latest = new Float64Array(stepCount + 1);
  }
}

function scanOpen(
  entries: Entries,
  windowMs: number,
  previous: Int32Array,
  state: OpenState,
  out: Outcome,
): void {
  const { n, time, step, row } = entries;
  const { seen, latest } = state;
  const limit = windowMs + WINDOW_SLACK_MS;
  seen.fill(0);
  let level = 0;
  for (let i = 0; i < n; i++) {
    const k = step[i]!;
    if (k === 0) continue;
    const t = time[i]!;
    if (out.entryRow < 0) {
      out.entryRow = row[i]!;
      out.first = t;
    }
    out.last = t;
    out.reached[k] = 1;
    if (k > level) level = k;
    const p = previous[k]!;
    if (k > 1 && seen[p] === 1 && t - latest[p]! <= limit) out.continued[k] = 1;
    seen[k] = 1;
    latest[k] = t;
  }
  if (level > 0) out.continued[1] = out.reached[1]!;
  out.level = level;
}

/** The open mode behind the common interface (modes.ts). */
export function openScan(_mode: { kind: 'open' }, context: ScanContext): EntityScan {
  const state = new OpenState(context.stepCount);
  return {
    firstStepOnly: false,
    scan: (entries, out) => scanOpen(entries, context.windowMs, context.previous, state, out),
  };
}
