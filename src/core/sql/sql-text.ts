/**
 * Putting user text into SQL safely: string literals, column and table names. Both dialects
 * (BigQuery, ClickHouse) read backslash escapes in single-quoted strings and backtick-quoted names.
 */
import { UserError } from '../errors';

/** A single-quoted string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A column name: plain when it is a simple identifier, else in backticks. */
export function sqlColumn(name: string, option: string): string {
  const trimmed = name.trim().replace(/^`|`$/g, '');
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) return trimmed;
  if (trimmed === '' || /[`\\\n]/.test(trimmed)) {
    throw new UserError(`${option}="${name}" is not a column name a SQL query can use.`);
  }
  return `\`${trimmed}\``;
}

/**
 * A table name such as my-project.analytics_123.events_* (BigQuery) or db.events (ClickHouse):
 * letters, digits, _ - . and a trailing * only, so nothing else can slip into the query.
 */
export function checkTableName(table: string, example: string): string {
  const trimmed = table.trim().replace(/^`|`$/g, '');
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*\*?$/.test(trimmed)) {
    throw new UserError(
      `table "${table}" is not a table name: use letters, digits, _ - and dots, e.g. ${example}.`,
    );
  }
  return trimmed;
}

/** All names that make a step, as an SQL condition on the event column. */
export function eventCondition(column: string, names: readonly string[]): string {
  return names.length === 1
    ? `${column} = ${sqlString(names[0]!)}`
    : `${column} IN (${names.map(sqlString).join(', ')})`;
}
