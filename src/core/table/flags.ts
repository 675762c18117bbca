/**
 * A table of one row per session, user or lead whose step columns are checkboxes: UCI's Online
 * Shoppers table (`ProductRelated` pages, `Revenue` TRUE/FALSE per session), a CRM list
 * (`Signed up`, `Demo booked`, `Purchased`). Steps that are column headers are summed when a row
 * is a day or a page (`Impressions, Clicks`: report.ts), but a TRUE/FALSE in a step column says
 * that a row is one entity: each step is then read per row as done (TRUE, or a count above 0) or
 * not (FALSE, 0, blank), and the funnel follows each row through the steps (flag-funnel.ts).
 */
import { UserError } from '../errors';
import { cellText, isBlankCell, isCheckboxCell } from './cells';
import { countValue, usesDecimalComma } from './count-cell';
import { headerNames, isTotalLabel } from './header';
import type { ColumnValues } from './read';
import type { StackedTable } from './stacked-tables';

export interface FlagTable {
  kind: 'flags';
  rowCount: number;
  /** Per step (0-based), per row: 1 when the row did the step (any of its columns, for `a|b`). */
  done: Uint8Array[];
  /** Per row, its index in the data argument. */
  sourceRows: Int32Array;
  extras: ColumnValues[];
  /** The step columns read, as messages name them. */
  columns: { steps: string[] };
  headers: string[];
}

/** Data rows looked at for checkbox columns: a checkbox column has a TRUE or FALSE on every row. */
const ROWS_LOOKED_AT = 100;

/** The headers of the columns with a TRUE/FALSE in the first data rows under the header row. */
export function checkboxColumns(rows: readonly (readonly unknown[])[], headerRow: number): string[] {
  const headers = headerNames(rows[headerRow]!);
  const sample = rows.slice(headerRow + 1, headerRow + 1 + ROWS_LOOKED_AT);
  return headers.filter((header, c) => header !== '' && sample.some((row) => isCheckboxCell(row[c])));
}

/** True when a cell of one of the columns (outside totals rows) is a checkbox. */
export function holdsCheckboxes(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  columns: readonly number[],
): boolean {
  return table.rows.some((r) => columns.some((c) => isCheckboxCell(rows[r]![c])));
}

/**
 * Reads the rows of a checkbox table. `stepColumns[k]`: the columns step k names (one, or
 * several for `a|b`); a column can stand for one step only, since a row holds one value in it.
 */
export function readFlagRows(
  rows: readonly (readonly unknown[])[],
  table: StackedTable,
  stepColumns: readonly (readonly number[])[],
  extraColumns: (keptRows: readonly number[]) => ColumnValues[],
): FlagTable {
  checkOneStepPerColumn(table.headers, stepColumns);
  const columns = [...new Set(stepColumns.flat())];
  const decimalComma = table.headers.map(
    (_, c) => columns.includes(c) && usesDecimalComma(table.rows.map((r) => rows[r]![c])),
  );
  const kept = table.rows.filter((r) => !rows[r]!.some(isTotalLabel));
  const done = stepColumns.map(() => new Uint8Array(kept.length));
  kept.forEach((r, i) => {
    const row = rows[r]!;
    stepColumns.forEach((list, k) => {
      // Every column's cell is checked, also after one that is done (a|b).
      const values = list.map((c) => flagValue(row[c], r, table.headers[c]!, decimalComma[c]!));
      if (values.includes(1)) done[k]![i] = 1;
    });
  });
  return {
    kind: 'flags',
    rowCount: kept.length,
    done,
    sourceRows: Int32Array.from(kept),
    extras: extraColumns(kept),
    columns: { steps: columns.map((c) => table.headers[c]!) },
    headers: table.headers,
  };
}

/** 1 for a step done (TRUE, or a count above 0), 0 for not (FALSE, 0, blank). */
function flagValue(cell: unknown, rowIndex: number, header: string, decimalComma: boolean): 0 | 1 {
  if (isBlankCell(cell)) return 0;
  if (isCheckboxCell(cell)) return cellText(cell).toLowerCase() === 'true' ? 1 : 0;
  const count = countValue(cell, decimalComma);
  if (Number.isFinite(count) && count >= 0) return count > 0 ? 1 : 0;
  throw new UserError(
    `row ${rowIndex + 1} of data, column "${header}": "${cellText(cell) || String(cell)}" is neither TRUE/FALSE ` +
      'nor a count. In a table of one row per session or lead with TRUE/FALSE columns, a step column holds ' +
      'TRUE or FALSE (or a count: above 0 means done) on every row: correct the cell.',
  );
}

function checkOneStepPerColumn(
  headers: readonly string[],
  stepColumns: readonly (readonly number[])[],
): void {
  const stepOf = new Map<number, number>();
  stepColumns.forEach((list, k) => {
    for (const c of list) {
      const other = stepOf.get(c);
      if (other !== undefined && other !== k) {
        throw new UserError(
          `steps ${other + 1} and ${k + 1} both name the column "${headers[c]}". In a table of one row per session ` +
            'or lead with TRUE/FALSE columns, a row holds one value per column, so a column can stand for one step ' +
            'only: name each column once.',
        );
      }
      stepOf.set(c, k);
    }
  });
}
