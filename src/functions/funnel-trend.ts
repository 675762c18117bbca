import { withUserErrors } from '../core/errors';
import { funnelTrend } from '../core/insights/funnel-trend';
import { parsePeriod, parseUtcOffset } from '../core/insights/periods';

/** =FUNNEL_TREND(data, steps, [window], [period], [options]); help in the catalog. */
export function FUNNEL_TREND(
  data: unknown,
  steps: unknown,
  window?: unknown,
  period?: unknown,
  options?: unknown,
): (string | number)[][] {
  return withUserErrors('FUNNEL_TREND', () =>
    funnelTrend(data, steps, window, parsePeriod(period), options, spreadsheetZoneOffset()),
  );
}

/**
 * The spreadsheet's offset from UTC at an instant, so Date cells fall on the day the sheet shows.
 * Custom functions may read the spreadsheet's time zone and use Utilities; anywhere these are
 * missing (tests, the playground) periods stay in UTC.
 */
function spreadsheetZoneOffset(): ((epochMs: number) => number) | undefined {
  if (typeof SpreadsheetApp === 'undefined' || typeof Utilities === 'undefined') return undefined;
  try {
    const zone = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone();
    if (!zone) return undefined;
    return (epochMs) => parseUtcOffset(Utilities.formatDate(new Date(epochMs), zone, 'Z'));
  } catch {
    return undefined;
  }
}
