/**
 * Funnels over a report export (GA4 Reports or Explorations, Search Console): no paths to
 * follow, so a step's count is the sum of the count over the rows whose name fits one of the
 * step's names (several rows per step, e.g. one per date or per page variant, add up; the
 * Notes say so, since users in different rows may be the same people).
 */
import { type AggregatedTable, fitsPattern, isWildcard, namePattern } from '../table';
import { absentStepNotes } from './notes';
import { emptyBlock, type FunnelBlock, type FunnelResult } from './result';
import type { FunnelSpec } from './spec';
import { joinNotes, sumNote, wildcardNote } from './sum-notes';

export function reportFunnel(table: AggregatedTable, spec: FunnelSpec): FunnelResult {
  const stepCount = spec.steps.length;
  const patterns = spec.steps.map((step) => step.names.map(namePattern));
  const distinct = [...new Set(table.names)];
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
  const total = emptyBlock('', stepCount, false);
  const blocks = breakdown ? breakdown.values.map((v) => emptyBlock(v, stepCount, false)) : [];
  const rowsSummed = new Array<number>(stepCount + 1).fill(0);
  const largest = new Array<number>(stepCount + 1).fill(0);
  for (let row = 0; row < table.rowCount; row++) {
    const steps = stepsOfName.get(table.names[row]!);
    if (!steps) continue;
    const count = table.counts[row]!;
    for (const k of steps) {
      addCount(total, k, count);
      if (breakdown) addCount(blocks[breakdown.codes[row]!]!, k, count);
      if (count > 0) rowsSummed[k]!++;
      largest[k] = Math.max(largest[k]!, count);
    }
  }
  const absentNames = patterns.map((list) =>
    list.filter((p) => !distinct.some((n) => fitsPattern(p, n))).map((p) => p.text),
  );
  const wildcardNotes = patterns.map((list) => {
    if (!list.some(isWildcard)) return '';
    return wildcardNote(distinct.filter((n) => list.some((p) => isWildcard(p) && fitsPattern(p, n))));
  });
  const sumNotes = spec.steps.map((_, i) => sumNote(table.countUnit, rowsSummed[i + 1]!, largest[i + 1]!));
  const result: FunnelResult = {
    steps: spec.steps,
    unit: table.countUnit,
    total,
    notes: joinNotes(absentStepNotes(spec.steps, absentNames, distinct), wildcardNotes, sumNotes),
    report: true,
  };
  if (breakdown) result.breakdown = { header: breakdown.header, blocks };
  return result;
}

function addCount(block: FunnelBlock, step: number, count: number): void {
  block.counts[step]! += count;
  block.continued[step]! += count;
}
