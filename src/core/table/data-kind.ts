/**
 * What a range of exported rows holds, told by the same reading FUNNEL does (one rule): event
 * rows (one row per event, with a user or session id and a time: every FUNNEL option, FUNNEL_TREND
 * and MICRO_IMPACT work), a report (one total per name: FUNNEL without a window), nothing yet (the
 * planner's Data tab holds only its `#` how-to), a table of one row per lead or session with
 * TRUE/FALSE columns (FUNNEL without a window, the columns as steps), or a table that cannot be
 * read, and why.
 */
import { isUserError } from '../errors';
import { asRows, isBlankCell } from './cells';
import { quotedList } from './columns';
import { checkboxColumns } from './flags';
import { findHeaderRow, isCommentRow } from './header';
import { readTable } from './read';
import { reportColumnsText } from './report';

export { EVENT_ROWS_HOW } from './event-rows';

export type DataKind =
  /** `names`: every event name, most rows first; `first`/`last`: the earliest and latest times (epoch ms). */
  | { kind: 'events'; names: string[]; first: number; last: number }
  /** `names`: the report's names, largest count first; `columns` as messages name them. */
  | { kind: 'report'; names: string[]; columns: string }
  /** One row per lead or session with TRUE/FALSE columns (flags.ts): `names` are those columns. */
  | { kind: 'checkboxes'; names: string[]; columns: string }
  | { kind: 'empty' }
  /** `message`: the reading layer's own explanation (which column is missing, and so on). */
  | { kind: 'unreadable'; message: string };

export function dataKind(data: unknown, timeZone?: string): DataKind {
  const rows = asRows(data);
  const header = findHeaderRow(rows);
  const hasDataRow = rows.some((row, i) => i > header && !isCommentRow(row) && !row.every(isBlankCell));
  if (header < 0 || !hasDataRow) return { kind: 'empty' };
  let table: ReturnType<typeof readTable>;
  try {
    // Checkbox columns are the steps of such a table: read it for them (event rows stay event rows).
    const steps = checkboxColumns(rows, header).map((name) => ({ label: name, names: [name] }));
    table = readTable(data, { timeZone, steps });
  } catch (error) {
    if (isUserError(error)) return { kind: 'unreadable', message: error.message };
    throw error;
  }
  if (table.kind === 'aggregated') {
    const totals = new Map<string, number>();
    table.names.forEach((name, row) => {
      totals.set(name, (totals.get(name) ?? 0) + table.counts[row]!);
    });
    return { kind: 'report', names: largestFirst(totals), columns: reportColumnsText(table.columns) };
  }
  if (table.kind === 'flags') {
    return { kind: 'checkboxes', names: table.columns.steps, columns: quotedList(table.columns.steps) };
  }
  // A tally by event code and plain comparisons: one pass over up to millions of rows, with no
  // Map or Math call per row (each a global lookup in the context Apps Script-like loaders use).
  const { eventCodes, times, eventNames } = table;
  const rowsPerCode = new Float64Array(eventNames.length);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < eventCodes.length; row++) {
    rowsPerCode[eventCodes[row]!]!++;
    const time = times[row]!;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  // Codes name distinct texts, so each name gets its code's tally (names on no kept row left out).
  const rowsPerName = new Map<string, number>();
  eventNames.forEach((name, code) => {
    if (rowsPerCode[code]! > 0) rowsPerName.set(name, rowsPerCode[code]!);
  });
  return { kind: 'events', names: largestFirst(rowsPerName), first, last };
}

/** Non-blank names, largest number first, equal ones by name (so row order does not matter). */
function largestFirst(sizes: Map<string, number>): string[] {
  return [...sizes]
    .filter(([name]) => name !== '')
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name]) => name);
}
