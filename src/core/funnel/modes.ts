/**
 * How a funnel counts, as one value of the spec: the kind of funnel and, for the sequential
 * kind, ClickHouse's strict modes. Each kind is one file (sequential.ts, any-order.ts, open.ts)
 * that makes an EntityScan; MODES below picks one per call. Adding a mode is one file and one
 * line in MODES.
 */
import { anyOrderScan } from './any-order';
import type { Entries } from './entries';
import { openScan } from './open';
import type { Outcome } from './outcome';
import { sequentialScan } from './sequential';
import type { StepMatch } from './step-match';

export const STRICT_MODES = ['strict_order', 'strict_deduplication', 'strict_increase'] as const;
export type StrictMode = (typeof STRICT_MODES)[number];

export type FunnelMode =
  | { kind: 'sequential'; strict: StrictMode[] }
  | { kind: 'any order' }
  | { kind: 'open' };

/** What every scan is given, once per call. */
export interface ScanContext {
  stepCount: number;
  /** Milliseconds, Infinity for no limit. */
  windowMs: number;
  /** previous[k] = the last required step before step k (optional.ts). */
  previous: Int32Array;
  match: StepMatch;
  /** Each table row's event code. */
  eventCodes: Int32Array;
  /** Keep the time of every step of a chain (time columns, optional steps). */
  trackChain: boolean;
}

/** One mode: scans one entity's sorted entries (entries.ts) into its levels and times. */
export interface EntityScan {
  /** A row enters with its first step only (the mode matches rows to steps itself). */
  readonly firstStepOnly: boolean;
  scan(entries: Entries, out: Outcome): void;
}

type ScanMaker<K extends FunnelMode['kind']> = (
  mode: Extract<FunnelMode, { kind: K }>,
  context: ScanContext,
) => EntityScan;

const MODES: { [K in FunnelMode['kind']]: ScanMaker<K> } = {
  sequential: sequentialScan,
  'any order': anyOrderScan,
  open: openScan,
};

export function entityScan(mode: FunnelMode, context: ScanContext): EntityScan {
  return (MODES[mode.kind] as ScanMaker<FunnelMode['kind']>)(mode, context);
}

/** The option words that chose the mode, as the user writes them. */
export function modeWords(mode: FunnelMode): string[] {
  return mode.kind === 'sequential' ? [...mode.strict] : [mode.kind];
}

/** strict_order needs the rows of every event (a row that is no step ends a chain: strict-breaks.ts). */
export function needsEveryRow(mode: FunnelMode): boolean {
  return mode.kind === 'sequential' && mode.strict.includes('strict_order');
}
