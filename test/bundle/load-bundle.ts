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

export const DIST = join(import.meta.dirname, '..', '..', 'dist');

/** The globals gas-local gives by default, fresh each time (a reused object breaks a second load). */
export function gasDefaults(): Record<string, unknown> {
  return {
    Logger: { log: () => undefined },
    Utilities: { formatString: (f: string) => f, formatDate: (d: Date) => d.toISOString() },
  };
}

/**
 * Loads dist/Code.js as Apps Script would: one classic script in a fresh context that has only
 * JavaScript built-ins, Logger, Utilities and whatever services the test passes.
 */
export function loadBundle(
  services: Record<string, unknown> = {},
): Record<string, (...args: unknown[]) => unknown> {
  const context = gasLocal.require(
    DIST,
    { ...gasDefaults(), ...services },
    { filter: (p) => p.endsWith('Code.js') },
  );
  return context as Record<string, (...args: unknown[]) => unknown>;
}
