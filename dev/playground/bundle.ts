/**
 * Loads dist/Code.js as Apps Script would (gas-local: one classic script in a fresh vm context
 * with the fake services as globals) and reads which of its functions are public: the top-level
 * declarations (what google.script.run and menus may call) and the @customfunction ones.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, loadCodeJs } from '../gas-local';

export { DIST_DIR };

const CODE = join(DIST_DIR, 'Code.js');

export interface LoadedBundle {
  context: Record<string, unknown>;
  /** Top-level `function NAME(` declarations, minus private `name_` ones. */
  publicFunctions: Set<string>;
  /** Custom functions by upper-case name. */
  customFunctions: Map<string, (...args: unknown[]) => unknown>;
  modified: number;
}

export function bundleModified(): number {
  return statSync(CODE).mtimeMs;
}

export function loadBundle(services: Record<string, unknown>): LoadedBundle {
  let code: string;
  try {
    code = readFileSync(CODE, 'utf8');
  } catch {
    throw new Error('dist/Code.js is missing: run `npm run build` first (npm start does it for you).');
  }
  const modified = bundleModified();
  const context = loadCodeJs({
    Logger: { log: (...args: unknown[]) => console.log('[Logger]', ...args) },
    Utilities: { formatString: (f: string) => f, formatDate: (d: Date) => d.toISOString() },
    console,
    ...services,
  });
  const publicFunctions = new Set(
    [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)]
      .map((m) => m[1]!)
      .filter((n) => !n.endsWith('_')),
  );
  const customFunctions = new Map<string, (...args: unknown[]) => unknown>();
  for (const m of code.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nfunction ([A-Za-z_][\w]*)\s*\(/g)) {
    const [, doc, name] = m;
    const fn = context[name!];
    if (doc!.includes('@customfunction') && typeof fn === 'function') {
      customFunctions.set(name!.toUpperCase(), fn as (...args: unknown[]) => unknown);
    }
  }
  return { context, publicFunctions, customFunctions, modified };
}
