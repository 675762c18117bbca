/**
 * The row edits a request carries besides the framework itself: which row each listed item was
 * read from (`previous`, so a rename updates that row in place) and which rows the user removed
 * (`removed`). Checked here, before anything is written; the sheets layer acts on them.
 */
import { UserError } from '../errors';
import type { CreateFrameworkRequest, ItemKey } from './model';
import { showValue } from './values';

export type ListId = 'phases' | 'milestones' | 'secondaryActions';
export const LIST_IDS: readonly ListId[] = ['phases', 'milestones', 'secondaryActions'];

/** The removed rows of each list, as keys; an empty list when none. */
export type RemovedKeys = Record<ListId, ItemKey[]>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const EXAMPLE: Record<ListId, string> = {
  phases: '["Discover"]',
  milestones: '[{ name: "Add to cart", eventName: "add_to_cart" }]',
  secondaryActions: '[{ name: "Share a page", eventName: "share" }]',
};

/** A key as sent: a phase's name as text, or { name, eventName? }; undefined when malformed. */
function readKey(value: unknown, list: ListId): ItemKey | undefined {
  if (list === 'phases' && typeof value === 'string') return value.trim() ? { name: value } : undefined;
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  if (value.eventName !== undefined && typeof value.eventName !== 'string') return undefined;
  const row = value.row;
  if (row !== undefined && !(typeof row === 'number' && Number.isInteger(row) && row >= 1)) return undefined;
  const key: ItemKey = { name: value.name };
  if (typeof value.eventName === 'string') key.eventName = value.eventName;
  if (typeof row === 'number') key.row = row;
  return key;
}

/** `from`, when given, names fields with the values they were changed from. */
const readableFrom = (previous: Record<string, unknown>): boolean =>
  previous.from === undefined || isRecord(previous.from);

/** Checks every `previous` and the `removed` lists; returns the removed keys. */
export function readRowEdits(request: CreateFrameworkRequest): RemovedKeys {
  const problems: string[] = [];
  for (const list of LIST_IDS) {
    const items: unknown = request[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (!isRecord(item) || item.previous === undefined) return;
      // Always the object form: { name } for a phase, { name, eventName } for the others.
      if (!readKey(item.previous, 'milestones') || !readableFrom(item.previous as Record<string, unknown>)) {
        problems.push(
          `${list} item ${index + 1}: previous must be the key the row was read under, such as { name: "Discover", row: 2 } or { name: "Add to cart", eventName: "add_to_cart", row: 3, from: { owner: "Sam" } }, not ${showValue(item.previous)}.`,
        );
      }
    });
  }
  const macro: unknown = request.macro;
  if (isRecord(macro) && macro.previous !== undefined) {
    if (!isRecord(macro.previous) || !readableFrom(macro.previous)) {
      problems.push(
        `macro: previous must be { from: { field: value as read } }, such as { from: { owner: "Sam" } }, not ${showValue(macro.previous)}.`,
      );
    }
  }
  const removed: RemovedKeys = { phases: [], milestones: [], secondaryActions: [] };
  const given: unknown = request.removed;
  if (given !== undefined && !isRecord(given)) {
    problems.push(
      `removed must be an object such as { milestones: ${EXAMPLE.milestones} }, not ${showValue(given)}.`,
    );
  } else if (given !== undefined) {
    for (const list of LIST_IDS) {
      const keys = given[list];
      if (keys === undefined) continue;
      if (!Array.isArray(keys)) {
        problems.push(`removed.${list} must be a list such as ${EXAMPLE[list]}, not ${showValue(keys)}.`);
        continue;
      }
      keys.forEach((value, index) => {
        const key = readKey(value, list);
        if (key) removed[list].push(key);
        else {
          problems.push(
            `removed.${list} entry ${index + 1} is ${showValue(value)}: write it as in ${EXAMPLE[list]}.`,
          );
        }
      });
    }
  }
  if (problems.length > 0) {
    throw new UserError(`The request's row edits cannot be used:\n${problems.slice(0, 10).join('\n')}`);
  }
  return removed;
}
