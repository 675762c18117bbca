import { withUserErrors } from '../core/errors';
import { isBlankArgument, parseOneEvent } from '../core/insights/arguments';
import { microImpact, microImpactTable } from '../core/insights/micro-impact';
import { parseSteps, parseWindow, readEventTable } from '../core/table';
import { spreadsheetTimeZone } from './time-zone';

/** =MICRO_IMPACT(data, macro_event, [micro_events], [window]); help in the catalog. */
export function MICRO_IMPACT(
  data: unknown,
  macroEvent: unknown,
  microEvents?: unknown,
  window?: unknown,
): (string | number)[][] {
  return withUserErrors('MICRO_IMPACT', () => {
    const macro = parseOneEvent(macroEvent, 'macro_event', 'purchase');
    const micros = isBlankArgument(microEvents) ? null : parseSteps(microEvents);
    const windowMs = parseWindow(window);
    return microImpactTable(
      microImpact(readEventTable(data, { timeZone: spreadsheetTimeZone() }), macro, micros, windowMs),
    );
  });
}
