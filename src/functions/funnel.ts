import { withUserErrors } from '../core/errors';
import { funnel } from '../core/funnel';
import { spreadsheetTimeZone } from './time-zone';

/** =FUNNEL(data, steps, [window], [options]); see the catalog for its help text. */
export function FUNNEL(data: unknown, steps: unknown, window?: unknown, options?: unknown): unknown[][] {
  return withUserErrors('FUNNEL', () => funnel(data, steps, window, options, spreadsheetTimeZone()));
}
