/**
 * Notes that keep a count honest: which names a wildcard step gathered, and when a report
 * step is a sum of rows whose users (or sessions) may overlap, so the sum is an upper bound.
 */
import type { CountUnit } from '../table';

const NAMES_SHOWN = 3;
/** Long names (page paths with tracking query strings) are cut, to keep the Notes cell readable. */
const NAME_LENGTH_SHOWN = 40;

/** 'matched 2 names: "/adults", "/adults/"' for a wildcard step; "" for a step without one. */
export function wildcardNote(names: readonly string[] | undefined): string {
  if (names === undefined || names.length === 0) return '';
  // Sorted, so that the order of the rows never changes the note.
  const shown = [...names]
    .sort()
    .slice(0, NAMES_SHOWN)
    .map((n) => `"${n.length > NAME_LENGTH_SHOWN ? `${n.slice(0, NAME_LENGTH_SHOWN - 3)}...` : n}"`)
    .join(', ');
  const more = names.length > NAMES_SHOWN ? ', ...' : '';
  return `matched ${names.length} name${names.length === 1 ? '' : 's'}: ${shown}${more}`;
}

/**
 * "sum of 16 rows: users may be counted more than once (largest row 78)" when a report step
 * adds up several rows of users or sessions; "" otherwise (events and other counts add up).
 */
export function sumNote(unit: CountUnit, rows: number, largest: number): string {
  if (rows < 2 || (unit !== 'users' && unit !== 'sessions')) return '';
  return `sum of ${rows} rows: ${unit} may be counted more than once (largest row ${largest})`;
}

/** Per step, its notes joined with "; " (empty notes left out). */
export function joinNotes(...perStep: readonly (readonly string[])[]): string[] {
  return perStep[0]!.map((_, k) =>
    perStep
      .map((notes) => notes[k]!)
      .filter((n) => n !== '')
      .join('; '),
  );
}
