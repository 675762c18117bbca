/**
 * Event rows the reader leaves out, and why: a user reading the funnel must learn that rows were
 * not counted (`12 rows without a user id were left out`), and a step whose rows were all left
 * out must not read as a typo (`no "first_visit" events in the data`).
 */
import { cellText } from './cells';

export interface LeftOutRows {
  /** Rows whose id cell is blank. */
  withoutId: number;
  /** Rows whose timestamp is blank or not a date or time. */
  badTime: number;
  /** The first of those: its index in the data argument and the cell as text. */
  firstBadTime?: { row: number; text: string };
  /** Indexes (in the data argument) of rows that repeat the header row: a second paste's header. */
  headerRows: number[];
  /** Per event name, how many rows of it were left out (without an id or a timestamp). */
  eventRows: Map<string, number>;
}

export function noRowsLeftOut(): LeftOutRows {
  return { withoutId: 0, badTime: 0, headerRows: [], eventRows: new Map() };
}

/** Counts a row left out for its event name. */
export function countLeftOutEvent(leftOut: LeftOutRows, eventCell: unknown): void {
  const name = cellText(eventCell);
  leftOut.eventRows.set(name, (leftOut.eventRows.get(name) ?? 0) + 1);
}

/** True when a row repeats the header's text in the given columns (another paste's header row). */
export function repeatsHeader(
  row: readonly unknown[],
  headers: readonly string[],
  columns: number[],
): boolean {
  return columns.every((c) => c < 0 || (cellText(row[c]) === headers[c] && headers[c] !== ''));
}
