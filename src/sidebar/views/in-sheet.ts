/**
 * What already stands in the tabs. The server matches rows (phases by name, milestones and
 * secondary actions by event name, else by name), adds new ones below and never deletes or
 * moves a row. So for a row already in the sheet, the sidebar says where the change must be
 * finished by hand instead of pretending that removing or reordering it here will stick.
 */
import type { ListKey, PlannerState } from './context';

export const TAB_OF: Record<ListKey, string> = {
  phases: 'Phases',
  milestones: 'Milestones',
  secondaryActions: 'Secondary Actions',
};

const key = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

interface Named {
  name: string;
  eventName?: string;
}

/** True when the tabs, as last read, hold a row this item would be matched to. */
export function isInSheet(state: PlannerState, list: ListKey, item: Named): boolean {
  const rows: Named[] = state.sheet?.[list] ?? [];
  return rows.some(
    (row) =>
      (key(item.eventName) !== '' && key(row.eventName) === key(item.eventName)) ||
      (key(item.name) !== '' && key(row.name) === key(item.name)),
  );
}

/** Reordering only sticks before the list has rows in the sheet: the row order is the funnel's order. */
export function canReorder(state: PlannerState, list: ListKey): boolean {
  return (state.sheet?.[list].length ?? 0) === 0;
}

export function reorderNote(list: ListKey): string {
  return `The order of the rows on the ${TAB_OF[list]} tab is the funnel's order: to change it, move the rows there.`;
}

export function removedMessage(state: PlannerState, list: ListKey, item: Named): string {
  const name = item.name || '(no name)';
  return isInSheet(state, list, item)
    ? `Removed “${name}” here. The sheet keeps its row: delete that row on the ${TAB_OF[list]} tab as well.`
    : `Removed “${name}”.`;
}
