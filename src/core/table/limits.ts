/**
 * How big a data argument may be: no fixed cap, a time budget. Sheets hands a custom function at
 * most a whole spreadsheet (10 million cells, so 3.3 million event rows of 3 columns), and the
 * bench reads and counts that in about 6 s of CPU (README, "Limits and guarantees"). But Sheets
 * stops a custom function after 30 s with a terse "Exceeded maximum execution time", and its
 * servers may be slower or busier than the bench's. Sheets also copies the whole argument into the
 * script before the function starts, and that copy counts toward the 30 s. Reading the rows is most
 * of a call's work (about three quarters in the bench), so a read still going after READ_BUDGET_MS
 * (8 s, leaving room for the copy and the counting) will not finish in time: it stops with a
 * message that says what to do instead.
 */
import { UserError } from '../errors';

export const READ_BUDGET_MS = 8_000;

/** Rows between two looks at the clock: a look costs far less than reading this many rows. */
export const ROWS_PER_CLOCK_CHECK = 8192;

/**
 * Starts the clock for reading `totalRows` rows; the returned check throws a UserError once the
 * budget is spent. Call it every ROWS_PER_CLOCK_CHECK rows (`(r & 8191) === 0`).
 */
export function readBudget(totalRows: number): (rowIndex: number) => void {
  const start = Date.now();
  return (rowIndex) => {
    if (Date.now() - start <= READ_BUDGET_MS) return;
    throw new UserError(
      `data is too large to finish within the 30 seconds Sheets gives a custom function: after ` +
        `${READ_BUDGET_MS / 1000} seconds, ${rowIndex} of its ${totalRows} rows were read. Select fewer rows ` +
        '(a shorter date range) or only the columns needed, or count the funnel in the warehouse with FUNNEL_SQL.',
    );
  };
}
