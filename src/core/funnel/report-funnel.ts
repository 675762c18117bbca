/**
 * Funnels over a report export (GA4 Reports or Explorations, Search Console): no paths to
 * follow, so a step's count is the sum of the count over the rows whose name fits one of the
 * step's names (several rows per step, e.g. one per date or per page variant, add up; the
 * Notes say so, since users in different rows may be the same people).
 */
import { type AggregatedTable, type CountUnit, fitsPattern, isWildcard, namePattern } from '../table';
import { absentStepNotes } from './notes';
import { emptyBlock, type FunnelBlock, type FunnelResult } from './result';
import type { FunnelSpec } from './spec';
import { joinNotes, sumNote, wildcardNote } from './sum-notes';

export function reportFunnel(table: AggregatedTable, spec: FunnelSpec): FunnelResult {
  const stepCount = spec.steps.length;
  const patterns = spec.steps.map((step) => step.names.map(namePattern));
  // Sorted: the notes built from these names must not depend on the order of the rows.
  const distinct = [...new Set(table.names)].sort();
  // Each distinct name is tested once against every step's patterns.
  const stepsOfName = new Map<string, number[]>();
  for (const name of distinct) {
    const steps: number[] = [];
    patterns.forEach((list, index) => {
      if (list.some((p) => fitsPattern(p, name))) steps.push(index + 1);
    });
    if (steps.length) stepsOfName.set(name, steps);
  }
  const breakdown = table.extras[0];
  const total = new ReportBlock('', stepCount);
  const blocks = breakdown ? breakdown.values.map((v) => new ReportBlock(v, stepCount)) : [];
  for (let row = 0; row < table.rowCount; row++) {
    const steps = stepsOfName.get(table.names[row]!);
    if (!steps) continue;
    for (const k of steps) {
      total.add(k, table.counts[row]!);
      if (breakdown) blocks[breakdown.codes[row]!]!.add(k, table.counts[row]!);
    }
  }
  const absentNames = patterns.map((list) =>
    list.filter((p) => !distinct.some((n) => fitsPattern(p, n))).map((p) => p.text),
  );
  const wildcardNotes = patterns.map((list) => {
    if (!list.some(isWildcard)) return '';
    return wildcardNote(distinct.filter((n) => list.some((p) => isWildcard(p) && fitsPattern(p, n))));
  });
  const nameNotes = joinNotes(absentStepNotes(spec.steps, absentNames, distinct), wildcardNotes);
  const totalBlock = total.done(nameNotes, table.countUnit);
  const result: FunnelResult = {
    steps: spec.steps,
    unit: table.countUnit,
    total: totalBlock,
    notes: totalBlock.notes!,
    report: true,
  };
  if (breakdown) {
    result.breakdown = {
      header: breakdown.header,
      blocks: blocks.map((b) => b.done(nameNotes, table.countUnit)),
    };
  }
  return result;
}

/** A block's sums, with how many rows each step added up and the largest of them. */
class ReportBlock {
  private readonly block: FunnelBlock;
  private readonly rowsSummed: number[];
  private readonly largest: number[];

  constructor(label: string, stepCount: number) {
    this.block = emptyBlock(label, stepCount, false);
    this.rowsSummed = new Array<number>(stepCount + 1).fill(0);
    this.largest = new Array<number>(stepCount + 1).fill(0);
  }

  add(step: number, count: number): void {
    this.block.counts[step]! += count;
    this.block.continued[step]! += count;
    if (count > 0) this.rowsSummed[step]!++;
    this.largest[step] = Math.max(this.largest[step]!, count);
  }

  /** The block, its notes being the step's name notes and its own sum notes. */
  done(nameNotes: readonly string[], unit: CountUnit): FunnelBlock {
    const sums = nameNotes.map((_, i) => sumNote(unit, this.rowsSummed[i + 1]!, this.largest[i + 1]!));
    this.block.notes = joinNotes(nameNotes, sums);
    return this.block;
  }
}
