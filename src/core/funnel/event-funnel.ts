/**
 * Funnels over event rows. One pass groups rows by entity (counting sort), then each entity
 * goes through entity-funnel.ts (its entries sorted, scanned by the mode's scan); per-step
 * counts, times and breakdown blocks are added up as we go. Memory: a handful of typed arrays
 * the size of the table, nothing per row.
 */
import type { ColumnValues, EventTable } from '../table';
import { rowsByEntity } from '../table';
import { EntityFunnel } from './entity-funnel';
import type { Entries } from './entries';
import { eventStepNotes } from './notes';
import type { Outcome } from './outcome';
import { emptyBlock, type FunnelBlock, type FunnelResult } from './result';
import type { FunnelSpec } from './spec';
import { joinNotes, wildcardNote } from './sum-notes';

/** FUNNEL's note per step (absent names with `did you mean`, wildcard matches); "" for none. */
export function stepNotes(funnel: EntityFunnel, spec: FunnelSpec): string[] {
  return joinNotes(
    eventStepNotes(spec.steps, funnel.match.absentNames, funnel.table),
    funnel.match.wildcardNames.map(wildcardNote),
  );
}

export function eventFunnel(table: EventTable, spec: FunnelSpec): FunnelResult {
  const stepCount = spec.steps.length;
  const funnel = new EntityFunnel(table, spec);
  const { entityIds, entityKeys, eventCodes } = table;
  const wanted = funnel.relevantCodes;
  const { order, starts } = rowsByEntity(
    entityIds,
    entityKeys.length,
    wanted && { codes: eventCodes, wanted },
  );

  const breakdown = breakdownColumn(table, spec);
  const total = emptyBlock('', stepCount, spec.time);
  const blocks: FunnelBlock[] = (breakdown?.values ?? []).map((value) =>
    emptyBlock(value, stepCount, spec.time),
  );

  const { entries, out, previous } = funnel;
  for (let entity = 0; entity < starts.length - 1; entity++) {
    if (!funnel.run(order, starts[entity]!, starts[entity + 1]!)) continue;
    add(total, out, previous, spec.time);
    if (breakdown) {
      const value = entryValue(entries, out, breakdown.codes, breakdown.values);
      add(blocks[value]!, out, previous, spec.time);
    }
  }

  const result: FunnelResult = {
    steps: spec.steps,
    unit: table.entityUnit,
    total,
    notes: stepNotes(funnel, spec),
    report: false,
  };
  if (breakdown)
    result.breakdown = {
      header: breakdown.header,
      blocks: blocks.filter((b) => b.counts.some((c) => c > 0)),
    };
  return result;
}

/** The breakdown column the spec names (FUNNEL_TREND names its period column). */
function breakdownColumn(table: EventTable, spec: FunnelSpec): ColumnValues | undefined {
  if (spec.breakdown === undefined) return undefined;
  const column = table.extras.find((c) => c.header === spec.breakdown);
  if (!column) throw new Error(`the table was read without the breakdown column "${spec.breakdown}"`);
  return column;
}

/**
 * The breakdown value of an entity: the one on its entry row. When several rows could have
 * been the entry (same time, same list of steps), the alphabetically first value is taken, so
 * the answer does not depend on the order of the rows in the sheet.
 */
function entryValue(entries: Entries, out: Outcome, codes: Int32Array, values: readonly string[]): number {
  let best = codes[out.entryRow]!;
  let entryRank = 0;
  for (let i = 0; i < entries.n; i++) {
    if (entries.row[i] === out.entryRow) entryRank = entries.rank[i]!;
  }
  for (let i = 0; i < entries.n; i++) {
    if (entries.time[i] !== out.first || entries.rank[i] !== entryRank) continue;
    const code = codes[entries.row[i]!]!;
    if (values[code]! < values[best]!) best = code;
  }
  return best;
}

/** Adds an entity's outcome; times run from the previous (required) step, as shares do. */
function add(block: FunnelBlock, out: Outcome, previous: Int32Array, withTimes: boolean): void {
  for (let k = 1; k < previous.length; k++) {
    if (out.reached[k] === 1) block.counts[k]!++;
    if (out.continued[k] === 1) {
      block.continued[k]!++;
      if (withTimes && k > 1) {
        // Whole microseconds: epoch ms in a double carry ~0.2 us of noise.
        const delta = out.stepTime[k]! - out.stepTime[previous[k]!]!;
        block.deltas![k]!.push(Math.round(delta * 1000) / 1000);
      }
    }
  }
}
