/**
 * The entry of the BigQuery JavaScript UDF: FUNNEL's own engine, run on one entity's events.
 * scripts/generate-udf.mjs bundles this file (and the engine it imports) into
 * src/generated/funnel-udf.ts at build time, so the SQL carries exactly the code FUNNEL runs.
 * It must stay small (BigQuery limits a function body to 32 KB): import the engine file, not
 * the funnel index, which would pull in data reading and layout.
 */
import { EntityFunnel } from '../funnel/entity-funnel';
import type { FunnelSpec } from '../funnel/spec';
import type { EventTable } from '../table/read';

/** One event of an entity as BigQuery hands it to the UDF: time in epoch microseconds, event name. */
export interface UdfEvent {
  t: number;
  e: string;
}

/** The part of FunnelSpec the engine reads, as JSON embedded in the SQL (no window is null: JSON has no Infinity). */
export type UdfSpec = Pick<FunnelSpec, 'steps' | 'mode' | 'exclude'> & { windowMs: number | null };

/** For each step, whether the entity counts at it. */
export function reachedSteps(events: readonly UdfEvent[], spec: UdfSpec): boolean[] {
  const n = events.length;
  const names: string[] = [];
  const codes = new Map<string, number>();
  const eventCodes = new Int32Array(n);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const name = String(events[i]!.e ?? '').trim();
    let code = codes.get(name);
    if (code === undefined) {
      code = names.length;
      names.push(name);
      codes.set(name, code);
    }
    eventCodes[i] = code;
    // Microseconds to the engine's milliseconds, as the table reader does for GA4 timestamps.
    times[i] = Number(events[i]!.t) / 1000;
  }
  const table: EventTable = {
    kind: 'events',
    rowCount: n,
    otherEventRows: 0,
    entityIds: new Int32Array(n),
    entityKeys: ['entity'],
    entityUnit: 'users',
    times,
    eventCodes,
    eventNames: names,
    eventCode: (name) => codes.get(name) ?? -1,
    extras: [],
    columns: { event: 'e', time: 't' },
    headers: ['t', 'e'],
  };
  // The events are one entity's: the very function FUNNEL runs per entity.
  const funnel = new EntityFunnel(table, {
    steps: spec.steps,
    mode: spec.mode,
    exclude: spec.exclude,
    windowMs: spec.windowMs ?? Number.POSITIVE_INFINITY,
    time: false,
  });
  const counted = funnel.run(
    Int32Array.from({ length: n }, (_, i) => i),
    0,
    n,
  );
  return spec.steps.map((_, index) => counted && funnel.out.reached[index + 1] === 1);
}
