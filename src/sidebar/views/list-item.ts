/** One row of an editable list: its text, then Edit, up, down and Remove buttons. */
import { type Child, el } from '../dom';

interface ItemOptions {
  /** Prefix of the data-focus keys of the buttons, e.g. "phase-2". */
  key: string;
  title: string;
  details: Child[];
  editLabel: string;
  /** False hides the up and down buttons (the order is set elsewhere). */
  reorderable: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onEdit(): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

export function listItem(o: ItemOptions): HTMLLIElement {
  const name = o.title || '(no name)';
  const button = (label: string, text: string, focus: string, onclick: () => void, disabled = false) =>
    el(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-label': label,
        title: label,
        'data-focus': focus,
        disabled,
        onclick,
      },
      [text],
    );
  return el('li', { class: 'item' }, [
    el('div', { class: 'item-text' }, [el('span', { class: 'item-name' }, [name]), ...o.details]),
    el('div', { class: 'item-actions' }, [
      button(`${o.editLabel} “${name}”`, o.editLabel, `${o.key}-edit`, o.onEdit),
      o.reorderable
        ? button(`Move “${name}” up`, '↑', `${o.key}-up`, () => o.onMove(-1), !o.canMoveUp)
        : null,
      o.reorderable
        ? button(`Move “${name}” down`, '↓', `${o.key}-down`, () => o.onMove(1), !o.canMoveDown)
        : null,
      button(`Remove “${name}”`, '✕', `${o.key}-remove`, o.onRemove),
    ]),
  ]);
}

/** Swaps two entries of an array in place. */
export function swap<T>(items: T[], a: number, b: number): void {
  const first = items[a]!;
  items[a] = items[b]!;
  items[b] = first;
}
