/**
 * checkFramework: the framework's rules (from the Micro Conversion Framework's steps and
 * considerations) as findings with plain messages, each placed on its cell by the locator.
 *
 * Errors break the framework or its funnel; warnings leave the plan incomplete.
 * - Macro: exactly one, with a name and a measurable event (the model holds one; the table
 *   reader reports extra macro rows).
 * - Phases: at least one; each named, once, with at least one milestone.
 * - Milestones: each named, in a phase on the list, with a measurable event name.
 * - Count: 3 to 5 process milestones per macro (warning). The "3-5 micro-conversions per
 *   macro goal" of a measurement plan counts the milestones, the steps of the funnel that
 *   get targets; secondary actions are proxies off the path and are not counted.
 * - Secondary actions: each named, with a measurable event name.
 * - Targets: numbers between 0 and 1 (error); a missing target is a warning.
 * - Owners: a missing owner is a warning.
 * - Duplicates: no two milestones or secondary actions share a name or an event name
 *   (case ignored), and none uses the macro's event.
 * - Priority: process milestones come first, so a secondary action ranked above the
 *   lowest-ranked milestone is a warning.
 * Phases framed from the customer's side cannot be checked by a program and are not.
 */
import type {
  CellRef,
  Finding,
  Framework,
  Locator,
  MicroConversion,
  Priority,
  Severity,
  Unread,
} from './model';
import { PRIORITIES } from './model';
import { eventNameAdvice, isEventName, isSnakeCase, nameKey, suggestEventName } from './names';
import { asText, readFraction, showValue } from './values';

type Table = CellRef['table'];

const RANK: Record<Priority, number> = { High: 3, Medium: 2, Low: 1 };

const EXAMPLE_OWNER = 'e.g. "E-commerce manager"';

/** The fields checkEvent reads, shared by the macro, milestones and secondary actions. */
type MicroRow = { name: string; eventName: string };

/** Records one finding about a cell of the framework. */
type Report = (severity: Severity, message: string, table: Table, index: number, field: string) => void;

/** How a row is named in a message: by its name, or by its position when it has none. */
function rowName(kind: string, name: string, index: number): string {
  return name.trim() !== '' ? `${kind} "${name.trim()}"` : `${kind} ${index + 1} (no name)`;
}

/** A value in a message; a number that is not finite reads as such, never "NaN". */
const shown = (value: unknown): string =>
  typeof value === 'number' && !Number.isFinite(value) ? '"not a number"' : showValue(value);

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The framework with every text field made a string and every list an array, so that a
 * framework that arrived as loose JSON is checked rather than crashing the check.
 */
function withTextFields(framework: Framework): Framework {
  const list = <T>(items: T[] | undefined): Record<string, unknown>[] =>
    Array.isArray(items) ? items.map((item) => (typeof item === 'object' && item !== null ? item : {})) : [];
  const micro = (item: Record<string, unknown>) => ({
    ...(item as unknown as MicroConversion),
    name: asText(item.name),
    eventName: asText(item.eventName),
    owner: asText(item.owner),
  });
  const macro = (framework?.macro ?? {}) as unknown as Record<string, unknown>;
  return {
    macro: {
      name: asText(macro.name),
      eventName: asText(macro.eventName),
      valuePerConversion: (macro.valuePerConversion ?? null) as number | null,
      targetRate: (macro.targetRate ?? null) as number | null,
      owner: asText(macro.owner),
    },
    phases: list(framework?.phases).map((phase) => ({
      name: asText(phase.name),
      customerGoal: asText(phase.customerGoal),
    })),
    milestones: list(framework?.milestones).map((item) => ({ ...micro(item), phase: asText(item.phase) })),
    secondaryActions: list(framework?.secondaryActions).map(micro),
  };
}

/**
 * The findings, one per problem. `unread` names the cells whose reading already gave a finding
 * (see Unread): no rule judges them again, so `150%` in a target is "above 100%" alone, never
 * also "has no target".
 */
export function checkFramework(input: Framework, locate?: Locator, unread: Unread = () => false): Finding[] {
  const framework = withTextFields(input);
  const findings: Finding[] = [];
  const report: Report = (severity, message, table, index, field) => {
    if (unread({ table, index, field })) return;
    const place = locate?.({ table, index, field });
    findings.push(place ? { severity, message, sheet: place.sheet, a1: place.a1 } : { severity, message });
  };
  checkMacro(framework, report);
  checkPhases(framework, report, unread);
  checkMilestones(framework, report, unread);
  checkMilestoneCount(framework, report);
  checkSecondaryActions(framework, report);
  checkDuplicates(framework, report);
  checkPriorities(framework, report, unread);
  return findings;
}

/** The event name must be something GA4 can record; the fix offers a snake_case name. */
function checkEvent(report: Report, label: string, row: MicroRow, table: Table, index: number): void {
  const event = row.eventName.trim();
  const suggestion = suggestEventName(event !== '' ? event : row.name);
  const example = suggestion !== '' ? ` such as "${suggestion}"` : '';
  const subject = capitalise(label);
  if (event === '') {
    report(
      'error',
      `${subject} has no event name, so it cannot be measured: enter the analytics event that records it${example}.`,
      table,
      index,
      'eventName',
    );
  } else if (!isEventName(event)) {
    report('error', `${subject}: ${eventNameAdvice(event, row.name)}`, table, index, 'eventName');
  } else if (!isSnakeCase(event)) {
    report(
      'warning',
      `${subject} has the event name "${event}"; GA4 event names are case-sensitive and written in lower-case snake_case: use "${suggestion}" unless your tracking sends "${event}" exactly.`,
      table,
      index,
      'eventName',
    );
  }
}

/** A target is a fraction in [0, 1]; a missing one leaves the plan without a yardstick. */
function checkRate(
  report: Report,
  label: string,
  value: unknown,
  table: Table,
  index: number,
  field: string,
): void {
  if (value === null || value === undefined || value === '') {
    report(
      'warning',
      `${capitalise(label)} has no target: set the rate you aim for as a percentage, e.g. 25%.`,
      table,
      index,
      field,
    );
  } else if (typeof value !== 'number' || !Number.isFinite(value)) {
    report(
      'error',
      `${capitalise(label)} has the target ${shown(value)}, which is not a rate between 0 and 1: write a fraction such as 0.25 or a percentage such as 25%.`,
      table,
      index,
      field,
    );
  } else {
    // A number is judged by the one rule that reads rates in the tabs and the sidebar alike.
    const { problem } = readFraction(value);
    if (problem !== undefined)
      report('error', `${capitalise(label)}, target: ${problem}`, table, index, field);
  }
}

function checkOwner(report: Report, label: string, owner: string, table: Table, index: number): void {
  if (owner.trim() !== '') return;
  report(
    'warning',
    `${capitalise(label)} has no owner: name the role accountable for it, ${EXAMPLE_OWNER}.`,
    table,
    index,
    'owner',
  );
}

/** Step 1: one macro conversion, named, measurable, with a sensible value, target and owner. */
function checkMacro({ macro }: Framework, report: Report): void {
  const label =
    macro.name.trim() !== '' ? `the macro conversion "${macro.name.trim()}"` : 'the macro conversion';
  if (macro.name.trim() === '') {
    report(
      'error',
      'The macro conversion has no name: name the one business outcome you want more customers to reach, e.g. "Complete an order".',
      'macro',
      0,
      'name',
    );
  }
  checkEvent(report, label, macro, 'macro', 0);
  const value = macro.valuePerConversion;
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    report(
      'error',
      `${capitalise(label)} has the value ${shown(value)}: enter what one conversion is worth as a number of 0 or more, or leave it blank.`,
      'macro',
      0,
      'valuePerConversion',
    );
  }
  checkRate(report, label, macro.targetRate, 'macro', 0, 'targetRate');
  checkOwner(report, label, macro.owner, 'macro', 0);
}

/** The phase names as a list for messages: "Look", "Buy". */
function phaseList(framework: Framework): string {
  return framework.phases
    .map((phase) => phase.name.trim())
    .filter((name) => name !== '')
    .map((name) => `"${name}"`)
    .join(', ');
}

/** Step 2: at least one phase; each named once and holding at least one milestone. */
function checkPhases(framework: Framework, report: Report, unread: Unread): void {
  const milestonesKnown = !unread({ table: 'milestones', index: -1, field: 'phase' });
  const keys = framework.phases.map((phase) => nameKey(phase.name));
  if (framework.phases.length === 0) {
    report(
      'error',
      'There are no phases: add the stages your customer goes through, named from the customer\'s side, e.g. "Explore the range", "Choose a product", "Check out".',
      'phases',
      0,
      'name',
    );
  }
  framework.phases.forEach((phase, index) => {
    const key = keys[index]!;
    const name = phase.name.trim();
    if (key === '') {
      report(
        'error',
        `Phase ${index + 1} has no name: name the stage from the customer's side, e.g. "Compare options", or delete the row.`,
        'phases',
        index,
        'name',
      );
    } else if (keys.indexOf(key) < index) {
      report(
        'error',
        `Phase "${name}" is listed twice: give each phase its own name, or delete the repeat.`,
        'phases',
        index,
        'name',
      );
    } else if (
      milestonesKnown &&
      !framework.milestones.some((milestone) => nameKey(milestone.phase) === key)
    ) {
      report(
        'error',
        `Phase "${name}" has no process milestone: add at least one measurable action the customer takes in it on the Milestones tab, or remove the phase.`,
        'phases',
        index,
        'name',
      );
    }
  });
}

/** Step 3: each milestone named, in a listed phase, measurable, with a target and an owner. */
function checkMilestones(framework: Framework, report: Report, unread: Unread): void {
  const phasesKnown = !unread({ table: 'phases', index: -1, field: 'name' });
  const keys = new Set(framework.phases.map((phase) => nameKey(phase.name)));
  const phases = phaseList(framework);
  framework.milestones.forEach((milestone, index) => {
    const label = rowName('milestone', milestone.name, index);
    if (milestone.name.trim() === '') {
      report(
        'error',
        `Milestone ${index + 1} has no name: describe the action the customer takes, e.g. "Add a product to the cart".`,
        'milestones',
        index,
        'name',
      );
    }
    const phase = milestone.phase.trim();
    if (phase === '') {
      report(
        'error',
        `${capitalise(label)} names no phase: pick the phase it belongs to${phases ? ` (${phases})` : ', after adding phases on the Phases tab'}.`,
        'milestones',
        index,
        'phase',
      );
    } else if (phasesKnown && !keys.has(nameKey(phase))) {
      report(
        'error',
        `${capitalise(label)} is in phase "${phase}", which is not on the Phases tab: pick one of ${phases || 'the phases (none yet)'}, or add "${phase}" as a phase.`,
        'milestones',
        index,
        'phase',
      );
    }
    checkEvent(report, label, milestone, 'milestones', index);
    checkRate(report, label, milestone.target, 'milestones', index, 'target');
    checkOwner(report, label, milestone.owner, 'milestones', index);
  });
}

/** "3-5 micro-conversions per macro goal", counting the process milestones (see the header). */
function checkMilestoneCount(framework: Framework, report: Report): void {
  const count = framework.milestones.length;
  const macro = framework.macro.name.trim();
  const macroName = macro !== '' ? `"${macro}"` : 'the macro conversion';
  if (count < 3) {
    report(
      'warning',
      `There ${count === 1 ? 'is 1 process milestone' : `are ${count} process milestones`} for ${macroName}; a measurement plan tracks 3 to 5: add the steps customers must take on the way.`,
      'milestones',
      count,
      'name',
    );
  } else if (count > 5) {
    report(
      'warning',
      `There are ${count} process milestones for ${macroName}; a measurement plan tracks 3 to 5: keep the steps you can most directly influence and drop or merge the others.`,
      'milestones',
      5,
      'name',
    );
  }
}

/** Step 4: each secondary action named, measurable, with a target and an owner. */
function checkSecondaryActions(framework: Framework, report: Report): void {
  framework.secondaryActions.forEach((action, index) => {
    const label = rowName('secondary action', action.name, index);
    if (action.name.trim() === '') {
      report(
        'error',
        `Secondary action ${index + 1} has no name: describe the action, e.g. "Share an article".`,
        'secondaryActions',
        index,
        'name',
      );
    }
    checkEvent(report, label, action, 'secondaryActions', index);
    checkRate(report, label, action.target, 'secondaryActions', index, 'target');
    checkOwner(report, label, action.owner, 'secondaryActions', index);
  });
}

/**
 * No name or event twice among milestones and secondary actions (case ignored), and none with
 * the macro's event. Milestones come first, so the later row (usually the secondary action) is flagged.
 */
function checkDuplicates(framework: Framework, report: Report): void {
  const rows: { table: Table; kind: string; index: number; item: MicroConversion }[] = [
    ...framework.milestones.map((item, index) => ({
      table: 'milestones' as const,
      kind: 'milestone',
      index,
      item,
    })),
    ...framework.secondaryActions.map((item, index) => ({
      table: 'secondaryActions' as const,
      kind: 'secondary action',
      index,
      item,
    })),
  ];
  const macroEvent = framework.macro.eventName.trim().toLowerCase();
  rows.forEach((row, position) => {
    const label = capitalise(rowName(row.kind, row.item.name, row.index));
    const earlier = rows.slice(0, position);
    const name = nameKey(row.item.name);
    const sameName = name === '' ? undefined : earlier.find((other) => nameKey(other.item.name) === name);
    if (sameName) {
      report(
        'error',
        `${label} appears twice (also as a ${sameName.kind}): give each action its own name, or delete the repeat.`,
        row.table,
        row.index,
        'name',
      );
    }
    const eventName = row.item.eventName.trim();
    const event = eventName.toLowerCase();
    if (event === '') return;
    if (event === macroEvent) {
      report(
        'error',
        `${label} uses the macro conversion's event "${eventName}": the macro ends the funnel by itself, so give this ${row.kind} the event of its own action.`,
        row.table,
        row.index,
        'eventName',
      );
      return;
    }
    const sameEvent = earlier.find((other) => other.item.eventName.trim().toLowerCase() === event);
    if (sameEvent) {
      const other = rowName(sameEvent.kind, sameEvent.item.name, sameEvent.index);
      const fix =
        sameEvent.kind !== row.kind
          ? 'an action is either a step on the path (milestone) or a proxy (secondary action), not both: delete one of them, or give this one its own event'
          : 'the funnel cannot tell them apart: give each its own event, or delete the repeat';
      report(
        'error',
        `${label} uses the event "${eventName}", as ${other} does: ${fix}.`,
        row.table,
        row.index,
        'eventName',
      );
    }
  });
}

/**
 * "Prioritize Process Milestones over Secondary Actions": no secondary action may rank above
 * the lowest-ranked milestone (equal is fine). Rows with an unknown priority are left out.
 */
function checkPriorities(framework: Framework, report: Report, unread: Unread): void {
  // A priority that did not read stands as its fallback (Medium): it ranks nothing.
  const ranked = framework.milestones.filter(
    (milestone, index) =>
      RANK[milestone.priority] !== undefined && !unread({ table: 'milestones', index, field: 'priority' }),
  );
  if (ranked.length === 0) return;
  const lowest = ranked.reduce((low, milestone) =>
    RANK[milestone.priority] < RANK[low.priority] ? milestone : low,
  );
  const floor = RANK[lowest.priority];
  const allowed = PRIORITIES.filter((priority) => RANK[priority] <= floor).join(' or ');
  const milestone = rowName('milestone', lowest.name, framework.milestones.indexOf(lowest));
  framework.secondaryActions.forEach((action, index) => {
    if (!((RANK[action.priority] ?? 0) > floor)) return;
    report(
      'warning',
      `${capitalise(rowName('secondary action', action.name, index))} has priority ${action.priority}, above ${milestone} (${lowest.priority}); process milestones come first because they drive the macro conversion directly: set this action to ${allowed}, or raise the milestone.`,
      'secondaryActions',
      index,
      'priority',
    );
  });
}
