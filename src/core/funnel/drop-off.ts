/**
 * DROP_OFF: what the entities that stopped at a step did next. FUNNEL's engine decides who
 * dropped where (entity-funnel.ts, the same spec, window and modes), so the drop-off counts are
 * FUNNEL's own; this file only looks, for each dropped entity, at its first row after the
 * event that completed its last step.
 *
 * - Blocks: one per required step but the last; its drop-offs are the entities counted at it
 *   that did not go on to the next required step (FUNNEL's Drop-off of that next step).
 * - The step's event: the one on the chain FUNNEL counts (sequential, any order); in an open
 *   funnel, where every step counts on its own, the entity's last row of that step.
 * - Next event: the entity's earliest row strictly later than that event (rows at the same
 *   instant happened together, not after); several at that instant: the alphabetically first
 *   name, so the order of the rows never matters. None: "(no further event)".
 */
import { UserError } from '../errors';
import { type EventTable, readEventTable, rowsByEntity } from '../table';
import { EntityFunnel } from './entity-funnel';
import { stepNotes } from './event-funnel';
import { type FunnelSpec, readFunnelSpec } from './spec';

/** One step's drop-offs: how many, and how many of them did each event next. */
export interface DropOffBlock {
  /** 1-based step, and the next required step its drop-offs did not reach. */
  step: number;
  next: number;
  dropped: number;
  /** byCode[c] = drop-offs whose next event had code c; byCode[codeCount] = no further event. */
  byCode: Int32Array;
}

export interface DropOffResult {
  table: EventTable;
  spec: FunnelSpec;
  blocks: DropOffBlock[];
  /** Per step (0-based), FUNNEL's note for it ("" when none). */
  notes: string[];
}

/** A single step has no drop-off; options that make no sense here are refused as FUNNEL_TREND does. */
export function checkDropOffSpec(spec: FunnelSpec): void {
  if (spec.steps.length < 2) {
    throw new UserError(
      `steps: DROP_OFF needs at least two steps (a drop-off is between a step and the next), e.g. "${spec.steps[0]!.label}, purchase".`,
    );
  }
  const refused = spec.breakdown !== undefined ? 'breakdown=' : spec.time ? 'time' : '';
  if (refused) {
    throw new UserError(
      `option "${refused}" is not available in DROP_OFF, whose rows are what each step's drop-offs did next: ` +
        'use FUNNEL for it.',
    );
  }
}

/** `timeZone`: the spreadsheet's (an IANA name), for timestamps written without a zone; none: UTC. */
export function dropOff(
  data: unknown,
  steps: unknown,
  window: unknown,
  options: unknown,
  timeZone?: string,
): DropOffResult {
  const spec = readFunnelSpec(steps, window, options);
  checkDropOffSpec(spec);
  const table = readEventTable(data, { columns: spec.columns, bySession: spec.bySession, timeZone });
  return dropOffCounts(table, spec);
}

export function dropOffCounts(table: EventTable, spec: FunnelSpec): DropOffResult {
  const funnel = new EntityFunnel(table, spec);
  const required = spec.steps.flatMap((s, i) => (s.optional ? [] : [i + 1]));
  const codeCount = table.eventNames.length;
  const blocks = required.slice(0, -1).map((step, i) => ({
    step,
    next: required[i + 1]!,
    dropped: 0,
    byCode: new Int32Array(codeCount + 1),
  }));
  // Every row of an entity: the next event may be any event (the funnel skips non-step rows itself).
  const { order, starts } = rowsByEntity(table.entityIds, table.entityKeys.length);
  const { out, entries } = funnel;
  const open = spec.mode.kind === 'open';
  const { times, eventCodes, eventNames } = table;
  for (let entity = 0; entity < starts.length - 1; entity++) {
    const from = starts[entity]!;
    const to = starts[entity + 1]!;
    if (!funnel.run(order, from, to)) continue;
    for (const block of blocks) {
      if (out.reached[block.step] !== 1 || out.continued[block.next] === 1) continue;
      // When the step happened: the chain's time, or (open) the entity's last row of the step.
      let at = out.level === block.step ? out.last : out.stepTime[block.step]!;
      if (open) {
        for (let i = 0; i < entries.n; i++) if (entries.step[i] === block.step) at = entries.time[i]!;
      }
      let nextTime = Number.POSITIVE_INFINITY;
      let nextCode = codeCount;
      for (let i = from; i < to; i++) {
        const t = times[order[i]!]!;
        if (t <= at || t > nextTime) continue;
        const code = eventCodes[order[i]!]!;
        if (t < nextTime || eventNames[code]! < eventNames[nextCode]!) nextCode = code;
        nextTime = t;
      }
      block.dropped++;
      block.byCode[nextCode]!++;
    }
  }
  return { table, spec, blocks, notes: stepNotes(funnel, spec) };
}
