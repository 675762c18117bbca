/**
 * Putting user text into SQL safely: string literals, column and table names. Both dialects
 * (BigQuery, ClickHouse) read backslash escapes in single-quoted strings and backtick-quoted names.
 */
import { UserError } from '../errors';
import { isWildcard, namePattern, patternParts } from '../table/name-pattern';

/**
 * What ends a line, and so a `--` comment, in BigQuery, ClickHouse or the editor the query is
 * pasted into: LF, CR, vertical tab, form feed, NEL and the Unicode line and paragraph separators.
 */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * A `--` comment line holding user text (step names, options): each line break in the text
 * becomes a space, so the text stays inside its comment and can never become SQL. The rest of
 * the text (a star-slash, `--`, quotes) is harmless inside a line comment and is kept as written.
 */
export function sqlComment(text: string): string {
  return `-- ${text.replace(LINE_BREAK, ' ')}`;
}

/** A single-quoted string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A column name: plain when it is a simple identifier, else in backticks. */
export function sqlColumn(name: string, option: string): string {
  const trimmed = name.trim().replace(/^`|`$/g, '');
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) return trimmed;
  if (trimmed === '' || /[`\\]/.test(trimmed) || new RegExp(LINE_BREAK.source).test(trimmed)) {
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

/**
 * A step name as a LIKE pattern (the same in BigQuery and ClickHouse): `*` is `%`, `?` is `_`
 * (one character in both, as in FUNNEL), and a literal `%`, `_` or backslash gets a backslash.
 * The result is pattern text: it still goes through sqlString.
 */
export function likePattern(name: string): string {
  return patternParts(name)
    .map((p) => (p === '*' ? '%' : p === '?' ? '_' : p.literal.replace(/[\\%_]/g, '\\$&')))
    .join('');
}

/**
 * The names that make a step (or are excluded) as an SQL condition on the event column:
 * exact names with = or IN, wildcards with LIKE. A pattern of stars only (`*`) matches every
 * event name, blank ones too in SQL, while FUNNEL never counts a blank event: it is `<> ''`.
 */
export function eventCondition(column: string, names: readonly string[]): string {
  const exact = [...new Set(names.map(namePattern).flatMap((p) => (p.exact !== undefined ? [p.exact] : [])))];
  const wildcards = [...new Set(names.filter((n) => isWildcard(namePattern(n))).map(likePattern))];
  const terms = [
    ...(exact.length === 1 ? [`${column} = ${sqlString(exact[0]!)}`] : []),
    ...(exact.length > 1 ? [`${column} IN (${exact.map(sqlString).join(', ')})`] : []),
    ...wildcards.map((like) => (/^%+$/.test(like) ? `${column} <> ''` : `${column} LIKE ${sqlString(like)}`)),
  ];
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}
