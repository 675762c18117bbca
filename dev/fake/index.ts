/**
 * A typed in-memory fake of the Apps Script services the add-on uses, counting every call.
 * Dev and test only: never imported by src/, never bundled.
 *
 * Usage:
 *   import { createFakeServices, snapshot } from '../../dev/fake';
 *   const fake = createFakeServices({ timeZone: 'Europe/Berlin' });   // { authMode: 'NONE' } for onOpen
 *   const ctx = loadBundle({ ...fake });                // gas-local globals: SpreadsheetApp, HtmlService, ...
 *   ctx.createFramework({ template: 'ecommerce' });
 *   fake.spreadsheet.getSheetByName('Phases')!.getRange('A1:C3').getValues();   // counted too
 *   fake.calls.reset();                                 // then run, then:
 *   fake.calls.total(); fake.calls.byMethod(); fake.calls.of('Range.setValues'); fake.calls.log();
 *   fake.setAuthMode('FULL');                           // after onOpen in NONE: the user authorized
 *   fake.ui.addonMenu(); fake.ui.lastSidebar()?.title; fake.ui.toasts;
 *   snapshot(fake.spreadsheet);                         // plain JSON of the whole workbook
 *   fake.setFormulaEvaluator((formula, at) => ...);     // a host computes formula values (playground)
 *   const restore = installGlobals(fake);               // or: src/ modules called in-process see the fake
 *
 * Semantics that matter for our guarantees (see cells.ts): a string written with setValue(s) that
 * starts with `=` becomes a formula (and `+`/`-` text that is not a number is parsed as one), unless
 * the cell is formatted as plain text `@` or the text starts with an apostrophe (dropped); numeric
 * strings become numbers. Formulas have the value '' unless an evaluator is set.
 *
 * Files: calls.ts (counting, auth mode) · model.ts (the workbook as data) · cells.ts (write and
 * display rules) · a1.ts · spreadsheet.ts, sheet.ts, range.ts, protection.ts, range-lookup.ts (the
 * counted views) · builders.ts (validation, conditional formats) · charts.ts · app.ts
 * (SpreadsheetApp) · ui.ts · html.ts · services.ts (Lock, Properties, Session, ScriptApp) ·
 * snapshot.ts. test/fake/api-names.test.ts checks every method name against @types/google-apps-script.
 */
import { join } from 'node:path';
import { FakeSpreadsheetApp } from './app';
import { type AuthMode, CallCounter } from './calls';
import { FakeCharts } from './charts';
import type { FakeContext } from './context';
import { FakeHtmlService } from './html';
import { type FormulaEvaluator, WorkbookModel } from './model';
import { FakeLockService, FakePropertiesService, FakeScriptApp, FakeSession } from './services';
import { snapshotModel, type WorkbookSnapshot } from './snapshot';
import { contextOf, FakeSpreadsheet } from './spreadsheet';
import { FakeUi, UiRecord } from './ui';

export type { AuthMode } from './calls';
export { CallCounter } from './calls';
export type { FormulaContext, FormulaEvaluator } from './model';
export type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
export { FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';
export type { MenuRecord, ShownHtml } from './ui';
export { UiRecord } from './ui';

export interface FakeOptions {
  /** 'NONE' lets only the menu be built (onOpen before authorization); default 'FULL'. */
  authMode?: AuthMode;
  /** The spreadsheet's time zone (dates are parsed and shown in it); default 'Etc/UTC'. */
  timeZone?: string;
  /** Where HtmlService reads `<name>.html`; default the repository's dist/. */
  distDir?: string;
  id?: string;
  name?: string;
  /** The tabs a new spreadsheet starts with; default ['Sheet1']. */
  sheetNames?: string[];
  userEmail?: string;
  /** The title Sheets gives the add-on menu (the add-on's name). */
  addonMenuTitle?: string;
}

export const DEFAULT_DIST_DIR = join(import.meta.dirname, '..', '..', 'dist');

export function createFakeServices(options: FakeOptions = {}) {
  const calls = new CallCounter();
  const model = new WorkbookModel(
    options.id ?? 'fake-spreadsheet-id',
    options.name ?? 'Untitled spreadsheet',
    options.timeZone ?? 'Etc/UTC',
  );
  for (const name of options.sheetNames ?? ['Sheet1']) model.addSheet(name);
  model.activeSheet = model.sheets[0];
  const ui = new UiRecord();
  const ctx: FakeContext = { calls, model, ui };
  const fakeUi = new FakeUi(calls, ui, options.addonMenuTitle ?? 'Micro Conversion Framework');
  const spreadsheet = new FakeSpreadsheet(ctx);
  calls.authMode = options.authMode ?? 'FULL';

  return {
    SpreadsheetApp: new FakeSpreadsheetApp(ctx, fakeUi),
    HtmlService: new FakeHtmlService(calls, options.distDir ?? DEFAULT_DIST_DIR),
    LockService: new FakeLockService(calls),
    PropertiesService: new FakePropertiesService(calls),
    Charts: FakeCharts,
    Session: new FakeSession(calls, () => model.timeZone, options.userEmail ?? 'user@example.com'),
    ScriptApp: FakeScriptApp,
    /** The active spreadsheet (calls on it are counted like the add-on's). */
    spreadsheet,
    calls,
    ui,
    /** Authorizes (or de-authorizes) the add-on, as when the user first uses it. */
    setAuthMode(mode: AuthMode): void {
      calls.authMode = mode;
    },
    /** Lets a host compute formula values; reads the evaluator makes are not counted. */
    setFormulaEvaluator(evaluator: FormulaEvaluator | undefined): void {
      model.evaluator = evaluator && ((formula, at) => calls.uncounted(() => evaluator(formula, at)));
      model.touch();
    },
  };
}

export type FakeServices = ReturnType<typeof createFakeServices>;

/** The names the services go by in Apps Script's global scope. */
const GLOBAL_NAMES = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'Charts',
  'Session',
  'ScriptApp',
] as const;

/**
 * For tests that import src/ modules directly instead of loading dist/Code.js: puts the services
 * on globalThis (where src/ expects SpreadsheetApp and friends) and returns a function that
 * restores whatever was there before.
 */
export function installGlobals(services: FakeServices): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = GLOBAL_NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(g, name)] as const);
  for (const name of GLOBAL_NAMES) {
    Object.defineProperty(g, name, { value: services[name], configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, name, descriptor);
      else delete g[name];
    }
  };
}

/** Plain JSON of every sheet of a fake spreadsheet; reading it is not counted. */
export function snapshot(spreadsheet: FakeSpreadsheet): WorkbookSnapshot {
  const ctx = contextOf(spreadsheet);
  return ctx.calls.uncounted(() => snapshotModel(ctx.model));
}
