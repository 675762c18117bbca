/**
 * The planner's server functions, called by the sidebar through google.script.run (and by
 * scripts, the playground and the tests). Plain JSON in and out; each one wraps itself in
 * withUserErrors so only messages meant for the user leave it.
 */
import { UserError, withUserErrors } from '../core/errors';
import {
  buildFramework,
  type CreateFrameworkRequest,
  cellA1,
  checkFramework as checkRules,
  type Finding,
  type Framework,
  type FrameworkRead,
  frameworkFromTables,
  fromRows,
  funnelSteps,
  MILESTONES_TABLE,
  nameKey,
  PHASES_TABLE,
  type RemovedKeys,
  readRowEdits,
  TABLE_IDS,
  TABLES,
  type TableId,
  type TableInput,
  type TablesRead,
  type TemplateSummary,
  tableItems,
  listTemplates as templateSummaries,
} from '../core/framework';
import { knownColumns } from './column-tags';
import { drawDashboardTab } from './dashboard-tab';
import { dataColumns, writeDataTab } from './data-tab';
import { withDocumentLock } from './document-lock';
import type { Sources } from './framework-formulas';
import { drawFrameworkTab } from './framework-tab';
import { drawFunnelTab } from './funnel-tab';
import { printUrl } from './print-url';
import { readState, saveState, type TabRecord, type TabRole, Tabs } from './tab-registry';
import {
  explicitFields,
  fromValues,
  matchRows,
  previousKeys,
  type RenamedPhase,
  type TablePlan,
} from './table-plan';
import { namedRangeName, planWrite, writeTable } from './table-writer';

type Range = GoogleAppsScript.Spreadsheet.Range;

export const TOAST_TITLE = 'Micro Conversions';

export interface CreateFrameworkResult {
  /** Every tab written, created or updated, by its name in the spreadsheet. */
  tabs: string[];
  created: string[];
  updated: string[];
  /** The funnel's steps, as written into the FUNNEL formula. */
  steps: string[];
  /** Check framework's findings on what now stands in the tabs. */
  findings: Finding[];
  /** Plain sentences about rows and cells: the rows deleted, the cells kept as the user changed them meanwhile. */
  notes: string[];
}

export interface PrintInfo {
  spreadsheetId: string;
  sheetId: number;
  sheetName: string;
  /** The PDF export of the Framework tab, opened in the user's own browser session. */
  url: string;
}

const NO_FRAMEWORK =
  'There is no framework in this spreadsheet yet: open the planner (Extensions > Micro Conversions > Open planner) and create it.';

export function listTemplates(): TemplateSummary[] {
  return withUserErrors('listTemplates', () => templateSummaries());
}

/** Each field's column index (from A) per table, as a run just wrote them. */
type WrittenColumns = Partial<Record<TableId, Record<string, number>>>;

/**
 * The four tables' values read from our tabs; undefined when none of them exists. Columns are
 * known by their tags, or by what the run just wrote (`written`, which saves reading the tags again).
 */
function readTables(tabs: Tabs, written: WrittenColumns = {}): TablesRead | undefined {
  const inputs: Partial<Record<TableId, TableInput>> = {};
  for (const id of TABLE_IDS) {
    const sheet = tabs.find(id);
    if (sheet) {
      const columns = written[id] ?? knownColumns(sheet, id);
      inputs[id] = { rows: sheet.getDataRange().getValues(), sheet: tabs.nameOf(id), columns };
    }
  }
  return Object.keys(inputs).length === 0 ? undefined : frameworkFromTables(inputs);
}

function findingsOf(read: TablesRead): Finding[] {
  return [...read.problems, ...checkRules(read.framework, read.locate, read.isUnread)];
}

/** The framework as the tabs hold it, with the sheet row of each item (the sidebar sends it back). */
export function readFramework(): FrameworkRead | null {
  return withUserErrors('readFramework', () => {
    const tabs = new Tabs(SpreadsheetApp.getActiveSpreadsheet(), readState());
    const read = readTables(tabs);
    return read ? { ...read.framework, rows: read.rows, unread: read.unread } : null;
  });
}

export function checkFramework(): Finding[] {
  return withUserErrors('checkFramework', () => {
    const read = readTables(new Tabs(SpreadsheetApp.getActiveSpreadsheet(), readState()));
    return read ? findingsOf(read) : [{ severity: 'error', message: NO_FRAMEWORK }];
  });
}

export function createFramework(request: CreateFrameworkRequest): CreateFrameworkResult {
  return withUserErrors('createFramework', () => {
    // Bad input is refused before anything is written.
    const framework = buildFramework(request);
    const removed = readRowEdits(request);
    return withDocumentLock('run of the planner', () => scaffold(request, framework, removed));
  });
}

/**
 * A phase is removed only once no milestone names it: neither one the request keeps nor a row of
 * the Milestones tab that stays (a row of the user's included). Refused before anything is written.
 */
function refuseBusyPhases(
  tabs: Tabs,
  request: CreateFrameworkRequest,
  framework: Framework,
  removed: RemovedKeys,
): void {
  const kept = new Set(framework.phases.map((phase) => nameKey(phase.name)));
  const gone = new Set(removed.phases.map((key) => nameKey(key.name)).filter((key) => !kept.has(key)));
  if (gone.size === 0) return;
  const naming = framework.milestones.map((m) => ({ name: m.name, phase: m.phase }));
  const sheet = tabs.find('milestones');
  if (sheet) {
    const read = fromRows('milestones', sheet.getDataRange().getValues(), {
      columns: knownColumns(sheet, 'milestones'),
    });
    const desired = framework.milestones as unknown as Record<string, unknown>[];
    const previous = previousKeys(MILESTONES_TABLE, desired, request.milestones);
    const rows = read.items as unknown as Record<string, unknown>[];
    const { match, removed: deleted } = matchRows(
      MILESTONES_TABLE,
      desired,
      rows,
      previous,
      removed.milestones,
      read.rowOf.map((r) => r + 1),
    );
    const claimed = new Set([...match, ...deleted]);
    read.items.forEach((m, i) => {
      if (!claimed.has(i)) naming.push({ name: m.name, phase: m.phase });
    });
  }
  const problems = removed.phases
    .filter((key) => gone.has(nameKey(key.name)))
    .map((key) => {
      const names = naming.filter((m) => nameKey(m.phase) === nameKey(key.name)).map((m) => `“${m.name}”`);
      return names.length === 0 ? '' : `“${key.name.trim()}” still has ${names.join(', ')}`;
    })
    .filter((problem) => problem !== '');
  if (problems.length > 0) {
    throw new UserError(
      `A phase that still has milestones cannot be removed: ${problems.join('; ')}. Move those milestones to another phase or remove them too, then remove the phase. Nothing was written.`,
    );
  }
}

function scaffold(
  request: CreateFrameworkRequest,
  framework: Framework,
  removed: RemovedKeys,
): CreateFrameworkResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = new Tabs(spreadsheet, readState());
  refuseBusyPhases(tabs, request, framework, removed);
  spreadsheet.toast('Writing the framework tabs…', TOAST_TITLE, 30);
  try {
    return writeTabs(spreadsheet, tabs, request, framework, removed);
  } finally {
    // Saved even when a step fails, so tabs already created stay ours (never suffixed as a user's).
    saveState(tabs.state);
  }
}

function writeTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: Tabs,
  request: CreateFrameworkRequest,
  framework: Framework,
  removed: RemovedKeys,
): CreateFrameworkResult {
  const namedRanges = new Map(spreadsheet.getNamedRanges().map((range) => [range.getName(), range]));

  // Every table is planned before anything is written: a refusal leaves the tabs as they were.
  const plans = new Map<TableId, TablePlan>();
  let renamedPhases: RenamedPhase[] = [];
  for (const id of TABLE_IDS) {
    const table = TABLES[id];
    const desired = tableItems(framework, id) as unknown as Record<string, unknown>[];
    const requested = request[id];
    const plan = planWrite(tabs.find(id), table, desired, explicitFields(table, desired, requested), {
      // The sidebar sends its lists in the user's order; a template run keeps the sheet's order.
      reorder: Array.isArray(requested),
      previous: previousKeys(table, desired, requested),
      from: fromValues(table, desired, requested),
      removed: id === 'macro' ? [] : removed[id],
      renamedPhases: id === 'milestones' ? renamedPhases : [],
    });
    if (id === 'phases') renamedPhases = plan.renamed;
    plans.set(id, plan);
  }

  let phaseNames: Range | undefined;
  const notes: string[] = [];
  for (const id of TABLE_IDS) {
    const sheet = tabs.ensure(id);
    const plan = plans.get(id)!;
    writeTable(spreadsheet, sheet, TABLES[id], plan, { phases: phaseNames }, namedRanges);
    notes.push(...rowNotes(tabs.nameOf(id), plan));
    if (id === 'phases') {
      const nameColumn = plan.columns[PHASES_TABLE.columns.findIndex((column) => column.field === 'name')]!;
      phaseNames = sheet.getRange(plan.headerRow + 1, nameColumn, sheet.getMaxRows() - plan.headerRow, 1);
    }
  }

  // The views show what the tabs now hold (the user's rows and kept cells included).
  const written: WrittenColumns = {};
  for (const [id, plan] of plans) {
    written[id] = Object.fromEntries(
      TABLES[id].columns.map((column, c) => [column.field, plan.columns[c]! - 1]),
    );
  }
  const read = readTables(tabs, written)!;
  const steps = funnelSteps(read.framework);
  const view = (role: TabRole) => ({ sheet: tabs.ensure(role), name: tabs.nameOf(role) });
  const data = view('data');
  const funnel = view('funnel');
  const dashboard = view('dashboard');
  const print = view('framework');
  const { state } = tabs;

  const columns = dataColumns(data.sheet);
  writeDataTab(data.sheet, funnel.name, columns);

  // Each view module draws its whole tab around the user's cells. A record is kept with its tab
  // as soon as the tab is drawn: the next run must know these cells as ours whatever happens next.
  const keep = <T extends { record: TabRecord; notes: string[] }>(drawn: T): T => {
    tabs.saveRecord(drawn.record);
    notes.push(...drawn.notes);
    return drawn;
  };
  const { formulaRow } = keep(
    drawFunnelTab(funnel.sheet, funnel.name, { sheet: data.name, columns }, steps, tabs.record('funnel')),
  );
  keep(
    drawDashboardTab(
      dashboard.sheet,
      dashboard.name,
      read.framework,
      steps,
      { sheet: funnel.name, formulaRow },
      read.locate,
      tabs.record('dashboard'),
    ),
  );
  keep(
    drawFrameworkTab(print.sheet, print.name, read.framework, sourcesOf(written), tabs.record('framework')),
  );
  // The records live with the tabs now; the property keeps only the ids.
  state.extents = {};
  delete state.chartId;

  spreadsheet.toast('The framework tabs are up to date.', TOAST_TITLE, 5);
  const unique = (names: string[]) => [...new Set(names)];
  return {
    tabs: unique([...tabs.created, ...tabs.updated]),
    created: unique(tabs.created),
    updated: unique(tabs.updated.filter((name) => !tabs.created.includes(name))),
    steps,
    findings: findingsOf(read),
    notes,
  };
}

/** Where the Framework tab's formulas read each table: its named range and each field's column in it. */
function sourcesOf(written: WrittenColumns): Sources {
  const source = (id: TableId) => {
    const columns = written[id] ?? {};
    const left = Math.min(...Object.values(columns));
    const offsets = Object.fromEntries(Object.entries(columns).map(([field, c]) => [field, c - left]));
    return { range: namedRangeName(TABLES[id]), offsets };
  };
  return {
    macro: source('macro'),
    phases: source('phases'),
    milestones: source('milestones'),
    secondaryActions: source('secondaryActions'),
  };
}

/** What the user should hear about a table's rows: the ones deleted, the cells kept as the user changed them. */
function rowNotes(tab: string, plan: TablePlan): string[] {
  const notes = plan.deletedRows.map(
    (row, i) => `Deleted row ${row} of the ${tab} tab (“${plan.deletedNames[i]}”).`,
  );
  for (const conflict of plan.conflicts) {
    notes.push(
      `${tab}!${cellA1(conflict.row, conflict.column)} was changed in the sheet meanwhile: kept \`${conflict.kept}\`.`,
    );
  }
  return notes;
}

const A1_CELL = /^\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}$/;

/**
 * Selects a cell, for the links of Check framework's findings. With the finding's message, the
 * framework is checked again first: the link follows its problem to where it is now (a row moved)
 * and says so when it is gone (its row deleted, or the problem fixed) since Check ran.
 */
export function selectCell(sheet: string, a1: string, message?: string): void {
  withUserErrors('selectCell', () => {
    if (typeof sheet !== 'string' || typeof a1 !== 'string' || !A1_CELL.test(a1.trim())) {
      throw new UserError(
        `selectCell needs a tab name and one cell in A1 notation such as "B3", not ${JSON.stringify(sheet)} and ${JSON.stringify(a1)}.`,
      );
    }
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    let place = { sheet, a1: a1.trim() };
    if (typeof message === 'string' && message !== '') {
      const read = readTables(new Tabs(spreadsheet, readState()));
      const now = read ? findingsOf(read).filter((f) => f.message === message && f.sheet && f.a1) : [];
      const same = now.find((f) => f.sheet === sheet && f.a1 === place.a1) ?? now[0];
      if (!same) {
        throw new UserError(
          `${sheet}!${place.a1} no longer has that problem: its row was deleted or changed since Check ran. Run Check framework again to refresh the list.`,
        );
      }
      place = { sheet: same.sheet!, a1: same.a1! };
    }
    const target = spreadsheet.getSheetByName(place.sheet);
    if (!target) {
      throw new UserError(
        `There is no tab named "${place.sheet}" any more: run Check framework again to refresh the links.`,
      );
    }
    const { row, column } = cellPosition(place.a1);
    // A row or column deleted since Check ran takes the cell off the grid.
    if (row > target.getMaxRows()) {
      throw new UserError(
        `${place.sheet}!${place.a1} is gone: that row was deleted since Check ran. Run Check framework again to refresh the links.`,
      );
    }
    if (column > target.getMaxColumns()) {
      throw new UserError(
        `${place.sheet}!${place.a1} is gone: that column was deleted since Check ran. Run Check framework again to refresh the links.`,
      );
    }
    target.getRange(row, column).activate();
  });
}

/** Row and column numbers of one cell in A1 notation ("AB12" -> 12, 28). */
function cellPosition(a1: string): { row: number; column: number } {
  const [, letters = '', digits = ''] = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim()) ?? [];
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(digits), column };
}

/** The Framework tab's PDF export address; the sidebar opens it in the user's browser. */
export function getPrintInfo(): PrintInfo {
  return withUserErrors('getPrintInfo', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const tabs = new Tabs(spreadsheet, readState());
    const sheet = tabs.find('framework');
    if (!sheet) throw new UserError(`There is no Framework tab to print yet. ${NO_FRAMEWORK}`);
    const spreadsheetId = spreadsheet.getId();
    const sheetId = sheet.getSheetId();
    return {
      spreadsheetId,
      sheetId,
      sheetName: tabs.nameOf('framework'),
      url: printUrl(spreadsheetId, sheetId),
    };
  });
}
