/**
 * One entity's funnel: its rows in, its outcome out. What depends only on the call (steps
 * matched to event codes, exclusions, the mode's scan) is prepared once; FUNNEL (every entity
 * of the table, breakdowns and FUNNEL_TREND's periods included) and the BigQuery UDF (one
 * entity per call) run the same run().
 */
import { type EventTable, namePattern } from '../table';
import { Entries, stepListRanks } from './entries';
import { type EntityScan, entityScan, needsEveryRow } from './modes';
import { previousRequired } from './optional';
import { Outcome } from './outcome';
import type { FunnelSpec } from './spec';
import { matchesName, matchingCodes, matchSteps, type StepMatch } from './step-match';
import { NONE, type StrictBreaks, strictBreaks } from './strict-breaks';

/** The part of a spec that decides how one entity counts. */
export type EntitySpec = Pick<FunnelSpec, 'steps' | 'mode' | 'windowMs' | 'exclude' | 'time'>;

/**
 * The event names whose rows an entity's scan reads, and the table reader's keepEvent: its
 * steps' and exclusions'. (strict_order also needs the others' rows, each of which can end a
 * chain, but only one per entity: strict-breaks.ts finds it among them.)
 */
export function neededEvents(spec: EntitySpec): (name: string) => boolean {
  const patterns = [...spec.steps.flatMap((step) => step.names), ...spec.exclude].map(namePattern);
  return (name) => patterns.some((pattern) => matchesName(pattern, name));
}

export class EntityFunnel {
  readonly match: StepMatch;
  /** previous[k] = the last required step before step k (optional.ts). */
  readonly previous: Int32Array;
  /** The last entity's entries and outcome, valid until the next run(). */
  readonly entries = new Entries();
  readonly out: Outcome;
  /**
   * Which rows an entity's scan needs, by event code (1 = needed): step rows and excluded rows.
   * Leaving the rest out makes the grouping and the sort cheaper (rowsByEntity).
   */
  readonly relevantCodes: Uint8Array;
  /** strict_order: per entity, its first step 1 and the time of the row that ends its chains. */
  private readonly breaks: StrictBreaks | undefined;
  private readonly scan: EntityScan;
  private readonly ranks: Int32Array;
  private readonly excluded: Uint8Array;
  private readonly hasExclusions: boolean;

  constructor(
    readonly table: EventTable,
    spec: EntitySpec,
  ) {
    const codeCount = table.eventNames.length;
    this.match = matchSteps(table, spec.steps);
    this.previous = previousRequired(spec.steps);
    this.out = new Outcome(spec.steps.length);
    this.excluded = new Uint8Array(codeCount);
    for (const name of spec.exclude) {
      for (const code of matchingCodes(table, namePattern(name))) this.excluded[code] = 1;
    }
    this.hasExclusions = this.excluded.includes(1);
    // By code, the very rule the table reader is given (neededEvents): one place says it.
    const needed = neededEvents(spec);
    this.relevantCodes = Uint8Array.from(table.eventNames, (name) => (needed(name) ? 1 : 0));
    this.breaks = needsEveryRow(spec.mode) ? strictBreaks(table, this.match) : undefined;
    this.ranks = stepListRanks(this.match.start, this.match.steps);
    this.scan = entityScan(spec.mode, {
      stepCount: spec.steps.length,
      windowMs: spec.windowMs,
      previous: this.previous,
      match: this.match,
      eventCodes: table.eventCodes,
      trackChain: spec.time || spec.steps.some((s) => s.optional),
    });
  }

  /**
   * Scans the entity whose rows are order[from] .. order[to - 1] (all its rows, or all of
   * them that relevantCodes needs); its outcome is in `out`. False when it never entered, or an
   * excluded event drops it.
   */
  run(order: Int32Array, from: number, to: number): boolean {
    const { entries, out, ranks } = this;
    const { eventCodes, times } = this.table;
    const { start, steps } = this.match;
    const firstOnly = this.scan.firstStepOnly;
    entries.clear();
    for (let i = from; i < to; i++) {
      const row = order[i]!;
      const code = eventCodes[row]!;
      const first = start[code]!;
      const end = start[code + 1]!;
      // (No Math.min: a global lookup per row costs ~120 ns in a vm context.)
      const last = firstOnly && end > first + 1 ? first + 1 : end;
      // Last step first: the order the scans apply a row's steps in (entries.ts).
      for (let s = last - 1; s >= first; s--) entries.push(times, row, steps[s]!, ranks[code]!);
    }
    if (entries.n === 0) return false;
    const breaks = this.breaks;
    if (breaks !== undefined) {
      const entity = this.table.entityIds[order[from]!]!;
      if (breaks.firstStart[entity] === NONE) return false;
      if (breaks.breakTime[entity] !== NONE) entries.pushBreak(breaks.breakTime, entity);
    }
    entries.sort();
    out.reset();
    this.scan.scan(entries, out);
    if (out.level === 0) return false;
    return !(this.hasExclusions && this.isExcluded(order, from, to));
  }

  /** True when an excluded event happened strictly between the chain's first and last step. */
  private isExcluded(order: Int32Array, from: number, to: number): boolean {
    const { out, excluded } = this;
    const { eventCodes, times } = this.table;
    if (out.last <= out.first) return false;
    for (let i = from; i < to; i++) {
      const row = order[i]!;
      if (excluded[eventCodes[row]!] === 1 && times[row]! > out.first && times[row]! < out.last) return true;
    }
    return false;
  }
}
