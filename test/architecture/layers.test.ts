import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, dir, f));
}

/** Strips comments so a word in prose does not count as a use. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const APPS_SCRIPT_GLOBALS =
  /\b(SpreadsheetApp|HtmlService|LockService|PropertiesService|CacheService|Utilities|Logger|Session|ScriptApp|Charts|GoogleAppsScript)\b/;

describe('layers', () => {
  it('src/core uses no Apps Script global, so it runs in Node and in the browser', () => {
    const offenders = sourceFiles('src/core').filter((f) => APPS_SCRIPT_GLOBALS.test(code(f)));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('src/core imports nothing from the other layers or from Node', () => {
    const offenders = sourceFiles('src/core').filter((f) =>
      /from\s+['"](\.\.\/)+(sheets|functions|sidebar|main)|from\s+['"]node:/.test(code(f)),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('nothing in src/ imports the dev fake or test code', () => {
    const offenders = sourceFiles('src').filter((f) => /from\s+['"][./]*(dev|test)\//.test(code(f)));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('src/core bundles for the browser with no Node built-in', async () => {
    const entries = sourceFiles('src/core');
    const contents = entries
      .map((f) => `export * as m${entries.indexOf(f)} from ${JSON.stringify(f)};`)
      .join('\n');
    const out = await esbuild.build({
      stdin: { contents, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(out.errors).toEqual([]);
  });
});
