/**
 * Items that already have a row in the tabs. Each keeps the key of its row (`previous`), so the
 * server renames that row in place and deletes it when the user removes the item. Deleting a row
 * can take cells of the user's with it, so removing such an item asks for confirmation first;
 * the confirmation says which tab and row.
 */
import { el } from '../dom';
import { showStatus } from '../status';
import type { ListKey, StepContext } from './context';

export const TAB_OF: Record<ListKey, string> = {
  phases: 'Phases',
  milestones: 'Milestones',
  secondaryActions: 'Secondary Actions',
};

interface Keyed {
  name: string;
  eventName?: string;
  previous?: { name: string; eventName?: string; row?: number };
}

/** The row an item was read from, in words: “Add to cart” (add_to_cart). */
function rowLabel(item: Keyed): string {
  const key = item.previous ?? item;
  return `“${key.name || '(no name)'}”${key.eventName ? ` (${key.eventName})` : ''}`;
}

/** Takes the item out of the draft; an item with a row in the tabs also lists that row as removed. */
export function removeItem(ctx: StepContext, list: ListKey, index: number, focusAfter: string): void {
  const item: Keyed = ctx.state.framework[list][index]!;
  ctx.change((s) => {
    s.framework[list].splice(index, 1);
    // The whole key, its sheet row included: two rows may share the names.
    if (item.previous) s.removed[list].push({ ...item.previous });
    s.editing = undefined;
    s.confirming = undefined;
  }, focusAfter);
}

/** Removes at once an item not in the tabs yet; for one that is, opens the confirmation instead. */
export function askToRemove(ctx: StepContext, list: ListKey, index: number, focusAfter: string): void {
  const item: Keyed = ctx.state.framework[list][index]!;
  if (!item.previous) {
    removeItem(ctx, list, index, focusAfter);
    showStatus('success', `Removed “${item.name || '(no name)'}”.`);
    return;
  }
  ctx.change((s) => {
    s.confirming = { list, index };
    s.editing = undefined;
  }, `confirm-${list}-${index}`);
}

/** The confirmation shown in place of the item: Delete the row, or Keep it (also Escape). */
export function confirmRemoval(
  ctx: StepContext,
  list: ListKey,
  index: number,
  focusAfter: string,
): HTMLLIElement {
  const item: Keyed = ctx.state.framework[list][index]!;
  const keep = () => ctx.change((s) => (s.confirming = undefined), `${list}-${index}-remove`);
  const textId = `confirm-${list}-${index}-text`;
  const panel = el(
    'li',
    {
      class: 'item confirm',
      role: 'group',
      'aria-labelledby': textId,
      onkeydown: (event: Event) => {
        if ((event as KeyboardEvent).key !== 'Escape') return;
        event.preventDefault();
        keep();
      },
    },
    [
      el('p', { id: textId, class: 'confirm-text' }, [
        `Remove ${rowLabel(item)}? Creating / updating the tabs then deletes its row on the ${TAB_OF[list]} tab, with any cells you added on that row.`,
      ]),
      el('div', { class: 'buttons' }, [
        el(
          'button',
          {
            type: 'button',
            class: 'action',
            onclick: () => {
              removeItem(ctx, list, index, focusAfter);
              showStatus(
                'success',
                `Removed “${item.name || '(no name)'}”: its row on the ${TAB_OF[list]} tab is deleted when you create / update the tabs.`,
              );
            },
          },
          ['Delete the row'],
        ),
        // The safe choice has the focus: a second Enter does not delete anything.
        el('button', { type: 'button', 'data-focus': `confirm-${list}-${index}`, onclick: keep }, [
          'Keep it',
        ]),
      ]),
    ],
  );
  return panel;
}
