/**
 * The funnel's entry step: the first milestone in funnel order. It has no step before it to be a
 * share of, so a target on it can never be measured. The planner says so once, on that
 * milestone; the Dashboard leaves its status blank rather than showing a status forever.
 */
import { funnelSteps } from '../core/framework/funnel-steps';
import type { Framework } from '../core/framework/model';

export const ENTRY_TARGET_NOTE =
  'The funnel starts here, with no step before it: this target can never be measured.';

/**
 * The index of the entry milestone, or -1 when the funnel has no milestone step. As on the
 * Dashboard, the first milestone (in list order) with the first step's event is the one.
 */
export function entryMilestone(framework: Framework): number {
  const steps = funnelSteps(framework);
  if (steps.length < 2) return -1; // only the macro's step, or none
  return framework.milestones.findIndex((m) => m.eventName.trim() === steps[0]);
}
