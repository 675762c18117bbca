// The bundle as Apps Script runs it, and data as Sheets hands it over: dist/Code.js loaded by
// gas-local into a fresh vm context, and the 2D array built INSIDE that context (its own realm),
// parsed from JSON text there, as a deserialised argument would be.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local');

// BENCH_DIST measures another build of the bundle (a folder holding a Code.js).
export const DIST = process.env.BENCH_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** A fresh context with dist/Code.js loaded; fresh globals each time (gas-local breaks on reuse). */
export function loadBundle() {
  const globals = {
    Logger: { log: () => undefined },
    Utilities: { formatString: (format) => format, formatDate: (date) => date.toISOString() },
  };
  return gasLocal.require(DIST, globals, { filter: (path) => path.endsWith('Code.js') });
}

/** Runs source text in the context and returns its value (an object of that realm). */
export function evaluateIn(context, source) {
  return vm.runInContext(source, context);
}

/**
 * A 2D array of the context's realm: the header row, then one row per index of the parallel
 * columns. Cell text goes through JSON so that each cell is its own string, as Sheets sends them.
 */
export function rowsInRealm(context, header, columns) {
  const count = columns[0].length;
  const parts = new Array(count + 1);
  parts[0] = JSON.stringify(header);
  for (let i = 0; i < count; i++) {
    parts[i + 1] = JSON.stringify(columns.map((column) => column[i]));
  }
  context.__benchJson = `[${parts.join(',')}]`;
  try {
    return evaluateIn(context, 'JSON.parse(__benchJson)');
  } finally {
    delete context.__benchJson;
  }
}

/**
 * The same dist/Code.js evaluated in this (main) realm instead of a vm context. Inside a vm
 * context every global lookup (Number.isFinite, Math.abs, Array.isArray...) goes through Node's
 * contextify interceptors, several times slower than a plain global; Apps Script's V8 has a
 * plain global. Comparing both shows how much of a figure is that gas-local artifact.
 */
export function loadBundleOutsideVm() {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  return new Function(`${code}\n;return { FUNNEL: typeof FUNNEL === 'function' ? FUNNEL : undefined };`)();
}
