/**
 * Optional steps (`[add_to_wishlist]`): the entity may skip them. Each step's "previous step"
 * is the last required step before it: a required step extends a chain that reached it or any
 * optional step in between, and its share of previous is taken against it.
 */
import { UserError } from '../errors';
import type { Step } from '../table';
import { type FunnelMode, needsEveryRow } from './modes';

/** previous[k] = the last required step before step k (1-based), 0 for the first step. */
export function previousRequired(steps: readonly Step[]): Int32Array {
  const previous = new Int32Array(steps.length + 1);
  let required = 0;
  steps.forEach((step, index) => {
    previous[index + 1] = required;
    if (!step.optional) required = index + 1;
  });
  return previous;
}

/** Throws when the optional steps cannot mean anything with these options. */
export function checkOptionalSteps(steps: readonly Step[], mode: FunnelMode): void {
  const optional = steps.filter((s) => s.optional);
  if (optional.length === 0) return;
  const named = `step "${optional[0]!.label}" is optional (in square brackets)`;
  const strictOrder = needsEveryRow(mode);
  if (mode.kind === 'any order' || strictOrder) {
    const option = strictOrder ? 'strict_order' : 'any order';
    throw new UserError(
      `${named}, which "${option}" cannot honour (${
        strictOrder ? 'a skipped step would end the chain' : 'every step counts there, in any order'
      }): remove the brackets or the option.`,
    );
  }
  const ends = [steps[0]!, steps[steps.length - 1]!].find((s) => s.optional);
  if (ends) {
    throw new UserError(
      `step "${ends.label}" is optional (in square brackets), but a funnel starts and ends with a required step: ` +
        'remove the brackets, or put the step between two required ones.',
    );
  }
}
