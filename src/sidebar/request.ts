/** Turns the planner's draft into createFramework's request (plain JSON, fractions for targets). */
import type { CreateFrameworkRequest, RemovedItems } from '../core/framework/model';
import type { PlannerState, Removed } from './views/context';

/** The removed rows, only the lists that hold any; undefined when none. */
function removedOf(removed: Removed): RemovedItems | undefined {
  const lists = (['phases', 'milestones', 'secondaryActions'] as const).filter((l) => removed[l].length > 0);
  return lists.length === 0 ? undefined : Object.fromEntries(lists.map((l) => [l, removed[l]]));
}

export function createRequest(
  state: Pick<PlannerState, 'framework' | 'pendingTemplate'> & { removed?: Removed },
): CreateFrameworkRequest {
  const f = state.framework;
  const template = state.pendingTemplate?.id;
  const removed = state.removed && removedOf(state.removed);
  if (!template) {
    return {
      macro: f.macro,
      phases: f.phases,
      milestones: f.milestones,
      secondaryActions: f.secondaryActions,
      ...(removed ? { removed } : {}),
    };
  }
  // With a template whose rows the server supplies, only what the user added goes along:
  // an empty list here would otherwise read as "no phases".
  const request: CreateFrameworkRequest = { template };
  if (f.macro.name) request.macro = f.macro;
  if (f.phases.length) request.phases = f.phases;
  if (f.milestones.length) request.milestones = f.milestones;
  if (f.secondaryActions.length) request.secondaryActions = f.secondaryActions;
  if (removed) request.removed = removed;
  return request;
}
