/** Turns the planner's draft into createFramework's request (plain JSON, fractions for targets). */
import type { CreateFrameworkRequest } from '../core/framework/model';
import type { PlannerState } from './views/context';

export function createRequest(
  state: Pick<PlannerState, 'framework' | 'pendingTemplate'>,
): CreateFrameworkRequest {
  const f = state.framework;
  const template = state.pendingTemplate?.id;
  if (!template) {
    return {
      macro: f.macro,
      phases: f.phases,
      milestones: f.milestones,
      secondaryActions: f.secondaryActions,
    };
  }
  // With a template whose rows the server supplies, only what the user added goes along:
  // an empty list here would otherwise read as "no phases".
  const request: CreateFrameworkRequest = { template };
  if (f.macro.name) request.macro = f.macro;
  if (f.phases.length) request.phases = f.phases;
  if (f.milestones.length) request.milestones = f.milestones;
  if (f.secondaryActions.length) request.secondaryActions = f.secondaryActions;
  return request;
}
