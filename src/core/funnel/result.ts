/** A computed funnel, before it is laid out as a sheet table. */
import type { CountUnit, Step } from '../table';

export interface FunnelBlock {
  /** The breakdown value ("" for the total block). */
  label: string;
  /** counts[k] = entities (or report count) at step k, 1-based; counts[0] unused. */
  counts: number[];
  /** continued[k] = entities that went on from step k-1 to step k (equal to counts except in open funnels). */
  continued: number[];
  /** deltas[k] = times (ms) from step k-1 to step k on each entity's chain, when asked for. */
  deltas?: number[][];
  /** Per step (0-based), this block's own notes, when they differ from the result's (report sums). */
  notes?: string[];
}

export interface FunnelResult {
  steps: Step[];
  /** What the counts count, named in the header. */
  unit: CountUnit;
  total: FunnelBlock;
  /** One block per breakdown value, when asked for. */
  breakdown?: { header: string; blocks: FunnelBlock[] };
  /** Per step (0-based), the note for the Notes column ("" when none). */
  notes: string[];
  /** Whether the Notes column says that a count exceeds the previous one for reports. */
  report: boolean;
}

export function emptyBlock(label: string, stepCount: number, withTimes: boolean): FunnelBlock {
  const block: FunnelBlock = {
    label,
    counts: new Array<number>(stepCount + 1).fill(0),
    continued: new Array<number>(stepCount + 1).fill(0),
  };
  if (withTimes) block.deltas = Array.from({ length: stepCount + 1 }, () => []);
  return block;
}
