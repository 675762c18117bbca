/**
 * What the server returns is checked before use: the tabs are user-editable, so a
 * framework read back may hold numbers where text belongs, blanks, or odd priorities.
 */
import {
  type Finding,
  type Framework,
  type ItemRows,
  type MacroConversion,
  type MicroConversion,
  type Phase,
  PRIORITIES,
  type Priority,
  type ProcessMilestone,
  STATUSES,
  type Status,
  type TemplateSummary,
  type UnreadCells,
} from '../core/framework/model';
import { printUrl } from '../sheets/print-url';

type Loose = Record<string, unknown>;

export function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a.toLowerCase() === text(value).toLowerCase()) ?? fallback;
}

export function emptyMacro(): MacroConversion {
  return { name: '', eventName: '', valuePerConversion: null, targetRate: null, owner: '' };
}
export function emptyFramework(): Framework {
  return { macro: emptyMacro(), phases: [], milestones: [], secondaryActions: [] };
}
export function emptyMicro(): MicroConversion {
  return {
    name: '',
    eventName: '',
    metric: '',
    target: null,
    owner: '',
    priority: 'Medium',
    dataSource: '',
    status: 'Planned',
  };
}

function macroFrom(raw: unknown): MacroConversion {
  const r = record(raw);
  return {
    name: text(r.name),
    eventName: text(r.eventName),
    valuePerConversion: numberOrNull(r.valuePerConversion),
    targetRate: numberOrNull(r.targetRate),
    owner: text(r.owner),
  };
}
function phaseFrom(raw: unknown): Phase {
  const r = record(raw);
  return { name: text(r.name), customerGoal: text(r.customerGoal) };
}
function microFrom(raw: unknown): MicroConversion {
  const r = record(raw);
  return {
    name: text(r.name),
    eventName: text(r.eventName),
    metric: text(r.metric),
    target: numberOrNull(r.target),
    owner: text(r.owner),
    priority: oneOf<Priority>(r.priority, PRIORITIES, 'Medium'),
    dataSource: text(r.dataSource),
    status: oneOf<Status>(r.status, STATUSES, 'Planned'),
  };
}
function milestoneFrom(raw: unknown): ProcessMilestone {
  return { ...microFrom(raw), phase: text(record(raw).phase) };
}

export function frameworkFrom(raw: unknown): Framework {
  const r = record(raw);
  return {
    macro: macroFrom(r.macro),
    phases: list(r.phases).map(phaseFrom),
    milestones: list(r.milestones).map(milestoneFrom),
    secondaryActions: list(r.secondaryActions).map(microFrom),
  };
}

/** readFramework's sheet row of each item; a list that is missing or holds non-numbers reads as none. */
export function rowsFrom(raw: unknown): ItemRows {
  const rows = record(record(raw).rows);
  const numbers = (value: unknown) => {
    const items = list(value);
    return items.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1)
      ? (items as number[])
      : [];
  };
  return {
    phases: numbers(rows.phases),
    milestones: numbers(rows.milestones),
    secondaryActions: numbers(rows.secondaryActions),
  };
}

/** readFramework's unread cells per item; anything malformed reads as none. */
export function unreadFrom(raw: unknown): UnreadCells {
  const unread = record(record(raw).unread);
  const cells = (value: unknown) => list(value).map((item) => ({ ...record(item) }));
  return {
    macro: cells(unread.macro),
    phases: cells(unread.phases),
    milestones: cells(unread.milestones),
    secondaryActions: cells(unread.secondaryActions),
  };
}

/** readFramework may answer null (no tabs yet) or an empty framework: both mean "start at step 1". */
export function isEmptyFramework(f: Framework): boolean {
  return (
    !f.macro.name &&
    !f.macro.eventName &&
    f.phases.length + f.milestones.length + f.secondaryActions.length === 0
  );
}

/** A template; `framework` is there when listTemplates sends the content, not only the summary. */
export interface TemplateChoice extends TemplateSummary {
  framework?: Framework;
}

export function templatesFrom(raw: unknown): TemplateChoice[] {
  return list(raw)
    .map(record)
    .filter((t) => text(t.id) !== '')
    .map((t) => ({
      id: text(t.id),
      name: text(t.name) || text(t.id),
      description: text(t.description),
      ...(t.framework ? { framework: frameworkFrom(t.framework) } : {}),
    }));
}

/** checkFramework's findings, errors first (the order within each severity is the server's). */
export function findingsFrom(raw: unknown): Finding[] {
  const items = Array.isArray(raw) ? raw : list(record(raw).findings);
  const findings: Finding[] = items.map(record).map((f) => ({
    severity: f.severity === 'error' ? 'error' : 'warning',
    message: text(f.message),
    ...(text(f.sheet) ? { sheet: text(f.sheet) } : {}),
    ...(text(f.a1) ? { a1: text(f.a1) } : {}),
  }));
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity === 'warning'),
  ];
}

/** The PDF address from getPrintInfo: its `url`, or one built from the ids (see notes/apps-script.md). */
export function printUrlFrom(raw: unknown): string | undefined {
  const r = record(raw);
  const given = typeof raw === 'string' ? raw : text(r.url);
  if (given) return /^https?:\/\//i.test(given) ? given : undefined;
  const id = text(r.spreadsheetId);
  const gid = r.sheetId ?? r.gid;
  if (!/^[\w-]+$/.test(id) || typeof gid !== 'number') return undefined;
  return printUrl(id, gid);
}
