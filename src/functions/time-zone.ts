/**
 * The spreadsheet's time zone name, which custom functions may read: timestamps written without a
 * zone are read in it, as the sheet shows them. Anywhere it is missing (tests, the playground)
 * the core reads them as UTC.
 */
export function spreadsheetTimeZone(): string | undefined {
  if (typeof SpreadsheetApp === 'undefined') return undefined;
  try {
    return SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() || undefined;
  } catch {
    return undefined;
  }
}
