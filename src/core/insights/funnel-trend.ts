/**
 * FUNNEL_TREND: the funnel's conversion per entry period, as GA4's trended funnel shows it.
 * Each entity counts in the period of its entry (the step-1 row of the chain FUNNEL counts),
 * so the periods add up to FUNNEL's own counts. The funnel itself is FUNNEL's engine, run once
 * with the entry period as its breakdown column: one source of truth for the semantics.
 *
 * Periods are calendar days of the spreadsheet's time zone. The reading layer reads every
 * timestamp as an instant (text without a zone in the spreadsheet's zone, as the sheet shows it),
 * and each is put back on the spreadsheet's wall clock here, so an event at 23:30 in New York stays
 * on its day whether its cell is a Date or text. Without a zone, everything is UTC.
 *
 * A step the data lacks is explained exactly as FUNNEL explains it (the same notes, from the same
 * engine), in a last `Notes` column: the notes are about steps, not periods, so they all go on the
 * first row, one line per step, and the table stays a rectangle a chart can read.
 */
import { UserError } from '../errors';
import { eventFunnel, type FunnelSpec, neededEvents, readFunnelSpec } from '../funnel';
import {
  type ColumnValues,
  type EventTable,
  MS_PER_DAY,
  readEventTable,
  timeZone as zoneNamed,
} from '../table';
import { type Period, periodNumber, periodStartText } from './periods';

/** More periods than this is almost surely a bad timestamp (or "day" over decades). */
const MAX_PERIODS = 5000;

const PERIOD_HEADER: Record<Period, string> = {
  day: 'Day',
  week: 'Week starting (Monday)',
  month: 'Month starting',
};

export function funnelTrend(
  data: unknown,
  steps: unknown,
  window: unknown,
  period: Period,
  options: unknown,
  /** The spreadsheet's time zone (an IANA name); none means UTC. */
  timeZone?: string,
): (string | number)[][] {
  const spec = readFunnelSpec(steps, window, options);
  if (spec.breakdown !== undefined || spec.time) {
    throw new UserError(
      `option "${spec.time ? 'time' : 'breakdown='}" is not available in FUNNEL_TREND, whose rows are the periods: ` +
        'use FUNNEL for it.',
    );
  }
  const table = readEventTable(data, {
    columns: spec.columns,
    bySession: spec.bySession,
    timeZone,
    keepEvent: neededEvents(spec),
  });
  const zone = zoneNamed(timeZone);
  const { column, count } = periodColumn(table, period, zone ? (ms) => zone.offsetAt(ms) : undefined);
  const result = eventFunnel({ ...table, extras: [column] }, {
    ...spec,
    breakdown: column.header,
  } as FunnelSpec);
  const blocks = new Map((result.breakdown?.blocks ?? []).map((b) => [b.label, b]));

  const stepCount = spec.steps.length;
  const rows: (string | number)[][] = [
    [
      PERIOD_HEADER[period],
      ...spec.steps.map((s, i) => (i === 0 ? `${s.label} (entrants)` : s.label)),
      'Conversion (last step / first)',
      'Notes',
    ],
  ];
  // Every period from the first to the last with entrants, gaps included (a chart needs them).
  const labels = column.values;
  let from = 0;
  let to = count - 1;
  while (from <= to && !blocks.has(labels[from]!)) from++;
  while (to >= from && !blocks.has(labels[to]!)) to--;
  const noEntrants = new Array<number>(stepCount + 1).fill(0);
  for (let p = from; p <= to; p++) {
    const counts = blocks.get(labels[p]!)?.counts ?? noEntrants;
    const entrants = counts[1]!;
    rows.push([labels[p]!, ...counts.slice(1), entrants > 0 ? counts[stepCount]! / entrants : '', '']);
  }
  const notes = trendNotes(spec.steps, result.notes);
  // Without entrants (the first step is missing) a row of zeros carries the notes.
  if (notes !== '' && rows.length === 1) rows.push(['', ...noEntrants.slice(1), '', '']);
  if (rows.length > 1) rows[1]![rows[1]!.length - 1] = notes;
  return rows;
}

/** FUNNEL's notes, one line per step that has one, each naming its step. */
function trendNotes(steps: FunnelSpec['steps'], notes: readonly string[]): string {
  return steps
    .map((step, i) => (notes[i] ? `Step ${i + 1} (${step.label}): ${notes[i]}` : ''))
    .filter((line) => line !== '')
    .join('\n');
}

/** Each row's period as a breakdown column whose values are every period in order. */
function periodColumn(
  table: EventTable,
  period: Period,
  zoneOffset?: (epochMs: number) => number,
): { column: ColumnValues; count: number } {
  const { times } = table;
  const numbers = new Float64Array(times.length);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let lastDay = Number.NaN;
  let lastNumber = 0;
  for (let row = 0; row < times.length; row++) {
    // The zone asks Intl once per hour of data, not once per row.
    const wallClock = zoneOffset ? times[row]! + zoneOffset(times[row]!) : times[row]!;
    const day = Math.floor(wallClock / MS_PER_DAY);
    // Rows come in runs of the same day: compute a period once per run.
    if (day !== lastDay) {
      lastDay = day;
      lastNumber = periodNumber(wallClock, period);
    }
    numbers[row] = lastNumber;
    if (lastNumber < first) first = lastNumber;
    if (lastNumber > last) last = lastNumber;
  }
  const count = last - first + 1;
  if (count > MAX_PERIODS) {
    throw new UserError(
      `data spans ${count} ${period}s (${periodStartText(first, period)} to ${periodStartText(last, period)}), ` +
        `more than ${MAX_PERIODS}: check the timestamps, or choose a longer period ("week", "month").`,
    );
  }
  const codes = new Int32Array(times.length);
  for (let row = 0; row < times.length; row++) codes[row] = numbers[row]! - first;
  const values = Array.from({ length: count }, (_, i) => periodStartText(first + i, period));
  return { column: { header: PERIOD_HEADER[period], codes, values }, count };
}
