/**
 * Finding columns by header name: by the alias lists in aliases.ts, or by a header the user
 * names in an option such as `user=Client ID`.
 */
import { UserError } from '../errors';
import { COLUMN_ALIASES, type ColumnRole, normalizeHeader } from './aliases';

/** Index of the first alias (in the alias list's order of preference) found among the headers; -1 if none. */
export function findColumnByAliases(headers: readonly string[], aliases: readonly string[]): number {
  const normalized = headers.map(normalizeHeader);
  for (const alias of aliases) {
    const index = normalized.indexOf(normalizeHeader(alias));
    if (index >= 0) return index;
  }
  return -1;
}

/** Index of the column for a role, -1 if the headers have none of its aliases. */
export function findColumn(headers: readonly string[], role: ColumnRole): number {
  return findColumnByAliases(headers, COLUMN_ALIASES[role]);
}

/** "a", "b", "c" as one quoted list, for error messages. */
export function quotedList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** The headers as a user sees them, for error messages ("(empty)" for an empty header cell). */
export function seenHeaders(headers: readonly string[]): string {
  const shown = headers.map((h) => h || '(empty)');
  return shown.length ? quotedList(shown) : '(none)';
}

/** Index of the column with this header, compared like the aliases; -1 when there is none. */
export function indexOfHeader(headers: readonly string[], header: string): number {
  const wanted = normalizeHeader(header);
  return wanted === '' ? -1 : headers.findIndex((h) => normalizeHeader(h) === wanted);
}

/**
 * Index of the column the user named in an option (`optionName=header`), compared like the
 * aliases. Throws a UserError listing the headers when it is not there.
 */
export function findNamedColumn(headers: readonly string[], header: string, optionName: string): number {
  const index = indexOfHeader(headers, header);
  if (index < 0) {
    throw new UserError(
      `${optionName}=${header}: the data has no column "${header}". Its columns are ${seenHeaders(headers)}; ` +
        `write ${optionName}= followed by one of them.`,
    );
  }
  return index;
}

/** Indexes of every column with one of a role's aliases, in the alias list's order of preference. */
export function findColumns(headers: readonly string[], role: ColumnRole): number[] {
  const normalized = headers.map(normalizeHeader);
  const found: number[] = [];
  for (const alias of COLUMN_ALIASES[role]) {
    normalized.forEach((h, index) => {
      if (h === normalizeHeader(alias) && !found.includes(index)) found.push(index);
    });
  }
  return found;
}
