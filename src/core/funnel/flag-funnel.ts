/**
 * Funnels over a table of one row per session, user or lead with a TRUE/FALSE (or count) column
 * per step (flags.ts). There are no times, so a row's path is the steps it did, taken in the
 * funnel's order:
 * - sequential (the default): a row counts at a step when it did that step and every required
 *   step before it (an optional step: it and the required steps before it);
 * - any order: a row counts at step k when it did at least k of the steps;
 * - open: a row counts at every step it did; share of previous counts those that did the
 *   previous required step too.
 */
import type { FlagTable } from '../table';
import { previousRequired } from './optional';
import { emptyBlock, type FunnelBlock, type FunnelResult } from './result';
import type { FunnelSpec } from './spec';

export function flagFunnel(table: FlagTable, spec: FunnelSpec): FunnelResult {
  const stepCount = spec.steps.length;
  const previous = previousRequired(spec.steps);
  const breakdown = table.extras[0];
  const total = emptyBlock('', stepCount, false);
  const blocks = breakdown ? breakdown.values.map((v) => emptyBlock(v, stepCount, false)) : [];
  const reached = new Uint8Array(stepCount + 1);
  const continued = new Uint8Array(stepCount + 1);
  for (let row = 0; row < table.rowCount; row++) {
    pathOf(spec.mode.kind, table.done, previous, row, reached, continued);
    add(total, reached, continued);
    if (breakdown) add(blocks[breakdown.codes[row]!]!, reached, continued);
  }
  const notes = spec.steps.map((_, k) => (k === 0 ? firstStepNote(spec.mode.kind) : ''));
  const result: FunnelResult = { steps: spec.steps, unit: 'rows', total, notes, report: false };
  if (breakdown) result.breakdown = { header: breakdown.header, blocks };
  return result;
}

/** reached[k]: the row counts at step k; continued[k]: it went on to step k from the step before. */
function pathOf(
  kind: FunnelSpec['mode']['kind'],
  done: readonly Uint8Array[],
  previous: Int32Array,
  row: number,
  reached: Uint8Array,
  continued: Uint8Array,
): void {
  const stepCount = done.length;
  if (kind === 'any order') {
    let steps = 0;
    for (let k = 0; k < stepCount; k++) steps += done[k]![row]!;
    for (let k = 1; k <= stepCount; k++) reached[k] = continued[k] = k <= steps ? 1 : 0;
    return;
  }
  reached[0] = 1;
  for (let k = 1; k <= stepCount; k++) {
    const did = done[k - 1]![row]!;
    if (kind === 'open') {
      reached[k] = did;
      continued[k] = k === 1 ? did : did & done[previous[k]! - 1]![row]!;
    } else {
      reached[k] = continued[k] = did & reached[previous[k]!]!;
    }
  }
}

function add(block: FunnelBlock, reached: Uint8Array, continued: Uint8Array): void {
  for (let k = 1; k < block.counts.length; k++) {
    block.counts[k]! += reached[k]!;
    block.continued[k]! += continued[k]!;
  }
}

function firstStepNote(kind: FunnelSpec['mode']['kind']): string {
  const rule =
    kind === 'any order'
      ? 'at step k when it did k of the steps'
      : kind === 'open'
        ? 'at each step it did'
        : 'at a step when it did it and every step before';
  return `one row per session or lead: a row did a step where its column is TRUE or above 0, and counts ${rule}`;
}
