/**
 * The shared data-reading layer for custom functions over exported analytics rows.
 * Stable API (FUNNEL, MICRO_IMPACT, FUNNEL_TREND and FUNNEL_SQL build on it):
 *
 * - `readTable(data, { columns, bySession, extraColumns, steps })` -> `EventTable | AggregatedTable`;
 *   `readEventTable(...)` when only event rows will do. Finds the header row (skipping GA's
 *   `# ...` comment block and blank rows), skips totals rows, detects columns by the alias
 *   lists in aliases.ts (or by `user=`/`session=`/`event=`/`time=`/`count=` overrides), and
 *   returns columns as typed arrays:
 *     EventTable: entityIds (Int32Array into entityKeys), times (Float64Array, epoch ms UTC),
 *     eventCodes (Int32Array into eventNames), eventCode(name), extras
 *     (breakdown columns as codes + values), entityUnit 'users' | 'sessions', columns found.
 *     AggregatedTable (report.ts): names, counts (Float64Array), countUnit 'users' | 'sessions' |
 *     'events' | 'count'. A report is read for its steps (`steps` option): they choose the stacked
 *     table, the name column, or the count columns they name (stacked-tables.ts, count-cell.ts).
 * - `namePattern(text)`, `fitsPattern(pattern, name)`: COUNTIF-style `*`, `?`, `~` step names.
 * - `rowsByEntity(entityIds, entityCount, { codes, wanted }?)` -> rows grouped by entity
 *   (counting sort), keeping only the rows whose code is wanted when given.
 * - `parseSteps(value)` -> `{ label, names[] }[]` (range or "a, b|c, d").
 * - `parseOptions(value, { flags, keys })` -> `{ flags: Set, values: Map<key, string[]> }`;
 *   `singleOption(parsed, key)`.
 * - `parseWindow(value)` -> ms (Infinity when blank); `parseDuration(value)` -> ms or NaN.
 * - `timeZone(name)` -> the spreadsheet's zone (offsets from Intl) or undefined for UTC; readTable's
 *   `timeZone` option reads timestamps written without a zone in it.
 * - `parseTimestamp(value, zone?)` -> epoch ms or NaN; cell checks `isDateCell`, `isBlankCell`,
 *   `isNumberCell`, `cellText`, `asRows`; header helpers `findHeaderRow`, `isCommentRow`,
 *   `isTotalLabel`; columns `COLUMN_ALIASES`, `normalizeHeader`, `findColumn`,
 *   `findNamedColumn`.
 * Every problem with the user's input is thrown as a UserError whose message says how to fix it.
 */
export { COLUMN_ALIASES, type ColumnRole, GA4_EXPORT_COLUMNS, normalizeHeader } from './aliases';
export { asRows, cellText, isBlankCell, isDateCell, isNumberCell } from './cells';
export { findColumn, findColumnByAliases, findNamedColumn, quotedList, seenHeaders } from './columns';
export { DURATION_EXAMPLES, MS_PER_DAY, parseDuration, parseWindow } from './duration';
export { type RowsByEntity, rowsByEntity } from './entity-order';
export type { FlagTable } from './flags';
export {
  findHeaderRow,
  headerNames,
  isBlankRow,
  isCommentRow,
  isTotalLabel,
} from './header';
export { Interner } from './intern';
export { countLeftOutEvent, type LeftOutRows } from './left-out';
export { fitsPattern, isWildcard, type NamePattern, namePattern } from './name-pattern';
export { type OptionSpec, type ParsedOptions, parseOptions, singleOption } from './options';
export {
  type ColumnOverrides,
  type ColumnValues,
  type DataTable,
  type EventTable,
  type OtherRows,
  type ReadTableOptions,
  readEventTable,
  readTable,
} from './read';
export { type AggregatedTable, type CountUnit, reportColumnsText } from './report';
export { parseSteps, type Step } from './steps';
export { type TimeZone, timeZone } from './time-zone';
export { parseTimestamp, timestampFromNumber, timestampFromText } from './timestamp';
