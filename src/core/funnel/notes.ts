/**
 * The Notes column: a step whose events never occur in the data is not an error (the
 * funnel is still worth seeing), but it must be visible, because it is usually a typo.
 */
import { type EventTable, quotedList, type Step } from '../table';
import { byCloseness, didYouMean } from './near-names';

/** How many names present in the data a missing step's note lists. */
const NAMES_SHOWN = 5;

/**
 * Per step, its note: which of its names the data never has, the near miss a typo meant (by
 * edit distance), and up to five names the data has, closest first.
 */
export function absentStepNotes(
  steps: readonly Step[],
  absentNames: readonly string[][],
  dataNames: readonly string[],
): string[] {
  const present = [...new Set(dataNames)].filter((n) => n !== '');
  return steps.map((step, index) => {
    const absent = absentNames[index]!;
    if (absent.length === 0) return '';
    const list = absent.map((n) => `"${n}"`).join(' or ');
    const counted = step.names.filter((n) => !absent.includes(n));
    const near = [...new Set(absent.map((n) => didYouMean(n, present)))].filter((n) => n !== undefined);
    const hint = near.length ? ` (did you mean ${quotedList(near)}?)` : '';
    const countedOnly = counted.length ? `; counted ${quotedList(counted)} only` : '';
    const others = present.filter((n) => !near.includes(n));
    const shown = byCloseness(absent[0]!, others)
      .slice(0, NAMES_SHOWN)
      .map((c) => c.name);
    const more = others.length > NAMES_SHOWN ? ` and ${others.length - NAMES_SHOWN} more` : '';
    const has = shown.length
      ? `; ${near.length ? 'other names' : 'names'} in the data: ${quotedList(shown)}${more}`
      : '';
    return `no ${list} events in the data${hint}${countedOnly}${has}`;
  });
}

/**
 * Notes for event rows: absent names as above, except names whose rows were all left out (no id
 * or no readable timestamp), which say so; and on the first step, how many rows were left out.
 */
export function eventStepNotes(
  steps: readonly Step[],
  absentNames: readonly string[][],
  table: EventTable,
): string[] {
  const leftOutRows = table.leftOut?.eventRows ?? new Map<string, number>();
  const notes = absentStepNotes(
    steps,
    absentNames.map((names) => names.filter((n) => !leftOutRows.has(n))),
    table.eventNames,
  );
  const withAll = (index: number, note: string) => {
    notes[index] = notes[index] ? `${notes[index]}; ${note}` : note;
  };
  absentNames.forEach((names, index) => {
    for (const name of names.filter((n) => leftOutRows.has(n))) {
      const count = leftOutRows.get(name)!;
      const rows = count === 1 ? `the only "${name}" row was` : `all ${count} "${name}" rows were`;
      withAll(index, `${rows} left out${index > 0 ? " (see the first step's note)" : ''}`);
    }
  });
  const summary = leftOutSummary(table);
  if (summary && steps.length) withAll(0, summary);
  return notes;
}

function rowsText(count: number): string {
  return `${count} row${count === 1 ? '' : 's'}`;
}

/** "12 rows without a user id (column "user_id") were left out; ..." or "" when none were. */
function leftOutSummary(table: EventTable): string {
  const leftOut = table.leftOut;
  if (!leftOut) return '';
  const parts: string[] = [];
  const were = (count: number) => (count === 1 ? 'was' : 'were');
  // FUNNEL reads only its events' rows (read.ts, keepEvent): the counts are of those rows.
  const rows = (count: number) =>
    `${rowsText(count)}${table.otherEventRows > 0 ? " of the funnel's events" : ''}`;
  if (leftOut.withoutId > 0) {
    const id = table.entityUnit === 'sessions' ? 'session' : 'user';
    const column = table.entityUnit === 'sessions' ? table.columns.session : table.columns.user;
    parts.push(
      `${rows(leftOut.withoutId)} without a ${id} id (column "${column}") ${were(leftOut.withoutId)} left out`,
    );
  }
  if (leftOut.badTime > 0 && leftOut.firstBadTime) {
    const first = leftOut.firstBadTime;
    const shown = first.text === '' ? 'empty' : `"${first.text}"`;
    parts.push(
      `${rows(leftOut.badTime)} without a readable timestamp (column "${table.columns.time}", ` +
        `first at row ${first.row + 1}: ${shown}) ${were(leftOut.badTime)} left out`,
    );
  }
  const headers = leftOut.headerRows;
  if (headers.length > 0) {
    const at =
      headers.length === 1 ? `row ${headers[0]! + 1}` : `rows ${headers.map((r) => r + 1).join(', ')}`;
    parts.push(`a repeated header row (${at}) was skipped`);
  }
  return parts.join('; ');
}
