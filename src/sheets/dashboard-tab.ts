/**
 * The Dashboard tab: the macro conversion rate at the top, then one row per milestone with its
 * target against the actual rate read from the Funnel tab, and a status that conditional
 * formatting colours, and a bar chart of each target against its actual rate. Names, targets
 * and owners are live references to the framework tables, so an edit there shows here at once;
 * actual rates follow the funnel as data is pasted.
 */
import type { Framework, Locator } from '../core/framework';
import { REPORT_NOTES_HEADER } from '../core/funnel/layout';
import { formulaString, sheetRef } from './cell-input';
import { chartPlace, placeChart, upsertChart } from './charts';
import { type ColumnRule, type ColumnSize, RULES, sizeColumn } from './column-sizing';
import { NOTES_COLUMN, SHARE_OF_FIRST_COLUMN, SHARE_OF_PREVIOUS_COLUMN, stepRow } from './funnel-tab';
import { ensureGrid } from './grid';
import type { TabRecord } from './tab-registry';
import { drawView, type View, type ViewCell } from './view-writer';

export const DASHBOARD_HEADER_ROW = 4;
export const DASHBOARD_HEADERS = [
  'Conversion',
  'Kind',
  'Phase',
  'Event',
  'Target',
  'Actual',
  'Status',
  'Owner',
];
export const STATUS_COLUMN = 7;
/** The Target and Actual columns, side by side: the chart plots them as two series. */
const TARGET_COLUMN = 5;
/** A rate of report counts: each step is a separate total, so the rate says nothing about paths. */
export const REPORT_WARNING = 'Warning: not a path: report counts';
/** No share of users who went on can pass 100%: such a rate is never a success, whatever the data. */
export const ABOVE_100_WARNING = 'Warning: above 100%';
/** A target cell that holds no rate from 0% to 100% (150%, "about 10%"): shown as it is, flagged. */
export const TARGET_WARNING = 'Warning: target is not a rate (see Check)';
const WARNING = { background: '#fce8b2', color: '#7f6000' };
export const STATUS_STYLES: ReadonlyArray<{ text: string; background: string; color: string }> = [
  { text: 'On target', background: '#d9ead3', color: '#274e13' },
  { text: 'Below target', background: '#f4cccc', color: '#990000' },
  { text: 'No data', background: '#f1f3f4', color: '#5f6368' },
  { text: REPORT_WARNING, ...WARNING },
  { text: ABOVE_100_WARNING, ...WARNING },
  { text: TARGET_WARNING, ...WARNING },
];
const PERCENT = '0.0%';

const column = (n: number) => String.fromCharCode(64 + n);

/** `=IF('Milestones'!E5="","",'Milestones'!E5)`: a live copy that stays blank when the cell is. */
function liveRef(locate: Locator, table: 'macro' | 'milestones', index: number, field: string): ViewCell {
  const place = locate({ table, index, field });
  if (!place) return { text: '' };
  const ref = `${sheetRef(place.sheet)}!${place.a1}`;
  return { formula: `=IF(${ref}="","",${ref})` };
}

/** Where the Dashboard reads the funnel: the tab's name and the sheet row of its FUNNEL formula. */
export interface FunnelPlace {
  sheet: string;
  formulaRow: number;
}

/** The actual rate: a cell of the funnel's spilled table, blank while it has no number. */
function actual(funnel: FunnelPlace, stepIndex: number, shareColumn: number): ViewCell {
  if (stepIndex < 0) return { text: '' };
  const ref = `${sheetRef(funnel.sheet)}!${column(shareColumn)}${stepRow(stepIndex, funnel.formulaRow)}`;
  return { formula: `=IFERROR(IF(ISNUMBER(${ref}),${ref},""),"")`, format: PERCENT };
}

/**
 * FUNNEL's Notes header cell, which reads REPORT_NOTES_HEADER when the counts come from report
 * rows. The status keys on that text rather than on the Data tab's shape or on which notes a
 * step has: FUNNEL alone decides whether it read a report, and its header row stays where the
 * formula landed (the planner's FUNNEL has no breakdown or time columns, so Notes is column G).
 */
function notesHeader(funnel: FunnelPlace): string {
  return `${sheetRef(funnel.sheet)}!${column(NOTES_COLUMN)}${funnel.formulaRow}`;
}

/**
 * The status compares the Target and Actual cells of its own row, wherever the row lands; a
 * rate of report counts or above 100% is a warning before any comparison, never "On target".
 */
function status(inFunnel: boolean, funnel: FunnelPlace): ViewCell {
  if (!inFunnel) return { text: 'Not in funnel' };
  const target = 'E{row}';
  const rate = 'F{row}';
  const report = `${notesHeader(funnel)}=${formulaString(REPORT_NOTES_HEADER)}`;
  return {
    formula:
      `=IF(AND(${target}<>"",OR(NOT(ISNUMBER(${target})),${target}<0,${target}>1)),${formulaString(TARGET_WARNING)},` +
      `IF(NOT(ISNUMBER(${rate})),"No data",` +
      `IF(${report},${formulaString(REPORT_WARNING)},` +
      `IF(${rate}>1,${formulaString(ABOVE_100_WARNING)},` +
      `IF(NOT(ISNUMBER(${target})),"No target",IF(${rate}>=${target},"On target","Below target"))))))`,
  };
}

/** The rule of each column: names and sentences, short words, rates. */
const COLUMN_RULES: readonly ColumnRule[] = [
  RULES.text,
  RULES.text,
  RULES.text,
  RULES.text,
  RULES.number,
  RULES.number,
  // Statuses: the longest warning wraps to two lines rather than push Owner off the first screen.
  { min: 90, max: 150 },
  RULES.text,
];

/** Status texts the formula may show, besides STATUS_STYLES' coloured ones. */
const OTHER_STATUSES = ['No target', 'Not in funnel'];

/**
 * Each column's width and wrap, from the texts its live references will show (the framework's
 * names, phases, events and owners), every status, and the widest rate.
 */
export function dashboardColumns(framework: Framework): ColumnSize[] {
  const { macro, milestones } = framework;
  const rate = ['100.0%'];
  const values: string[][] = [
    [macro.name, ...milestones.map((m) => m.name)],
    ['Macro conversion', 'Process milestone'],
    milestones.map((m) => m.phase),
    [macro.eventName, ...milestones.map((m) => m.eventName)],
    rate,
    rate,
    [...STATUS_STYLES.map((style) => style.text), ...OTHER_STATUSES],
    [macro.owner, ...milestones.map((m) => m.owner)],
  ];
  return DASHBOARD_HEADERS.map((header, c) =>
    sizeColumn([{ text: header, bold: true }, ...values[c]!.map((text) => ({ text }))], COLUMN_RULES[c]!),
  );
}

/**
 * The dashboard's cells. Milestones run in funnel order (phase order); those the funnel leaves
 * out (no event name, a phase not on the list, a repeated event) follow, marked "Not in funnel".
 */
export function dashboardView(
  framework: Framework,
  steps: readonly string[],
  funnel: FunnelPlace,
  locate: Locator,
): View {
  const header = DASHBOARD_HEADERS.map(
    (text): ViewCell => ({ text, bold: true, color: '#ffffff', background: '#1a73e8' }),
  );
  const macroStep = framework.macro.eventName.trim() === '' ? -1 : steps.length - 1;
  const macro: ViewCell[] = [
    { ...liveRef(locate, 'macro', 0, 'name'), bold: true },
    { text: 'Macro conversion', bold: true },
    { text: '' },
    liveRef(locate, 'macro', 0, 'eventName'),
    { ...liveRef(locate, 'macro', 0, 'targetRate'), format: PERCENT },
    actual(funnel, macroStep, SHARE_OF_FIRST_COLUMN),
    status(macroStep >= 0, funnel),
    liveRef(locate, 'macro', 0, 'owner'),
  ].map((cell) => ({ ...cell, background: '#e8f0fe' }));

  const order = framework.milestones
    .map((milestone, index) => ({ index, step: steps.indexOf(milestone.eventName.trim()) }))
    .map((entry) => ({ ...entry, step: entry.step === macroStep ? -1 : entry.step }));
  // The first milestone to claim a step keeps it; a repeated event is left out of the funnel.
  const claimed = new Set<number>();
  for (const entry of order) {
    if (entry.step >= 0 && claimed.has(entry.step)) entry.step = -1;
    else if (entry.step >= 0) claimed.add(entry.step);
  }
  order.sort((a, b) => (a.step < 0 ? 1e9 : a.step) - (b.step < 0 ? 1e9 : b.step) || a.index - b.index);

  const rows = order.map(({ index, step }): ViewCell[] => {
    return [
      liveRef(locate, 'milestones', index, 'name'),
      { text: 'Process milestone' },
      liveRef(locate, 'milestones', index, 'phase'),
      liveRef(locate, 'milestones', index, 'eventName'),
      { ...liveRef(locate, 'milestones', index, 'target'), format: PERCENT },
      // The entry step has no previous step to be a share of: no rate, and no status either (the
      // planner's sidebar says once that its target cannot be measured; see sidebar/entry-step.ts).
      step === 0 ? { text: '' } : actual(funnel, step, SHARE_OF_PREVIOUS_COLUMN),
      step === 0 ? { text: '' } : status(step >= 0, funnel),
      liveRef(locate, 'milestones', index, 'owner'),
    ];
  });

  // The about line overflows to the right over empty cells: short enough to be read on one screen.
  const columns = dashboardColumns(framework);
  const wrapped = (row: ViewCell[]) =>
    row.map((cell, c) => (columns[c]?.wrap ? { ...cell, wrap: true } : cell));
  return {
    cells: [
      [{ text: 'Dashboard', bold: true, size: 14 }],
      [
        {
          text: `Actual: the macro's share of the first step, a milestone's share of the previous step (${funnel.sheet} tab). Report counts or a rate above 100% are warnings.`,
          italic: true,
          color: '#5f6368',
        },
      ],
      [],
      wrapped(header),
      wrapped(macro),
      ...rows.map(wrapped),
    ],
    merges: [],
    columnWidth: columns.map((column) => column.width),
  };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** True for a status rule the planner made (so the user's own rules on the tab are kept). */
function isOurRule(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const [value] = condition.getCriteriaValues();
  return (
    String(condition.getCriteriaType()) === 'TEXT_EQUAL_TO' &&
    STATUS_STYLES.some((style) => style.text === value) &&
    rule.getRanges().every((range) => range.getColumn() === STATUS_COLUMN)
  );
}

/** Colours the status column from sheet row `first` to `last`; replaces our previous rules, keeps every other rule. */
export function colourStatuses(sheet: Sheet, first: number, last: number): void {
  const range = sheet.getRange(first, STATUS_COLUMN, Math.max(last - first + 1, 1), 1);
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurRule(rule));
  const ours = STATUS_STYLES.map((style) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(style.text)
      .setBackground(style.background)
      .setFontColor(style.color)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...ours]);
}

/**
 * The bar chart of each conversion's target and actual rate (names from column A, rates from
 * Target and Actual), beside or under the table as chartPlace decides; returns its id.
 */
export function drawDashboardChart(
  sheet: Sheet,
  headerRow: number,
  lastRow: number,
  widths: readonly number[],
  chartId: number | undefined,
): number | undefined {
  const rows = lastRow - headerRow + 1;
  const place = chartPlace(widths.slice(0, DASHBOARD_HEADERS.length), headerRow, lastRow);
  ensureGrid(sheet, place.row, place.column);
  return upsertChart(sheet, chartId, (builder) =>
    placeChart(
      builder
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange(headerRow, 1, rows, 1))
        .addRange(sheet.getRange(headerRow, TARGET_COLUMN, rows, 2))
        .setNumHeaders(1)
        .setOption('title', 'Target and actual rate')
        .setOption('hAxis', { format: 'percent' }),
      place,
    ),
  );
}

/** Draws the whole Dashboard tab: the view, status colours on the rows where they landed, the frozen header, the chart. */
export function drawDashboardTab(
  sheet: Sheet,
  tab: string,
  framework: Framework,
  steps: readonly string[],
  funnel: FunnelPlace,
  locate: Locator,
  previous: TabRecord,
): { record: TabRecord; notes: string[] } {
  const drawn = drawView(sheet, dashboardView(framework, steps, funnel, locate), previous.drawing, tab);
  const headerRow = drawn.rowOf(DASHBOARD_HEADER_ROW);
  const lastRow = drawn.rowOf(DASHBOARD_HEADER_ROW + 1 + framework.milestones.length);
  colourStatuses(sheet, headerRow + 1, lastRow);
  sheet.setFrozenRows(headerRow);
  const chartId = drawDashboardChart(sheet, headerRow, lastRow, drawn.widths, previous.chartId);
  return {
    record: { role: 'dashboard', drawing: drawn.drawing, ...(chartId !== undefined ? { chartId } : {}) },
    notes: drawn.notes,
  };
}
