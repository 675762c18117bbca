/**
 * Funnels over event rows. One pass groups rows by entity (counting sort), then each
 * entity's few entries are sorted by (time, step) and scanned by the chosen engine; per-step
 * counts, times and breakdown blocks are added up as we go. Memory: a handful of typed
 * arrays the size of the table, nothing per row.
 */
import { type EventTable, rowsByEntity } from '../table';
import { AnyOrderState, scanAnyOrder } from './any-order';
import { Entries } from './entries';
import { absentStepNotes } from './notes';
import { OpenState, scanOpen } from './open';
import { Outcome } from './outcome';
import { emptyBlock, type FunnelBlock, type FunnelResult } from './result';
import { SequentialState, scanSequential } from './sequential';
import type { FunnelSpec } from './spec';
import { matchSteps } from './step-match';
import { joinNotes, wildcardNote } from './sum-notes';

export function eventFunnel(table: EventTable, spec: FunnelSpec): FunnelResult {
  const stepCount = spec.steps.length;
  const match = matchSteps(table, spec.steps);
  const codeCount = table.eventNames.length;
  const excluded = new Uint8Array(codeCount);
  for (const name of spec.exclude) {
    const code = table.eventCode(name);
    if (code >= 0) excluded[code] = 1;
  }
  const hasExclusions = excluded.includes(1);
  const isStepCode = new Uint8Array(codeCount);
  for (let c = 0; c < codeCount; c++) isStepCode[c] = match.start[c + 1]! > match.start[c]! ? 1 : 0;

  // strict_order needs every row of an entity (a non-step row ends its chain); otherwise only
  // step rows and excluded rows matter, and leaving the rest out makes the sort cheaper.
  const { eventCodes, times } = table;
  const relevant = new Uint8Array(codeCount);
  for (let c = 0; c < codeCount; c++) relevant[c] = isStepCode[c]! | excluded[c]!;
  const keep =
    spec.strictOrder && spec.order === 'sequential'
      ? undefined
      : (row: number) => relevant[eventCodes[row]!] === 1;
  const { order, starts } = rowsByEntity(table.entityIds, table.entityKeys.length, keep);

  const breakdown = table.extras[0];
  const blockCount = breakdown ? breakdown.values.length : 0;
  const total = emptyBlock('', stepCount, spec.time);
  const blocks: FunnelBlock[] = [];
  for (let b = 0; b < blockCount; b++) blocks.push(emptyBlock(breakdown!.values[b]!, stepCount, spec.time));

  const entries = new Entries();
  const out = new Outcome(stepCount);
  const sequential = new SequentialState(stepCount);
  const anyOrder = spec.order === 'any order' ? new AnyOrderState(stepCount, codeCount) : undefined;
  const open = spec.order === 'open' ? new OpenState(stepCount) : undefined;
  const modes = {
    windowMs: spec.windowMs,
    strictOrder: spec.strictOrder,
    strictDeduplication: spec.strictDeduplication,
    strictIncrease: spec.strictIncrease,
  };
  const stepList = match.steps;
  const stepStart = match.start;
  const onePerRow = spec.order === 'any order';

  for (let entity = 0; entity < starts.length - 1; entity++) {
    const from = starts[entity]!;
    const to = starts[entity + 1]!;
    if (from === to) continue;
    entries.clear();
    for (let i = from; i < to; i++) {
      const row = order[i]!;
      const code = eventCodes[row]!;
      const first = stepStart[code]!;
      const last = onePerRow ? Math.min(first + 1, stepStart[code + 1]!) : stepStart[code + 1]!;
      if (first === last) {
        if (keep === undefined) entries.push(times[row]!, 0, row);
        continue;
      }
      for (let s = first; s < last; s++) entries.push(times[row]!, stepList[s]!, row);
    }
    if (entries.n === 0) continue;
    entries.sort();
    out.reset();
    if (anyOrder) scanAnyOrder(entries, eventCodes, match, spec.windowMs, anyOrder, out);
    else if (open) scanOpen(entries, spec.windowMs, open, out);
    else scanSequential(entries, modes, sequential, spec.time, out);
    if (out.level === 0) continue;
    if (hasExclusions && isExcluded(order, from, to, eventCodes, times, excluded, out)) continue;
    add(total, out, stepCount, spec.time);
    if (breakdown) {
      const value = entryValue(entries, out, breakdown.codes, breakdown.values);
      add(blocks[value]!, out, stepCount, spec.time);
    }
  }

  const result: FunnelResult = {
    steps: spec.steps,
    unit: table.entityUnit,
    total,
    notes: joinNotes(
      absentStepNotes(spec.steps, match.absentNames, table.eventNames),
      match.wildcardNames.map(wildcardNote),
    ),
    report: false,
  };
  if (breakdown)
    result.breakdown = {
      header: breakdown.header,
      blocks: blocks.filter((b) => b.counts.some((c) => c > 0)),
    };
  return result;
}

/**
 * The breakdown value of an entity: the one on its entry row. When several rows tie for
 * entry (same time, same step), the alphabetically first value is taken, so the answer does
 * not depend on the order of the rows in the sheet.
 */
function entryValue(entries: Entries, out: Outcome, codes: Int32Array, values: readonly string[]): number {
  let best = codes[out.entryRow]!;
  let entryStep = 0;
  for (let i = 0; i < entries.n; i++) {
    if (entries.row[i] === out.entryRow) entryStep = entryStep || entries.step[i]!;
  }
  for (let i = 0; i < entries.n; i++) {
    if (entries.time[i] !== out.first || entries.step[i] !== entryStep) continue;
    const code = codes[entries.row[i]!]!;
    if (values[code]! < values[best]!) best = code;
  }
  return best;
}

/** True when an excluded event happened strictly between the chain's first and last step. */
function isExcluded(
  order: Int32Array,
  from: number,
  to: number,
  eventCodes: Int32Array,
  times: Float64Array,
  excluded: Uint8Array,
  out: Outcome,
): boolean {
  if (out.last <= out.first) return false;
  for (let i = from; i < to; i++) {
    const row = order[i]!;
    if (excluded[eventCodes[row]!] === 1 && times[row]! > out.first && times[row]! < out.last) return true;
  }
  return false;
}

function add(block: FunnelBlock, out: Outcome, stepCount: number, withTimes: boolean): void {
  for (let k = 1; k <= stepCount; k++) {
    if (out.reached[k] === 1) block.counts[k]!++;
    if (out.continued[k] === 1) {
      block.continued[k]!++;
      if (withTimes && k > 1) {
        // Whole microseconds: epoch ms in a double carry ~0.2 us of noise.
        block.deltas![k]!.push(Math.round((out.stepTime[k]! - out.stepTime[k - 1]!) * 1000) / 1000);
      }
    }
  }
}
