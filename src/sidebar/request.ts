/**
 * Turns the planner's draft into createFramework's request (plain JSON, fractions for targets).
 * An item read from the tabs says which row it came from and what the user changed in it, each
 * field with the value it was changed from (`previous.from`); the server writes only those fields,
 * and each only while its cell still holds that value (a cell changed in the sheet meanwhile is kept).
 */
import type { CreateFrameworkRequest, RemovedItems } from '../core/framework/model';
import type { PlannerState, Removed, SheetRow } from './views/context';

/** The removed rows, only the lists that hold any; undefined when none. */
function removedOf(removed: Removed): RemovedItems | undefined {
  const lists = (['phases', 'milestones', 'secondaryActions'] as const).filter((l) => removed[l].length > 0);
  return lists.length === 0 ? undefined : Object.fromEntries(lists.map((l) => [l, removed[l]]));
}

/** An item as sent: its values, and for one read from the tabs the row and the changed fields. */
function sent<T extends object>(item: T & SheetRow) {
  const { previous, read, edited, unread, ...values } = item;
  if (!read) return previous ? { ...values, previous } : values;
  const from: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const was = read[field] ?? null;
    // A flagged cell was shown as its fallback; what it was changed from is what the cell holds.
    if (edited?.includes(field) || (value ?? null) !== was)
      from[field] = unread && field in unread ? unread[field] : was;
  }
  return { ...values, previous: { ...previous, from } };
}

export function createRequest(
  state: Pick<PlannerState, 'framework' | 'pendingTemplate'> & { removed?: Removed },
): CreateFrameworkRequest {
  const f = state.framework;
  const template = state.pendingTemplate?.id;
  const removed = state.removed && removedOf(state.removed);
  if (!template) {
    return {
      macro: sent(f.macro),
      phases: f.phases.map(sent),
      milestones: f.milestones.map(sent),
      secondaryActions: f.secondaryActions.map(sent),
      ...(removed ? { removed } : {}),
    } as CreateFrameworkRequest;
  }
  // With a template whose rows the server supplies, only what the user added goes along:
  // an empty list here would otherwise read as "no phases".
  const request: CreateFrameworkRequest = { template };
  if (f.macro.name) request.macro = sent(f.macro);
  if (f.phases.length) request.phases = f.phases.map(sent) as CreateFrameworkRequest['phases'];
  if (f.milestones.length) request.milestones = f.milestones.map(sent);
  if (f.secondaryActions.length) request.secondaryActions = f.secondaryActions.map(sent);
  if (removed) request.removed = removed;
  return request;
}
