/**
 * Funnel steps as users write them: a row or column of cells, or one text separated by commas,
 * semicolons or new lines.
 * A step may list alternatives with "|" (`view_item|view_item_list`): any of them counts.
 * A step in square brackets (`[add_to_wishlist]`, as Sheets' help writes optional arguments)
 * is optional: the funnel may skip it.
 */
import { UserError } from '../errors';
import { asRows, cellText } from './cells';

export interface Step {
  /** The step as the user wrote it, trimmed: the label in the output. */
  label: string;
  /** The event names that count as this step (one, or the "|" alternatives). */
  names: string[];
  /** Written in square brackets: the entity may skip it. */
  optional?: true;
}

const STEPS_HELP =
  'Give the step event names in order: a row or column of cells, or one text such as ' +
  '"view_item, add_to_cart, purchase" (use | for alternatives: "view_item|view_item_list").';

/** The steps in order. Throws a UserError when there are none. */
export function parseSteps(value: unknown): Step[] {
  const texts: string[] = [];
  const rows = asRows(value);
  const singleCell = rows.length === 1 && rows[0]!.length === 1;
  for (const row of rows) {
    for (const cell of row) {
      const text = cellText(cell);
      if (text === '') continue;
      // One cell may hold the whole list (commas, semicolons or one step per line); a range holds
      // a step per cell, or several on separate lines of a cell.
      texts.push(...text.split(singleCell ? /[,;\r\n]/ : /[\r\n]/));
    }
  }
  const steps: Step[] = [];
  for (const text of texts) {
    const label = text.trim();
    if (label === '') continue;
    const optional = label.length > 2 && label.startsWith('[') && label.endsWith(']');
    const names = (optional ? label.slice(1, -1) : label)
      .split('|')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    if (names.length) steps.push(optional ? { label, names, optional } : { label, names });
  }
  if (steps.length === 0) throw new UserError(`steps are missing. ${STEPS_HELP}`);
  return steps;
}
