/**
 * The Data tab, where analytics exports are pasted. The planner writes nothing into its cells
 * (FUNNEL finds the header row itself); the how-to lives in a note on A1, refreshed each run.
 */
import { columnLetters } from './grid';

const HOW_TO_START = 'Paste your analytics export here';

/**
 * The Data tab's columns that FUNNEL reads: those the export fills (A to its last column), or the
 * whole grid while the tab is empty. Not A:Z whatever the export: every cell of the reference is
 * read on each recalculation.
 */
export function dataColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  const last = sheet.getLastColumn();
  return `A:${columnLetters(last > 0 ? last : sheet.getMaxColumns())}`;
}

export function dataHowTo(funnelSheet: string, columns: string): string {
  return [
    `${HOW_TO_START}, starting at A1 with its header row.`,
    'Works with: a GA4 report or exploration export (its # comment lines are skipped), GA4 BigQuery event rows, or any event log with a user id, an event name and a timestamp column.',
    `The ${funnelSheet} tab reads columns ${columns} of this tab (run the planner again after pasting a wider export); the event names must match the milestones' and the macro's event names.`,
  ].join('\n\n');
}

/** Sets the how-to note, unless A1 carries a note of the user's (pasted with their data). */
export function writeDataTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  funnelSheet: string,
  columns: string,
): void {
  const cell = sheet.getRange(1, 1);
  const note = cell.getNote();
  if (note === '' || note.startsWith(HOW_TO_START)) cell.setNote(dataHowTo(funnelSheet, columns));
}
