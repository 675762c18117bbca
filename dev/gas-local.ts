/**
 * The one place that loads dist/Code.js through gas-local, as Apps Script would: one classic
 * script in a fresh vm context made from the globals given (gas-local 1.3 runs every .js file
 * of a folder; the filter keeps it to Code.js). Tests, the playground and the bench share it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local') as {
  require: (
    folder: string,
    globals: object,
    options?: { filter?: (path: string) => boolean },
  ) => Record<string, unknown>;
};

export const DIST_DIR = join(import.meta.dirname, '..', 'dist');

/** A fresh context every call: gas-local breaks when a globals object is reused. */
export function loadCodeJs(globals: Record<string, unknown>): Record<string, unknown> {
  return gasLocal.require(DIST_DIR, globals, { filter: (p) => p.endsWith('Code.js') });
}
