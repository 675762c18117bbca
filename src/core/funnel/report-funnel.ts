/**
 * Funnels over a report export (GA4 Reports or Explorations): no paths to follow, so a
 * step's count is the sum of the count column over the rows whose name is one of the step's
 * names (several rows per step, e.g. one per date, add up).
 */
import type { AggregatedTable } from '../table';
import { absentStepNotes } from './notes';
import { emptyBlock, type FunnelBlock, type FunnelResult } from './result';
import type { FunnelSpec } from './spec';

export function reportFunnel(table: AggregatedTable, spec: FunnelSpec): FunnelResult {
  const stepCount = spec.steps.length;
  const stepsOfName = new Map<string, number[]>();
  spec.steps.forEach((step, index) => {
    for (const name of new Set(step.names)) {
      const list = stepsOfName.get(name) ?? [];
      list.push(index + 1);
      stepsOfName.set(name, list);
    }
  });
  const breakdown = table.extras[0];
  const total = emptyBlock('', stepCount, false);
  const blocks = breakdown ? breakdown.values.map((v) => emptyBlock(v, stepCount, false)) : [];
  for (let row = 0; row < table.rowCount; row++) {
    const steps = stepsOfName.get(table.names[row]!);
    if (!steps) continue;
    for (const k of steps) {
      addCount(total, k, table.counts[row]!);
      if (breakdown) addCount(blocks[breakdown.codes[row]!]!, k, table.counts[row]!);
    }
  }
  const present = new Set(table.names);
  const absentNames = spec.steps.map((step) => step.names.filter((n) => !present.has(n)));
  const result: FunnelResult = {
    steps: spec.steps,
    unit: table.countUnit,
    total,
    notes: absentStepNotes(spec.steps, absentNames, [...present]),
    report: true,
  };
  if (breakdown) result.breakdown = { header: breakdown.header, blocks };
  return result;
}

function addCount(block: FunnelBlock, step: number, count: number): void {
  block.counts[step]! += count;
  block.continued[step]! += count;
}
