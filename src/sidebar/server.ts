/**
 * The one door to the server: a promise over google.script.run, its arguments typed by the
 * server's own exports. Arguments and results are plain JSON (google.script.run refuses Date);
 * results stay `unknown` until shapes.ts has checked them.
 */
import type { CreateFrameworkRequest, Finding, Framework, TemplateSummary } from '../core/framework/model';
// Type-only: the server's own signatures, erased from the sidebar's bundle.
import type * as Server from '../main';

/** The server functions the sidebar calls, typed by the entry module's exports. */
export type ServerApi = Pick<
  typeof Server,
  | 'listTemplates'
  | 'readFramework'
  | 'createFramework'
  | 'checkFramework'
  | 'selectCell'
  | 'getPrintInfo'
  | 'createInsights'
  | 'describeData'
>;

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
