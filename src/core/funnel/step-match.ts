/**
 * Which steps each event name matches. A name may match several steps (the same event
 * listed twice, or in two steps' alternatives); stored as a compact list per event code.
 */
import type { EventTable, Step } from '../table';

export interface StepMatch {
  /** Steps of code c (1-based, ascending) are steps[start[c]] .. steps[start[c + 1] - 1]. */
  start: Int32Array;
  steps: Int32Array;
  /** True when some code matches more than one step. */
  multiple: boolean;
  /** Per step (0-based), the names of its alternatives that the data never has. */
  absentNames: string[][];
}

export function matchSteps(table: EventTable, steps: readonly Step[]): StepMatch {
  const codeCount = table.eventNames.length;
  const lists: number[][] = Array.from({ length: codeCount }, () => []);
  const absentNames = steps.map((step, index) => {
    const absent: string[] = [];
    for (const name of step.names) {
      const code = table.eventCode(name);
      if (code < 0) absent.push(name);
      else if (!lists[code]!.includes(index + 1)) lists[code]!.push(index + 1);
    }
    return absent;
  });
  const start = new Int32Array(codeCount + 1);
  let total = 0;
  let multiple = false;
  for (let c = 0; c < codeCount; c++) {
    start[c] = total;
    total += lists[c]!.length;
    if (lists[c]!.length > 1) multiple = true;
  }
  start[codeCount] = total;
  const flat = new Int32Array(total);
  for (let c = 0; c < codeCount; c++)
    flat.set(
      lists[c]!.sort((a, b) => a - b),
      start[c]!,
    );
  return { start, steps: flat, multiple, absentNames };
}
