/** A fresh fake spreadsheet with dist/Code.js loaded over it, as Apps Script would run the add-on. */
import { createFakeServices, type FakeOptions, type FakeServices } from '../../dev/fake';
import { loadBundle } from '../bundle/load-bundle';

export interface Planner {
  fake: FakeServices;
  /** The bundle's top-level functions, e.g. FUNNEL for a formula host. */
  context: Record<string, (...args: unknown[]) => unknown>;
  call: <T = unknown>(name: string, ...args: unknown[]) => T;
}

export function plannerOver(options: FakeOptions = {}): Planner {
  const fake = createFakeServices(options);
  const {
    spreadsheet: _spreadsheet,
    calls: _calls,
    ui: _ui,
    setAuthMode: _a,
    setFormulaEvaluator: _e,
    ...services
  } = fake;
  const ctx = loadBundle(services);
  const call = <T>(name: string, ...args: unknown[]): T => {
    const fn = ctx[name];
    if (typeof fn !== 'function') throw new Error(`dist/Code.js has no function ${name}`);
    // JSON round trip: what google.script.run carries, and plain objects of this realm.
    const result = fn(...args);
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  };
  return { fake, context: ctx, call };
}
