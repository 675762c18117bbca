/**
 * describeData: what the Data tab (or another range) holds, for the sidebar. Help shows the FUNNEL
 * formula that works on it, Analyse refuses a report and lets the user pick steps the data has.
 * The data is read as FUNNEL reads it (core/table/data-kind.ts), so the sidebar and the formulas
 * never disagree about what the rows are.
 */
import { UserError, withUserErrors } from '../core/errors';
import { funnelSteps } from '../core/framework';
import { type MissingStep, missingSteps } from '../core/insights/missing-steps';
import { type DataKind, dataKind } from '../core/table/data-kind';
import { spreadsheetTimeZone } from '../functions/time-zone';
import { formulaString, sheetRef } from './cell-input';
import { columnLetters } from './grid';
import { readFramework } from './planner';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The columns the Funnel tab and Analyse read by default. */
export const DATA_TAB_RANGE = 'Data!A:Z';

/** How many names go to the sidebar (most frequent first): plenty to pick steps from. */
const NAMES_SENT = 200;

/** The window of the example on event rows. */
const EXAMPLE_WINDOW = '7d';

export interface DataDescription {
  kind: DataKind['kind'];
  /** The range read, as formulas write it ('Data'!A:Z). */
  range: string;
  /** The data's event names (or a report's names), most rows (or largest count) first. */
  names: string[];
  /** How many distinct names the data has (names lists at most NAMES_SENT). */
  nameCount: number;
  /** For a report, its columns ("columns "Event name" and "Total users""); else "". */
  columns: string;
  /** Why the data cannot be read (the reading layer's message), when kind is "unreadable". */
  problem: string;
  /** A FUNNEL formula that works on this data ("" when there is none yet). */
  example: string;
  /** The funnel Analyse would trend: the planner's milestones, then the macro event. */
  steps: string[];
  /** Those of `steps` (and the macro event) that no event in the data fills, with FUNNEL's note. */
  missing: MissingStep[];
}

/** The planner's funnel (milestone events in phase order) ending with the macro; [macro] without one. */
export function plannedSteps(macroEvent?: string): string[] {
  let framework: ReturnType<typeof readFramework> = null;
  try {
    framework = readFramework();
  } catch {
    framework = null;
  }
  const macro = macroEvent ?? framework?.macro?.eventName?.trim() ?? '';
  if (!framework) return macro ? [macro] : [];
  const milestones = funnelSteps(framework).filter((step) => step !== framework.macro?.eventName?.trim());
  return [...milestones.filter((step) => step !== macro), ...(macro ? [macro] : [])];
}

/** The range's values, cut to the rows and columns the tab uses (A:Z need not read 26 empty columns). */
function usedValues(range: GoogleAppsScript.Spreadsheet.Range): unknown[][] {
  const sheet = range.getSheet();
  const rows = Math.min(range.getNumRows(), sheet.getLastRow() - range.getRow() + 1);
  const columns = Math.min(range.getNumColumns(), sheet.getLastColumn() - range.getColumn() + 1);
  if (rows <= 0 || columns <= 0) return [];
  return sheet.getRange(range.getRow(), range.getColumn(), rows, columns).getValues();
}

/** What a range (as a formula reference) holds, read as FUNNEL reads it. */
export function readDataKind(spreadsheet: Spreadsheet, reference: string): DataKind {
  return dataKind(usedValues(spreadsheet.getRange(reference)), spreadsheetTimeZone());
}

/** The data range as a formula reference ('Tab'!A1:D9), checked against the spreadsheet. */
export function dataReference(spreadsheet: Spreadsheet, dataRange: string): string {
  const bare = dataRange.replace(/^=/, '').trim();
  const wholeTab = spreadsheet.getSheetByName(bare.replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
  if (wholeTab && !bare.includes('!'))
    return `${sheetRef(wholeTab.getName())}!A:${columnLetters(Math.max(26, wholeTab.getLastColumn()))}`;
  const bang = bare.lastIndexOf('!');
  const a1 = bang >= 0 ? bare.slice(bang + 1) : '';
  let range: GoogleAppsScript.Spreadsheet.Range | undefined;
  try {
    range =
      bang > 0 && /^\$?[A-Za-z]{1,3}\$?\d*(:\$?[A-Za-z]{1,3}\$?\d*)?$/.test(a1)
        ? spreadsheet.getRange(bare)
        : undefined;
  } catch {
    range = undefined;
  }
  if (!range) {
    throw new UserError(
      `"${dataRange}" is not a range of this spreadsheet: write the tab and the cells, e.g. Data!A1:D50000 or 'My export'!A:D.`,
    );
  }
  return `${sheetRef(range.getSheet().getName())}!${a1.toUpperCase()}`;
}

/**
 * A FUNNEL that works on this data: with a window on event rows, without on a report or a table
 * of checkbox columns (windows need event rows). Its steps are the planner's that the data has
 * (two at least), else the data's three most frequent names (a checkbox table's first columns).
 */
export function funnelExample(kind: DataKind, range: string, planned: readonly string[]): string {
  if (kind.kind === 'empty' || kind.kind === 'unreadable') return '';
  const present = planned.filter((step) => missingSteps([step], kind.names).length === 0);
  const steps = present.length >= 2 ? present : kind.names.slice(0, 3);
  if (steps.length === 0) return '';
  const args = [range, formulaString(steps.join(', '))];
  if (kind.kind === 'events') args.push(formulaString(EXAMPLE_WINDOW));
  return `=FUNNEL(${args.join(', ')})`;
}

/** The request's fields: both optional (the Data tab; the planner's macro event). */
function readRequest(request: unknown): { dataRange: string; macroEvent?: string } {
  const r = typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const macroEvent = text(r.macroEvent);
  return { dataRange: text(r.dataRange) || DATA_TAB_RANGE, ...(macroEvent ? { macroEvent } : {}) };
}

/** Server API: what the data range holds (default the Data tab), for Help and Analyse. */
export function describeData(request?: unknown): DataDescription {
  return withUserErrors('describeData', () => {
    const { dataRange, macroEvent } = readRequest(request);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    // Before the planner made the Data tab, there is nothing to read: "paste first" is the answer.
    const noDataTab = dataRange === DATA_TAB_RANGE && !spreadsheet.getSheetByName('Data');
    const range = noDataTab ? '' : dataReference(spreadsheet, dataRange);
    const kind: DataKind = noDataTab ? { kind: 'empty' } : readDataKind(spreadsheet, range);
    const names = kind.kind === 'empty' || kind.kind === 'unreadable' ? [] : kind.names;
    const steps = plannedSteps(macroEvent);
    return {
      kind: kind.kind,
      range,
      names: names.slice(0, NAMES_SENT),
      nameCount: names.length,
      columns: kind.kind === 'report' || kind.kind === 'checkboxes' ? kind.columns : '',
      problem: kind.kind === 'unreadable' ? kind.message : '',
      example: funnelExample(kind, range, steps),
      steps,
      missing: kind.kind === 'events' && steps.length > 0 ? missingSteps(steps, kind.names) : [],
    };
  });
}
