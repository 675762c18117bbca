import { withUserErrors } from '../core/errors';
import { dropOff } from '../core/funnel/drop-off';
import { dropOffTable } from '../core/funnel/drop-off-table';
import { parseRowLimit } from '../core/insights/arguments';
import { spreadsheetTimeZone } from './time-zone';

/** Next-event rows per step when `top` is blank. */
const DEFAULT_TOP = 5;

/** =DROP_OFF(data, steps, [window], [options], [top]); help in the catalog. */
export function DROP_OFF(
  data: unknown,
  steps: unknown,
  window?: unknown,
  options?: unknown,
  top?: unknown,
): (string | number)[][] {
  return withUserErrors('DROP_OFF', () => {
    const rows = parseRowLimit(top, 'top', DEFAULT_TOP);
    return dropOffTable(dropOff(data, steps, window, options, spreadsheetTimeZone()), rows);
  });
}
