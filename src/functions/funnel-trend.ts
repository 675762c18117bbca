import { withUserErrors } from '../core/errors';
import { funnelTrend } from '../core/insights/funnel-trend';
import { parsePeriod } from '../core/insights/periods';
import { spreadsheetTimeZone } from './time-zone';

/** =FUNNEL_TREND(data, steps, [window], [period], [options]); help in the catalog. */
export function FUNNEL_TREND(
  data: unknown,
  steps: unknown,
  window?: unknown,
  period?: unknown,
  options?: unknown,
): (string | number)[][] {
  return withUserErrors('FUNNEL_TREND', () =>
    funnelTrend(data, steps, window, parsePeriod(period), options, spreadsheetTimeZone()),
  );
}
