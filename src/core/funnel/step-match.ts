/**
 * Which steps each event name matches. A name may match several steps (the same event
 * listed twice, or in two steps' alternatives, or fitting two wildcards); stored as a compact
 * list per event code. A wildcard step (`view_*`) matches every event name it fits.
 */
import { type EventTable, fitsPattern, isWildcard, type NamePattern, namePattern, type Step } from '../table';

export interface StepMatch {
  /** Steps of code c (1-based, ascending) are steps[start[c]] .. steps[start[c + 1] - 1]. */
  start: Int32Array;
  steps: Int32Array;
  /** True when some code matches more than one step. */
  multiple: boolean;
  /** Per step (0-based), the names of its alternatives that the data never has. */
  absentNames: string[][];
  /** Per step (0-based), the distinct event names its wildcards matched; undefined without a wildcard. */
  wildcardNames: (string[] | undefined)[];
}

export function matchSteps(table: EventTable, steps: readonly Step[]): StepMatch {
  const codeCount = table.eventNames.length;
  const lists: number[][] = Array.from({ length: codeCount }, () => []);
  const wildcardNames: (string[] | undefined)[] = [];
  const absentNames = steps.map((step, index) => {
    const absent: string[] = [];
    let matched: Set<number> | undefined;
    for (const name of step.names) {
      const pattern = namePattern(name);
      const codes = matchingCodes(table, pattern);
      if (isWildcard(pattern)) {
        matched ??= new Set();
        for (const code of codes) matched.add(code);
      }
      if (codes.length === 0) absent.push(name);
      for (const code of codes) if (!lists[code]!.includes(index + 1)) lists[code]!.push(index + 1);
    }
    wildcardNames.push(matched && [...matched].map((code) => table.eventNames[code]!));
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
  return { start, steps: flat, multiple, absentNames, wildcardNames };
}

/**
 * Whether a step name (or an excluded name) matches an event name: the very name when exact,
 * any non-blank name the wildcard fits. One rule for names, steps and exclude= alike.
 */
export function matchesName(pattern: NamePattern, eventName: string): boolean {
  return pattern.exact !== undefined
    ? eventName === pattern.exact
    : eventName !== '' && fitsPattern(pattern, eventName);
}

/** The codes of the event names a step name (or an excluded name) matches (matchesName). */
export function matchingCodes(table: EventTable, pattern: NamePattern): number[] {
  if (pattern.exact !== undefined) {
    const code = table.eventCode(pattern.exact);
    return code < 0 ? [] : [code];
  }
  const codes: number[] = [];
  table.eventNames.forEach((eventName, code) => {
    if (matchesName(pattern, eventName)) codes.push(code);
  });
  return codes;
}
