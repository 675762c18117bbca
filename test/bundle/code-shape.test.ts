import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES } from '../../scripts/bundle-budget.mjs';
import { CUSTOM_FUNCTIONS } from '../../src/functions/catalog';
import { DIST, loadBundle } from './load-bundle';

const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));

describe('dist/Code.js', () => {
  it('is one classic script: no import or export statement', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('stays under its budget (scripts/bundle-budget.mjs)', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });

  it('loads in a context with only built-ins, Logger and Utilities, doing no work at load', () => {
    const ctx = loadBundle();
    for (const name of ['onOpen', 'onInstall', 'showPlanner', 'showCheck', 'showPrint', 'showHelp']) {
      expect(typeof ctx[name], name).toBe('function');
    }
  });

  it('declares every public entry point as a top-level function', () => {
    for (const name of ['onOpen', 'onInstall', 'showPlanner', ...CUSTOM_FUNCTIONS.map((f) => f.name)]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it.each(CUSTOM_FUNCTIONS)('gives $name its @customfunction JSDoc with one @param per argument', (doc) => {
    const match = code.match(
      new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${doc.name}\\(([^)]*)\\)`),
    );
    expect(match, `no JSDoc block right above function ${doc.name}`).not.toBeNull();
    const [, block, params] = match!;
    expect(block).toContain('@customfunction');
    expect(block).toContain(doc.summary);
    expect(block).toMatch(/@return \S/);
    const documented = [...block!.matchAll(/@param \{[^}]+\} (\w+)/g)].map((m) => m[1]);
    expect(documented).toEqual(doc.params.map((p) => p.name));
    expect(params!.split(',').map((p) => p.trim())).toEqual(documented);
  });
});

describe('services the bundle may call', () => {
  // Each of these needs a scope beyond spreadsheets.currentonly + script.container.ui.
  const WIDER_SCOPE_SERVICES = [
    'UrlFetchApp',
    'DriveApp',
    'GmailApp',
    'MailApp',
    'DocumentApp',
    'CalendarApp',
    'FormApp',
    'SlidesApp',
    'ScriptApp',
    'Drive',
    'Sheets',
    'BigQuery',
  ];
  it.each(WIDER_SCOPE_SERVICES)('never calls %s', (service) => {
    expect(code).not.toMatch(new RegExp(`\\b${service}\\.\\w`));
  });

  it('never opens another spreadsheet (openById / openByUrl / create need the full spreadsheets scope)', () => {
    expect(code).not.toMatch(/SpreadsheetApp\.(openById|openByUrl|open|create)\(/);
  });
});

describe('dist/appsscript.json', () => {
  it('runs on V8 with Stackdriver logging and a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof manifest.timeZone).toBe('string');
  });

  it('asks for exactly the two narrow scopes', () => {
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });
});
