/**
 * The columns of our tables carry developer metadata `mcf.column` = {"table", "field"} on the
 * whole column. Sheets moves it with the column (columns inserted or moved before it) and
 * deletes it with the column, and File > Make a copy keeps it, so a column stays ours when the
 * user renames its header. Header text is the fallback for columns not tagged yet (spreadsheets
 * made before the tags, or a column the user deleted and the planner adds again).
 */
import type { TableId } from '../core/framework';
import { columnLetters } from './grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COLUMN_KEY = 'mcf.column';

/** The tag's value for one column of one table. */
function tagValue(table: TableId, field: string): string {
  return JSON.stringify({ table, field });
}

/** The field a tag names when it is for this table; undefined for anything else. */
function fieldOf(value: string | null, table: TableId): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(value ?? '');
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { table: its, field } = raw as Record<string, unknown>;
  return its === table && typeof field === 'string' ? field : undefined;
}

/** The sheet column (1-based) of each of the table's tagged fields; the leftmost wins a tie. */
export function readColumnTags(sheet: Sheet, table: TableId): Record<string, number> {
  const tags: Record<string, number> = {};
  for (const tag of sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const field = fieldOf(tag.getValue(), table);
    const column = field === undefined ? undefined : tag.getLocation().getColumn()?.getColumn();
    if (field === undefined || column === undefined) continue;
    if (tags[field] === undefined || column < tags[field]) tags[field] = column;
  }
  return tags;
}

/** Tags each field's column (1-based) unless that column already carries the field's tag. */
export function tagColumns(
  sheet: Sheet,
  table: TableId,
  columns: Record<string, number>,
  tagged: Record<string, number>,
): void {
  for (const [field, column] of Object.entries(columns)) {
    if (tagged[field] === column) continue;
    const letters = columnLetters(column);
    sheet.getRange(`${letters}:${letters}`).addDeveloperMetadata(COLUMN_KEY, tagValue(table, field));
  }
}

/** The tagged columns as indices into rows read from column A (what fromRows takes as `columns`). */
export function knownColumns(sheet: Sheet, table: TableId): Record<string, number> {
  const tags = readColumnTags(sheet, table);
  return Object.fromEntries(Object.entries(tags).map(([field, column]) => [field, column - 1]));
}
