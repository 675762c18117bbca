/**
 * A funnel as the table FUNNEL spills into the sheet: a header row, then one row per step.
 * Shares are fractions (the user formats them as %), times are days (format [h]:mm:ss).
 * A share or time with nothing to divide by (no previous step, or 0 entities before it) is a
 * blank cell "", never NaN or a misleading 0. Every row has the same width. An optional step's
 * "previous" is the last required step before it, and it has no drop-off.
 */
import { MS_PER_DAY } from '../table';
import { compareHeaders, compareSegments, type SegmentComparison } from './compare';
import { previousRequired } from './optional';
import type { FunnelBlock, FunnelResult } from './result';

export type Cell = string | number;

export const UNIT_HEADER = {
  users: 'Users',
  sessions: 'Sessions',
  events: 'Events',
  count: 'Count',
  rows: 'Rows',
} as const;

export const REPORT_RISE_NOTE =
  'more than the previous step: a report counts each step on its own, not paths';

/**
 * The Notes header on report data, whose shares are ratios of separate totals, not paths. The
 * planner's Dashboard compares this exact header to show report rates as warnings: keep it stable.
 */
export const REPORT_NOTES_HEADER = 'Notes (report counts, not paths)';

/** `compare`: with a breakdown, each segment's last step gets its test against the rest (compare.ts). */
export function layoutFunnel(result: FunnelResult, withTimes: boolean, compare = false): Cell[][] {
  const blocks = (result.breakdown?.blocks ?? [])
    .filter((b) => b.counts.some((c) => c > 0))
    .sort((a, b) => b.counts[1]! - a.counts[1]! || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const comparison =
    compare && result.breakdown ? compareSegments(blocks, result.total, result.unit) : undefined;
  const header: Cell[] = [];
  if (result.breakdown) header.push(result.breakdown.header);
  header.push(
    'Step',
    UNIT_HEADER[result.unit],
    'Share of first step',
    'Share of previous step',
    'Drop-off',
    'Drop-off share',
  );
  if (withTimes) header.push('Median time from previous step', 'Mean time from previous step');
  if (comparison) header.push(...compareHeaders(comparison.tested));
  header.push(result.report ? REPORT_NOTES_HEADER : 'Notes');
  const rows: Cell[][] = [header];
  if (result.breakdown) {
    for (const block of blocks) {
      const compared = comparison && (comparison.bySegment.get(block) ?? BLANK_COMPARISON);
      rows.push(...blockRows(result, block, block.label || '(blank)', withTimes, compared));
    }
    rows.push(...blockRows(result, result.total, 'Total', withTimes, comparison && BLANK_COMPARISON));
  } else {
    rows.push(...blockRows(result, result.total, undefined, withTimes));
  }
  return rows;
}

const BLANK_COMPARISON: SegmentComparison = { cells: ['', '', ''], note: '' };

function ratio(part: number, whole: number): Cell {
  return whole > 0 ? part / whole : '';
}

function blockRows(
  result: FunnelResult,
  block: FunnelBlock,
  label: string | undefined,
  withTimes: boolean,
  compared?: SegmentComparison,
): Cell[][] {
  const { counts, continued } = block;
  const previous = previousRequired(result.steps);
  return result.steps.map((step, index) => {
    const k = index + 1;
    const row: Cell[] = label === undefined ? [] : [label];
    const count = counts[k]!;
    row.push(step.label, count, ratio(count, counts[1]!));
    if (k === 1) row.push('', '', '');
    else {
      // Against the last required step; skipping an optional step is not a drop-off.
      const before = counts[previous[k]!]!;
      const lost = before - continued[k]!;
      row.push(ratio(continued[k]!, before), ...(step.optional ? ['', ''] : [lost, ratio(lost, before)]));
    }
    if (withTimes) {
      const deltas = k > 1 ? block.deltas?.[k] : undefined;
      row.push(...(deltas?.length ? [median(deltas) / MS_PER_DAY, mean(deltas) / MS_PER_DAY] : ['', '']));
    }
    const notes = [(block.notes ?? result.notes)[index]!];
    if (compared) {
      const onLast = k === result.steps.length;
      row.push(...(onLast ? compared.cells : BLANK_COMPARISON.cells));
      if (onLast) notes.push(compared.note);
    }
    if (result.report && k > 1 && count > counts[previous[k]!]!) notes.push(REPORT_RISE_NOTE);
    row.push(notes.filter((n) => n !== '').join('; '));
    return row;
  });
}

function median(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
