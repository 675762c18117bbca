/**
 * The Data tab, where analytics exports are pasted. The planner writes nothing into its cells
 * (FUNNEL finds the header row itself); the how-to lives in a note on A1, refreshed each run.
 */
import { DATA_COLUMNS } from './funnel-tab';

export function dataHowTo(funnelSheet: string): string {
  return [
    'Paste your analytics export here, starting at A1 with its header row.',
    'Works with: a GA4 report or exploration export (its # comment lines are skipped), GA4 BigQuery event rows, or any event log with a user id, an event name and a timestamp column.',
    `The ${funnelSheet} tab reads columns ${DATA_COLUMNS} of this tab; the event names must match the milestones' and the macro's event names.`,
  ].join('\n\n');
}

export function writeDataTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, funnelSheet: string): void {
  sheet.getRange(1, 1).setNote(dataHowTo(funnelSheet));
}
