import type { Framework } from './model';
import { nameKey } from './names';
import { asText } from './values';

/**
 * The FUNNEL steps of a framework: the milestones' event names in phase order (phases in
 * their order, milestones within a phase in their order), then the macro's event.
 * A milestone whose phase is not on the list, or whose event name is blank, is left out
 * (the check reports both), as are phases without a name. An event name already taken by an earlier step is dropped,
 * keeping its first place, and one equal to the macro's event is dropped so the macro
 * stays last: a funnel step counts an event once. Names are compared exactly after
 * trimming, as GA4 event names are case-sensitive.
 */
export function funnelSteps(framework: Framework): string[] {
  const macroEvent = asText(framework.macro?.eventName).trim();
  const steps: string[] = [];
  const taken = new Set<string>([macroEvent]);
  for (const phase of framework.phases ?? []) {
    const key = nameKey(asText(phase?.name));
    if (key === '') continue;
    for (const milestone of framework.milestones ?? []) {
      const event = asText(milestone?.eventName).trim();
      if (nameKey(asText(milestone?.phase)) !== key || event === '' || taken.has(event)) continue;
      taken.add(event);
      steps.push(event);
    }
  }
  if (macroEvent !== '') steps.push(macroEvent);
  return steps;
}
