/**
 * The Notes column: a step whose events never occur in the data is not an error (the
 * funnel is still worth seeing), but it must be visible, because it is usually a typo.
 */
import { quotedList, type Step } from '../table';

/** Per step, its note: which of its names the data never has, with a near miss if there is one. */
export function absentStepNotes(
  steps: readonly Step[],
  absentNames: readonly string[][],
  dataNames: readonly string[],
): string[] {
  const loose = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
  const byLoose = new Map<string, string>();
  for (const name of dataNames) if (!byLoose.has(loose(name))) byLoose.set(loose(name), name);
  return steps.map((step, index) => {
    const absent = absentNames[index]!;
    if (absent.length === 0) return '';
    const list = absent.map((n) => `"${n}"`).join(' or ');
    const present = step.names.filter((n) => !absent.includes(n));
    const near = absent.map((n) => byLoose.get(loose(n))).filter((n): n is string => n !== undefined);
    const hint = near.length ? ` (did you mean ${quotedList(near)}?)` : '';
    const counted = present.length ? `; counted ${quotedList(present)} only` : '';
    return `no ${list} events in the data${hint}${counted}`;
  });
}
