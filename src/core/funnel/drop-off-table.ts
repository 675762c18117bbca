/**
 * DROP_OFF's output: a header row, then per step a block: the step and its drop-off count on
 * the first line, then the events its drop-offs did next, most frequent first (ties by name),
 * `top` of them, the rest summed into "(other events)", and "(no further event)" for those
 * whose step was their last row (a step without drop-offs has its first line only). Shares are
 * fractions of the step's drop-offs.
 */
import type { DropOffBlock, DropOffResult } from './drop-off';
import { type Cell, UNIT_HEADER } from './layout';

export const NO_FURTHER_EVENT = '(no further event)';
export const OTHER_EVENTS = '(other events)';
const BLANK_NAME = '(blank event name)';

export function dropOffTable(result: DropOffResult, top: number): Cell[][] {
  const { table, spec, blocks, notes } = result;
  const rows: Cell[][] = [
    ['Step', 'Next event', UNIT_HEADER[table.entityUnit], 'Share of drop-offs', 'Notes'],
  ];
  const last = spec.steps.length;
  for (const block of blocks) {
    // Notes of the steps this block spans (an optional one between), and of the last step on the last block.
    const spanned = notes.slice(block.step - 1, block.next === last ? last : block.next - 1);
    const nextLabel = spec.steps[block.next - 1]!.label;
    rows.push([
      spec.steps[block.step - 1]!.label,
      `drop-offs before ${nextLabel}`,
      block.dropped,
      '',
      spanned.filter((n) => n !== '').join('; '),
    ]);
    if (block.dropped === 0) continue;
    for (const [name, count] of nextEvents(block, table.eventNames, top)) {
      rows.push(['', name, count, count / block.dropped, '']);
    }
  }
  return rows;
}

/** The block's next-event rows: the top events, "(other events)" when some are left, "(no further event)". */
function nextEvents(block: DropOffBlock, names: readonly string[], top: number): [string, number][] {
  const { byCode } = block;
  const codes: number[] = [];
  for (let c = 0; c < names.length; c++) if (byCode[c]! > 0) codes.push(c);
  codes.sort((a, b) => byCode[b]! - byCode[a]! || (names[a]! < names[b]! ? -1 : 1));
  const shown: [string, number][] = codes.slice(0, top).map((c) => [names[c] || BLANK_NAME, byCode[c]!]);
  let others = 0;
  for (const c of codes.slice(top)) others += byCode[c]!;
  if (others > 0) shown.push([OTHER_EVENTS, others]);
  shown.push([NO_FURTHER_EVENT, byCode[names.length]!]);
  return shown;
}
