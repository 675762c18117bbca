import { DIST_DIR, loadCodeJs } from '../../dev/gas-local';

export const DIST = DIST_DIR;

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
  return loadCodeJs({ ...gasDefaults(), ...services }) as Record<string, (...args: unknown[]) => unknown>;
}
