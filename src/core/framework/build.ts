/**
 * buildFramework: a template merged with the user's edits, every value checked and
 * normalised, defaults filled. Plain JSON in and out.
 *
 * Merge rules: `template` picks the starting point (blank when absent). `macro` overrides
 * the template's macro field by field (a field left out keeps the template's value; null
 * or '' clears it). `phases`, `milestones` and `secondaryActions`, when given, replace the
 * template's list as a whole (the sidebar sends the full edited list). Items whose text
 * and number fields are all blank are dropped, as the reader skips blank rows.
 * Values are read as a cell would be (see values.ts): text is trimmed, rates accept 0.25
 * or "25%" but not 25, priority and status match case-insensitively and default to
 * Medium and Planned. Every malformed value is reported at once in one UserError.
 */
import { UserError } from '../errors';
import type { CreateFrameworkRequest, Framework } from './model';
import { readCell, TABLES, type TableId, type TableItems } from './tables';
import { getTemplate } from './templates';
import { showValue } from './values';

/** How a row of each table is named in messages. */
const ROW_LABEL: Record<TableId, string> = {
  macro: 'Macro conversion',
  phases: 'Phase',
  milestones: 'Milestone',
  secondaryActions: 'Secondary action',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlankValue = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Sheets refuses a longer text in one cell, so it is refused here, before anything is written. */
const MAX_CELL_TEXT = 50_000;

/** Reads one item through its table's columns; problems name the row and the field. */
function readItem<K extends TableId>(
  table: K,
  source: Record<string, unknown>,
  label: string,
  problems: string[],
): TableItems[K] {
  const item: Record<string, unknown> = {};
  for (const column of TABLES[table].columns) {
    const result = readCell(column, source[column.field]);
    item[column.field] = result.value;
    if (result.problem !== undefined)
      problems.push(`${label}, ${column.header} (${column.field}): ${result.problem}`);
    else if (typeof result.value === 'string' && result.value.length > MAX_CELL_TEXT) {
      problems.push(
        `${label}, ${column.header} (${column.field}): the text is ${result.value.length.toLocaleString('en-US')} characters long, and a Sheets cell holds at most ${MAX_CELL_TEXT.toLocaleString('en-US')}: shorten it.`,
      );
    }
  }
  return item as unknown as TableItems[K];
}

/** True when the item carries nothing but (possibly) a priority or status. */
function isBlankItem(table: TableId, source: Record<string, unknown>): boolean {
  return TABLES[table].columns
    .filter((column) => !Array.isArray(column.choices))
    .every((column) => isBlankValue(source[column.field]));
}

function readList<K extends TableId>(table: K, list: unknown, problems: string[]): TableItems[K][] {
  const what = ROW_LABEL[table].toLowerCase();
  if (!Array.isArray(list)) {
    problems.push(`${table} must be a list of ${what} rows (objects), not ${showValue(list)}.`);
    return [];
  }
  const items: TableItems[K][] = [];
  list.forEach((source, index) => {
    if (!isRecord(source)) {
      problems.push(
        `${ROW_LABEL[table]} ${index + 1} is ${showValue(source)}: send an object with named fields.`,
      );
      return;
    }
    if (isBlankItem(table, source)) return;
    const name =
      typeof source.name === 'string' && source.name.trim() !== '' ? ` ("${source.name.trim()}")` : '';
    items.push(readItem(table, source, `${ROW_LABEL[table]} ${index + 1}${name}`, problems));
  });
  return items;
}

export function buildFramework(request: CreateFrameworkRequest): Framework {
  if (!isRecord(request)) {
    throw new UserError(
      `createFramework needs an object such as { template: "ecommerce" }, not ${showValue(request)}.`,
    );
  }
  const templateId = isBlankValue(request.template) ? 'blank' : request.template;
  if (typeof templateId !== 'string') {
    throw new UserError(`template must be a template id such as "ecommerce", not ${showValue(templateId)}.`);
  }
  const base = getTemplate(templateId).framework;
  const problems: string[] = [];
  let macroSource: Record<string, unknown> = { ...base.macro };
  if (request.macro !== undefined) {
    if (isRecord(request.macro)) {
      const edits = Object.fromEntries(
        Object.entries(request.macro).filter(([, value]) => value !== undefined),
      );
      macroSource = { ...macroSource, ...edits };
    } else problems.push(`macro must be an object with named fields, not ${showValue(request.macro)}.`);
  }
  const framework: Framework = {
    macro: readItem('macro', macroSource, ROW_LABEL.macro, problems),
    phases: request.phases === undefined ? base.phases : readList('phases', request.phases, problems),
    milestones:
      request.milestones === undefined
        ? base.milestones
        : readList('milestones', request.milestones, problems),
    secondaryActions:
      request.secondaryActions === undefined
        ? base.secondaryActions
        : readList('secondaryActions', request.secondaryActions, problems),
  };
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `\n(and ${problems.length - shown.length} more)` : '';
    throw new UserError(`The framework has values that cannot be used:\n${shown.join('\n')}${more}`);
  }
  return framework;
}
