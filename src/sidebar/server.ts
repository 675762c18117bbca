/**
 * The one door to the server: a promise over google.script.run, typed by the API the
 * sidebar uses. Arguments and results are plain JSON (google.script.run refuses Date).
 */
import type { CreateFrameworkRequest, Finding, Framework, TemplateSummary } from '../core/framework/model';

/** What "Print framework" needs to open the PDF export of the Framework tab. */
export interface PrintInfo {
  url?: string;
  spreadsheetId?: string;
  sheetId?: number;
  sheetName?: string;
}

export interface InsightsRequest {
  /** A1 range of the pasted export, e.g. `Data!A:C`. */
  dataRange: string;
  macroEvent: string;
}

/** Results are `unknown` where the sidebar checks their shape before use. */
export interface ServerApi {
  listTemplates(): unknown;
  readFramework(): unknown;
  createFramework(request: CreateFrameworkRequest): unknown;
  checkFramework(): unknown;
  selectCell(sheet: string, a1: string): unknown;
  getPrintInfo(): unknown;
  createInsights(request: InsightsRequest): unknown;
}

export type { CreateFrameworkRequest, Finding, Framework, TemplateSummary };

type Handler = (value: unknown) => void;
interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: Handler): ScriptRunner;
  [serverFunction: string]: unknown;
}

function scriptRunner(): ScriptRunner | undefined {
  const google = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return google?.script?.run;
}

/** A failure as one plain sentence (Apps Script prefixes some with "Exception: "). */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const message = text.replace(/^(Exception|Error):\s*/, '').trim();
  return message || 'The server failed without saying why. Please try again.';
}

export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = scriptRunner();
    if (!run) {
      reject(
        new Error('This page only works inside Google Sheets: open it from Extensions > Micro Conversions.'),
      );
      return;
    }
    const runner = run
      .withSuccessHandler(resolve)
      .withFailureHandler((e) => reject(new Error(failureMessage(e))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    fn.apply(runner, args);
  });
}
