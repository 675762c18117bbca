/**
 * One playground session: ONE fake workbook, the real dist/Code.js loaded over it, the UI the
 * add-on showed (menu, sidebar, toasts) and the formula host. Every route of the server is a
 * method here, so the page, the sidebar and the automation API all act on the same workbook.
 */
import { cellA1, parseRangeA1, quoteSheetName, rectA1 } from '../fake/a1';
import { interpretInput, isDate } from '../fake/cells';
import { createFakeServices, type FakeServices } from '../fake/index';
import type { SheetModel, WorkbookModel } from '../fake/model';
import { contextOf } from '../fake/spreadsheet';
import { bundleModified, type LoadedBundle, loadBundle } from './bundle';
import { parseCsv } from './csv';
import { FormulaHost } from './formula-host';
import { installIntlCache } from './intl-cache';
import { printToPdf } from './print-pdf';
import { printPage } from './print-view';
import { makeSampleExport, SAMPLE_STEPS, SAMPLE_WINDOW } from './sample-export';
import { plainWorkbook, workbookView } from './view';
import type { UiView, WorkbookView } from './view-model';
import { workbookToXlsx, type XlsxFile } from './xlsx';

export type RunResult = { ok: true; result: unknown } | { ok: false; error: string };

/** The script tag that gives the real sidebar its google.script.run (see client/sidebar-shim.ts). */
const SHIM_TAG = '<script src="/sidebar-shim.js"></script>';

export class PlaygroundSession {
  private fake!: FakeServices;
  private model!: WorkbookModel;
  private bundle!: LoadedBundle;
  private host!: FormulaHost;
  private workbookRevision = 0;
  private uiRevision = 0;
  private sidebar: { title: string; html: string; revision: number } | undefined;
  private seenSidebars = 0;
  private menuError: string | undefined;

  constructor() {
    installIntlCache();
    this.reset();
  }

  /** A fresh workbook with one empty tab, the bundle loaded, and onOpen run as Sheets runs it. */
  reset(): void {
    this.fake = createFakeServices({
      authMode: 'NONE',
      sheetNames: ['Sheet1'],
      name: 'Playground',
      // Sheets titles an add-on's menu with the add-on's name.
      addonMenuTitle: 'Micro Conversions',
    });
    this.model = contextOf(this.fake.spreadsheet).model;
    this.host = new FormulaHost(this.model, () => this.bundle.customFunctions);
    this.loadCode();
    this.fake.setFormulaEvaluator(this.host.evaluate);
    this.sidebar = undefined;
    this.seenSidebars = 0;
    this.openDocument();
    this.changed();
  }

  private loadCode(): void {
    const { SpreadsheetApp, HtmlService, LockService, PropertiesService, Charts, Session, ScriptApp } =
      this.fake;
    this.bundle = loadBundle({
      SpreadsheetApp,
      HtmlService,
      LockService,
      PropertiesService,
      Charts,
      Session,
      ScriptApp,
    });
  }

  /** Picks up a rebuilt dist/Code.js (npm run build while the server runs) without losing the workbook. */
  private reloadIfRebuilt(): void {
    try {
      if (bundleModified() !== this.bundle.modified) {
        this.loadCode();
        this.model.touch();
      }
    } catch {
      // dist/ is being swapped by the build; the old bundle serves this call.
    }
  }

  /** onOpen runs before the user authorized the add-on (AuthMode.NONE): it may only build the menu. */
  private openDocument(): void {
    this.menuError = undefined;
    const onOpen = this.bundle.context.onOpen;
    try {
      if (typeof onOpen !== 'function') throw new Error('dist/Code.js has no onOpen function.');
      onOpen({ authMode: 'NONE', source: this.fake.spreadsheet });
    } catch (error) {
      this.menuError = `onOpen failed: ${messageOf(error)}`;
    }
    this.fake.setAuthMode('FULL');
  }

  private changed(): void {
    this.workbookRevision++;
    this.uiRevision++;
  }

  // ---------------------------------------------------------------- running server functions

  /** Runs a public function of dist/Code.js as google.script.run would (JSON in, JSON out). */
  run(name: string, args: unknown[]): RunResult {
    this.reloadIfRebuilt();
    const fn = this.bundle.context[name];
    if (!this.bundle.publicFunctions.has(name) || typeof fn !== 'function') {
      const known = [...this.bundle.publicFunctions].sort().join(', ');
      return { ok: false, error: `dist/Code.js has no public function "${name}". Known: ${known}.` };
    }
    try {
      const result = (fn as (...a: unknown[]) => unknown)(...structuredClone(args));
      return { ok: true, result: toJsonResult(name, result) };
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    } finally {
      this.collectUi();
      this.changed();
    }
  }

  /** Notes what the add-on showed during a call: a new sidebar replaces the open one. */
  private collectUi(): void {
    const sidebars = this.fake.ui.sidebars;
    if (sidebars.length > this.seenSidebars) {
      const last = sidebars[sidebars.length - 1]!;
      this.sidebar = { title: last.title, html: last.html, revision: sidebars.length };
      this.seenSidebars = sidebars.length;
    }
  }

  closeSidebar(): void {
    this.sidebar = undefined;
    this.uiRevision++;
  }

  /** The open sidebar's HTML (dist/Sidebar.html as the template evaluated it) with the shim first. */
  sidebarHtml(): string | undefined {
    if (!this.sidebar) return undefined;
    const html = this.sidebar.html;
    const head = html.match(/<head[^>]*>/i);
    if (head?.index !== undefined) {
      const at = head.index + head[0].length;
      return `${html.slice(0, at)}${SHIM_TAG}${html.slice(at)}`;
    }
    return `${SHIM_TAG}${html}`;
  }

  ui(): UiView {
    const menu = this.fake.ui.addonMenu();
    return {
      revision: this.uiRevision,
      workbookRevision: this.workbookRevision,
      menu: menu && {
        title: menu.title,
        items: menu.items.flatMap((item) =>
          'caption' in item ? [{ label: item.caption, handler: item.functionName }] : [],
        ),
      },
      menuError: this.menuError,
      sidebar: this.sidebar && { title: this.sidebar.title, revision: this.sidebar.revision },
      active: this.model.activeSheet && {
        sheet: this.model.activeSheet.name,
        cell:
          this.model.activeRange?.sheet === this.model.activeSheet
            ? cellA1(this.model.activeRange.rect.row, this.model.activeRange.rect.column)
            : 'A1',
      },
      toasts: this.fake.ui.toasts.map((t, i) => ({
        id: i,
        title: t.title,
        message: t.message,
        timeoutSeconds: t.timeoutSeconds,
      })),
      alerts: this.fake.ui.alerts.map((a, i) => ({ id: i, title: a.title, message: a.prompt })),
    };
  }

  // ---------------------------------------------------------------- the workbook

  workbook() {
    this.reloadIfRebuilt();
    return this.fake.calls.uncounted(() => plainWorkbook(this.model, this.host));
  }

  /** What the page draws; cells and charts of `sheet` only (default: the active tab). */
  fullWorkbook(sheet?: string): WorkbookView {
    this.reloadIfRebuilt();
    return this.fake.calls.uncounted(() => workbookView(this.model, this.host, this.workbookRevision, sheet));
  }

  /** The tab, created (at the end) when missing. */
  private sheetNamed(name: string): SheetModel {
    return this.model.sheetByName(name) ?? this.model.addSheet(name);
  }

  /**
   * Makes the sheet at least as large as a write needs (Sheets grows a sheet on paste and import),
   * within Sheets' limit of 10 million cells per spreadsheet.
   */
  private ensureSize(sheet: SheetModel, rows: number, columns: number): void {
    const newRows = Math.max(rows, sheet.maxRows);
    const newColumns = Math.max(columns, sheet.maxColumns);
    const others = this.model.sheets.reduce(
      (sum, s) => (s === sheet ? sum : sum + s.maxRows * s.maxColumns),
      0,
    );
    if (others + newRows * newColumns > SHEETS_CELL_LIMIT) {
      throw new UserInputError(
        `Writing there would grow "${sheet.name}" to ${newRows} rows x ${newColumns} columns, past Sheets' limit of 10,000,000 cells per spreadsheet: write fewer rows, or delete tabs you do not need.`,
      );
    }
    if (rows > sheet.maxRows) sheet.insertRows(sheet.maxRows, rows - sheet.maxRows);
    if (columns > sheet.maxColumns) sheet.insertColumns(sheet.maxColumns, columns - sheet.maxColumns);
  }

  /**
   * Writes cells as a person typing them would (PUT /api/workbook/values): `=...` is a formula,
   * numbers, percentages, dates and TRUE/FALSE are typed, the rest is text.
   * `range` may be one cell (the values then fill from it) or exactly the values' size.
   */
  writeValues(sheetName: string, range: string, values: unknown[][]): void {
    const rows = values.length;
    const columns = longestRow(values);
    if (rows === 0 || columns === 0) return;
    // Bounds as large as a sheet may grow, so that "A:B" reads as open-ended and is refused below.
    const start = parseRangeA1(range, 10_000_000, 18_278);
    if (!start) throw new UserInputError(`"${range}" is not an A1 range; write e.g. "A1" or "B2:C3".`);
    const single = start.numRows === 1 && start.numColumns === 1;
    if (!single && (start.numRows !== rows || start.numColumns !== columns)) {
      throw new UserInputError(
        `The range ${range} is ${start.numRows}x${start.numColumns} but the values are ${rows}x${columns}; give one cell (e.g. "A1") or a range of the same size.`,
      );
    }
    const padded = values.map((row) => Array.from({ length: columns }, (_, i) => normalizeInput(row[i])));
    const created = !this.model.sheetByName(sheetName);
    try {
      this.fake.calls.uncounted(() => {
        const sheet = this.sheetNamed(sheetName);
        this.ensureSize(sheet, start.row + rows - 1, start.column + columns - 1);
        const target = this.fake.spreadsheet
          .getSheetByName(sheetName)!
          .getRange(start.row, start.column, rows, columns);
        target.setValues(padded);
      });
    } catch (error) {
      // A refused write leaves no empty tab behind.
      if (created) this.removeSheet(sheetName);
      // What the fake refuses (a too long text...) is Sheets refusing the input, said as Sheets says it.
      throw error instanceof Error && error.constructor === Error ? new UserInputError(error.message) : error;
    } finally {
      this.changed();
    }
  }

  /**
   * Fills a tab from CSV text, typed as Sheets types an import. Cells that Sheets would read as a
   * formula (`=...`, `+x`, `-x`) are kept as text: an export's cells are data, not code.
   */
  importCsv(sheetName: string, text: string, start = 'A1'): { rows: number; columns: number } {
    const rows = parseCsv(text);
    if (rows.length === 0)
      throw new UserInputError('The CSV text is empty: paste or choose a file with a header row and data.');
    const columns = longestRow(rows);
    const values = rows.map((row) =>
      Array.from({ length: columns }, (_, i) => {
        const cell = row[i] ?? '';
        return interpretInput(cell, undefined, this.model.timeZone, '').formula ? `'${cell}` : cell;
      }),
    );
    this.writeValues(sheetName, start, values);
    return { rows: rows.length, columns };
  }

  /** The sample export in a new tab and a first FUNNEL over it in another. */
  loadSample(): { sheet: string; dataSheet: string; rows: number } {
    const dataSheet = this.freeName('Sample export');
    const { rows, columns } = this.importCsv(dataSheet, makeSampleExport());
    const funnelSheet = this.freeName('Sample funnel');
    const data = `${quoteSheetName(dataSheet)}!${rectA1({ row: 1, column: 1, numRows: rows, numColumns: columns })}`;
    this.writeValues(funnelSheet, 'A1', [[`=FUNNEL(${data}, "${SAMPLE_STEPS}", "${SAMPLE_WINDOW}")`]]);
    // FUNNEL returns shares as fractions for the user to format, as one would in Sheets.
    this.fake.calls.uncounted(() => {
      const sheet = this.fake.spreadsheet.getSheetByName(funnelSheet);
      sheet?.getRange('C2:D20').setNumberFormat('0.0%');
      sheet?.getRange('F2:F20').setNumberFormat('0.0%');
    });
    this.activate(funnelSheet);
    return { sheet: funnelSheet, dataSheet, rows };
  }

  private removeSheet(name: string): void {
    this.fake.calls.uncounted(() => {
      const sheet = this.fake.spreadsheet.getSheetByName(name);
      if (sheet && this.fake.spreadsheet.getSheets().length > 1) this.fake.spreadsheet.deleteSheet(sheet);
    });
  }

  /** `base`, or `base 2`, `base 3`... when a tab of that name already holds something. */
  private freeName(base: string): string {
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : `${base} ${i}`;
      const sheet = this.model.sheetByName(name);
      if (!sheet || sheet.usedExtent().rows === 0) return name;
    }
  }

  activate(sheetName: string, range?: string): void {
    const sheet = this.model.sheetByName(sheetName);
    if (!sheet) throw new UserInputError(`There is no tab named "${sheetName}".`);
    this.model.activeSheet = sheet;
    const rect = parseRangeA1(range ?? 'A1', sheet.maxRows, sheet.maxColumns);
    if (rect) this.model.activeRange = { sheet, rect };
    this.uiRevision++;
  }

  /**
   * The PDF Google's export address would give (GET /api/print.pdf with the same query as
   * print-url.ts builds): the tab `gid`, landscape unless `portrait=true`, fit to width when
   * `fitw=true`, gridlines unless `gridlines=false`.
   */
  async printPdf(query: URLSearchParams): Promise<{ pdf: Buffer; sheetName: string }> {
    this.reloadIfRebuilt();
    const gid = Number(query.get('gid'));
    const sheet = this.model.sheets.find((s) => s.id === gid && query.get('gid') !== null);
    if (!sheet) {
      const ids = this.model.sheets.map((s) => `${s.name} ${s.id}`).join(', ');
      throw new UserInputError(
        `No tab has the id gid=${query.get('gid') ?? '(missing)'}; the tabs are: ${ids}.`,
      );
    }
    const page = this.fake.calls.uncounted(() =>
      printPage(this.model, sheet, { gridlines: query.get('gridlines') !== 'false' }),
    );
    const pdf = await printToPdf(page, {
      landscape: query.get('portrait') === 'false',
      fitToWidth: query.get('fitw') === 'true',
    });
    return { pdf, sheetName: sheet.name };
  }

  xlsx(): Promise<XlsxFile> {
    return this.fake.calls.uncounted(() => workbookToXlsx(this.model));
  }
}

/** Sheets' limit: cells (rows x columns, empty ones too) of all tabs of one spreadsheet. */
const SHEETS_CELL_LIMIT = 10_000_000;

/** The length of the longest row (no spread: a 200k-row import would overflow the stack). */
function longestRow(rows: readonly unknown[][]): number {
  return rows.reduce((longest, row) => Math.max(longest, row.length), 0);
}

/** A request the session refuses, with a message that says how to fix it (answered with 400). */
export class UserInputError extends Error {}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') {
    return (error as Error).message;
  }
  return String(error);
}

/** What a JSON body can hold, as the fake's setValues accepts it (null -> empty). */
function normalizeInput(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * google.script.run passes only JSON-like values: a Date (or anything else) in a result makes the
 * real call fail, so the playground fails it too instead of hiding the bug.
 */
function toJsonResult(name: string, value: unknown, path = 'result'): unknown {
  if (value === undefined || value === null) return null;
  if (isDate(value)) {
    throw new Error(
      `${name} returned a Date at ${path}; google.script.run cannot pass Dates. Return an ISO string.`,
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => toJsonResult(name, v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonResult(name, v, `${path}.${k}`);
    return out;
  }
  if (typeof value === 'function') return null;
  return value;
}
