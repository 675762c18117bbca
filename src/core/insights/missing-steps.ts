/**
 * The steps of a funnel that no event in the data fills, each with the note FUNNEL would write on
 * it (notes.ts: the same `did you mean` and names in the data), so Analyse can ask for other steps
 * before it writes a trend that would be all zeros.
 */
import { absentStepNotes } from '../funnel/notes';
import { fitsPattern, namePattern, parseSteps, type Step } from '../table';

export interface MissingStep {
  /** The step as written. */
  step: string;
  /** FUNNEL's note for it. */
  note: string;
}

/** Steps none of whose names (or wildcards) any of `dataNames` fills, in the order given. */
export function missingSteps(steps: readonly string[], dataNames: readonly string[]): MissingStep[] {
  // A row of cells (a blank one added, which parseSteps skips): each step is one name, even with a comma.
  const parsed = parseSteps([[...steps, '']]);
  const present = dataNames.filter((name) => name !== '');
  const absent = parsed.map((step) =>
    step.names.filter((name) => {
      const pattern = namePattern(name);
      return !present.some((n) => fitsPattern(pattern, n));
    }),
  );
  const missing = parsed.filter((step, i) => absent[i]!.length === step.names.length);
  const notes = absentStepNotes(
    missing,
    missing.map((step: Step) => step.names),
    present,
  );
  return missing.map((step, i) => ({ step: step.label, note: notes[i]! }));
}
