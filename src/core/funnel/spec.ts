/**
 * What a FUNNEL call asks for, read from its arguments: the steps, the window and the
 * option words, checked against each other so that a combination that cannot mean
 * anything is an error rather than a silently ignored word.
 */
import { UserError } from '../errors';
import {
  type ColumnOverrides,
  parseOptions,
  parseSteps,
  parseWindow,
  type Step,
  singleOption,
} from '../table';
import { type FunnelMode, modeWords, STRICT_MODES } from './modes';
import { checkOptionalSteps } from './optional';

export interface FunnelSpec {
  steps: Step[];
  /** Milliseconds, Infinity for no limit. */
  windowMs: number;
  /** True when the user gave a window (a report cannot honour one). */
  hasWindow: boolean;
  /** Sequential (with ClickHouse's strict modes), any order or open: modes.ts. */
  mode: FunnelMode;
  bySession: boolean;
  /** Add median and mean time from the previous step. */
  time: boolean;
  /** Event names whose presence inside an entity's chain drops the entity. */
  exclude: string[];
  breakdown?: string;
  /** Test each breakdown segment's conversion against all other entities (compare.ts). */
  compare?: boolean;
  columns: ColumnOverrides;
}

export const FUNNEL_OPTIONS = {
  flags: [...STRICT_MODES, 'any order', 'open', 'by session', 'time', 'compare'],
  keys: ['exclude', 'breakdown', 'user', 'session', 'event', 'time', 'count'],
} as const;

/** Reads FUNNEL's steps, window and options arguments. Throws a UserError on a bad one. */
export function readFunnelSpec(steps: unknown, window: unknown, options: unknown): FunnelSpec {
  const parsed = parseOptions(options, FUNNEL_OPTIONS);
  const flag = (name: string) => parsed.flags.has(name);
  if (flag('any order') && flag('open')) {
    throw new UserError('options "any order" and "open" cannot be combined: choose one of them.');
  }
  const order = flag('any order') ? 'any order' : flag('open') ? 'open' : 'sequential';
  const strict = STRICT_MODES.filter(flag);
  if (order !== 'sequential' && strict.length) {
    throw new UserError(
      `option "${strict[0]}" refines the default (sequential) funnel and cannot be combined with "${order}": ` +
        'remove one of them.',
    );
  }
  const mode: FunnelMode = order === 'sequential' ? { kind: order, strict } : { kind: order };
  if (order === 'open' && flag('time')) {
    throw new UserError(
      'option "time" measures each entity\'s chain of steps, but an "open" funnel counts each step on its own: ' +
        'remove one of them.',
    );
  }
  const columns: ColumnOverrides = {};
  for (const key of ['user', 'session', 'event', 'time', 'count'] as const) {
    const value = singleOption(parsed, key);
    if (value !== undefined) columns[key] = value;
  }
  const breakdown = singleOption(parsed, 'breakdown');
  if (flag('compare')) checkCompare(breakdown, order);
  const stepList = parseSteps(steps);
  checkOptionalSteps(stepList, mode);
  const spec: FunnelSpec = {
    steps: stepList,
    windowMs: parseWindow(window),
    hasWindow: Number.isFinite(parseWindow(window)),
    mode,
    bySession: flag('by session'),
    time: flag('time'),
    exclude: parsed.values.get('exclude') ?? [],
    compare: flag('compare'),
    columns,
  };
  if (breakdown !== undefined) spec.breakdown = breakdown;
  return spec;
}

/** "compare" tests segments' conversion from the first step to the last: it needs both. */
function checkCompare(breakdown: string | undefined, order: FunnelMode['kind']): void {
  if (breakdown === undefined) {
    throw new UserError(
      'option "compare" compares the segments of a breakdown: add breakdown=<column> (e.g. breakdown=device), or remove "compare".',
    );
  }
  if (order === 'open') {
    throw new UserError(
      'option "compare" tests each segment\'s conversion from the first step to the last, which an "open" funnel does not ' +
        'measure (anyone may enter at any step): remove one of them.',
    );
  }
}

/**
 * The options that need times, in the order they are named in errors: a table of one row per
 * session or lead with TRUE/FALSE columns (flags.ts) has none, but has paths (any order, open and
 * compare work on it).
 */
export function timedOptions(spec: FunnelSpec): string[] {
  return optionsBeyond(spec, true);
}

/** The options that need event rows, in the order they are named in errors. */
export function eventOnlyOptions(spec: FunnelSpec): string[] {
  return optionsBeyond(spec, false);
}

/** The options a table without times cannot honour; without paths either (a report), more. */
function optionsBeyond(spec: FunnelSpec, hasPaths: boolean): string[] {
  const used: string[] = [];
  if (spec.hasWindow) used.push('a window');
  const modes = !hasPaths ? modeWords(spec.mode) : spec.mode.kind === 'sequential' ? spec.mode.strict : [];
  used.push(...modes.map((word) => `"${word}"`));
  if (spec.bySession) used.push('"by session"');
  if (spec.time) used.push('"time"');
  if (spec.exclude.length) used.push('"exclude="');
  if (!hasPaths && spec.compare) used.push('"compare"');
  return used;
}
