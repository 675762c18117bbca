/**
 * FUNNEL's engine: `funnel(data, steps, window, options)` returns the output table.
 * Event rows go through event-funnel.ts (grouping by entity, breakdowns), which runs each
 * entity through entity-funnel.ts and the mode's scan (modes.ts: sequential.ts, ClickHouse
 * windowFunnel with a row filling one step; any-order.ts; open.ts); a report export goes
 * through report-funnel.ts (sums of its count column). layout.ts shapes the result.
 */
import { UserError } from '../errors';
import { quotedList, readTable, reportColumnsText } from '../table';
import { neededEvents } from './entity-funnel';
import { eventFunnel } from './event-funnel';
import { flagFunnel } from './flag-funnel';
import { type Cell, layoutFunnel } from './layout';
import { reportFunnel } from './report-funnel';
import { eventOnlyOptions, readFunnelSpec, timedOptions } from './spec';

export { type Cell, layoutFunnel } from './layout';
export type { FunnelBlock, FunnelResult } from './result';
export { FUNNEL_OPTIONS, type FunnelSpec, readFunnelSpec } from './spec';
export { eventFunnel, neededEvents, reportFunnel };

/** `timeZone`: the spreadsheet's (an IANA name), for timestamps written without a zone; none: UTC. */
export function funnel(
  data: unknown,
  steps: unknown,
  window?: unknown,
  options?: unknown,
  timeZone?: string,
): Cell[][] {
  const spec = readFunnelSpec(steps, window, options);
  const table = readTable(data, {
    timeZone,
    columns: spec.columns,
    bySession: spec.bySession,
    steps: spec.steps,
    extraColumns: spec.breakdown === undefined ? [] : [spec.breakdown],
    keepEvent: neededEvents(spec),
  });
  if (table.kind === 'aggregated') {
    const used = eventOnlyOptions(spec);
    if (used.length) {
      throw new UserError(
        `${used.join(', ')} ${used.length > 1 ? 'need' : 'needs'} event rows (one row per event with a user or ` +
          `session id and a timestamp), but data is a report (${reportColumnsText(table.columns)}), which only has totals per step. Remove ${used.length > 1 ? 'them' : 'it'} or use event rows.`,
      );
    }
    return layoutFunnel(reportFunnel(table, spec), false);
  }
  if (table.kind === 'flags') {
    const used = timedOptions(spec);
    if (used.length) {
      throw new UserError(
        `${used.join(', ')} ${used.length > 1 ? 'need' : 'needs'} times (event rows: one row per event with a user or ` +
          `session id and a timestamp), but data has one row per session or lead with TRUE/FALSE columns ` +
          `(step columns ${quotedList(table.columns.steps)}), which has no times. ` +
          `Remove ${used.length > 1 ? 'them' : 'it'} or use event rows.`,
      );
    }
    return layoutFunnel(flagFunnel(table, spec), false, spec.compare);
  }
  return layoutFunnel(eventFunnel(table, spec), spec.time, spec.compare);
}
