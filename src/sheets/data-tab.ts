/**
 * The Data tab, where analytics exports are pasted. The planner writes nothing into its cells
 * (FUNNEL finds the header row itself); the how-to lives in a note on A1, refreshed each run.
 */
import { DATA_COLUMNS } from './funnel-tab';

const HOW_TO_START = 'Paste your analytics export here';

export function dataHowTo(funnelSheet: string): string {
  return [
    `${HOW_TO_START}, starting at A1 with its header row.`,
    'Works with: a GA4 report or exploration export (its # comment lines are skipped), GA4 BigQuery event rows, or any event log with a user id, an event name and a timestamp column.',
    `The ${funnelSheet} tab reads columns ${DATA_COLUMNS} of this tab; the event names must match the milestones' and the macro's event names.`,
  ].join('\n\n');
}

/** Sets the how-to note, unless A1 carries a note of the user's (pasted with their data). */
export function writeDataTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, funnelSheet: string): void {
  const cell = sheet.getRange(1, 1);
  const note = cell.getNote();
  if (note === '' || note.startsWith(HOW_TO_START)) cell.setNote(dataHowTo(funnelSheet));
}
