/**
 * MICRO_IMPACT: which micro events go with the macro conversion.
 *
 * Among all entities (users or sessions) in the data, an entity converted when it did the macro
 * event at least once. An entity "did" a micro event when
 *   - it converted, and did the micro at or before its first macro event (and, with a window,
 *     no longer than the window before it): the micro came on the way to converting; or
 *   - it never converted, and did the micro at any time.
 * For each micro, the 2x2 table (did it / did not) x (converted / did not) gives the conversion
 * rate with and without it, the lift, PostHog's smoothed odds ratio and Fisher's exact p-value.
 * Rows are sorted by odds ratio, largest first (what goes most with converting on top), ties by
 * how many entities did the micro, then by name.
 */
import { UserError } from '../errors';
import { fisherExactTwoSided, smoothedOddsRatio } from '../stats';
import { type EventTable, quotedList, rowsByEntity, type Step } from '../table';

/** Fewer entities than this on either side (did it / did not) is flagged as a small sample. */
export const SMALL_SIDE = 30;

export interface MicroImpactRow {
  label: string;
  /** Entities that did the micro (as defined above). */
  did: number;
  /** Of them, converted. */
  didConverted: number;
  didNot: number;
  didNotConverted: number;
  /** a / did; null when nobody did it. */
  rateWith: number | null;
  /** Converters among the rest; null when everybody did it. */
  rateWithout: number | null;
  /** rateWith / rateWithout - 1; null when rateWithout is 0. */
  lift: number | null;
  oddsRatio: number;
  pValue: number;
  /** Why the row needs care ('' when it does not): a micro never seen, a small sample. */
  note: string;
}

export interface MicroImpact {
  entityUnit: 'users' | 'sessions';
  entities: number;
  converters: number;
  rows: MicroImpactRow[];
}

/** The micro events to test: the ones given, or every event name other than the macro's. */
function defaultMicros(table: EventTable, macro: Step): Step[] {
  const macroNames = new Set(macro.names);
  return table.eventNames
    .filter((n) => n !== '' && !macroNames.has(n))
    .map((n) => ({ label: n, names: [n] }));
}

export function microImpact(
  table: EventTable,
  macro: Step,
  microsGiven: Step[] | null,
  windowMs: number,
): MicroImpact {
  const isMacro = new Uint8Array(table.eventNames.length);
  for (const name of macro.names) {
    const code = table.eventCode(name);
    if (code >= 0) isMacro[code] = 1;
  }
  if (!isMacro.includes(1)) {
    // Sorted, so that the message does not depend on the order of the rows.
    const seen = table.eventNames
      .filter((n) => n !== '')
      .sort()
      .slice(0, 12);
    throw new UserError(
      `macro_event: no ${quotedList(macro.names)} events in the data (column "${table.columns.event}"). ` +
        `Check the name; events seen include ${quotedList(seen)}.`,
    );
  }
  const micros = microsGiven ?? defaultMicros(table, macro);
  if (micros.length === 0) {
    throw new UserError(
      'micro_events: the data has no events other than the macro event, so there is nothing to compare.',
    );
  }
  // Event code -> the micros it counts for (usually one; a name may appear in several lists).
  const microsOfCode: number[][] = table.eventNames.map(() => []);
  micros.forEach((micro, m) => {
    for (const name of micro.names) {
      const code = table.eventCode(name);
      if (code >= 0 && !microsOfCode[code]!.includes(m)) microsOfCode[code]!.push(m);
    }
  });

  const entityCount = table.entityKeys.length;
  const { entityIds, eventCodes, times } = table;
  // Each entity's first macro time (Infinity: never converted).
  const firstMacro = new Float64Array(entityCount).fill(Number.POSITIVE_INFINITY);
  for (let row = 0; row < entityIds.length; row++) {
    if (isMacro[eventCodes[row]!] && times[row]! < firstMacro[entityIds[row]!]!) {
      firstMacro[entityIds[row]!] = times[row]!;
    }
  }
  const present = new Uint8Array(entityCount);
  for (let row = 0; row < entityIds.length; row++) present[entityIds[row]!] = 1;
  let entities = 0;
  let converters = 0;
  for (let e = 0; e < entityCount; e++) {
    entities += present[e]!;
    if (firstMacro[e] !== Number.POSITIVE_INFINITY) converters++;
  }

  // Count each entity once per micro: rows grouped by entity, a stamp per micro.
  const didConverted = new Float64Array(micros.length);
  const didNotConvert = new Float64Array(micros.length);
  const stamp = new Int32Array(micros.length).fill(-1);
  const wanted = Uint8Array.from(microsOfCode, (micros) => (micros.length > 0 ? 1 : 0));
  const { order, starts } = rowsByEntity(entityIds, entityCount, { codes: eventCodes, wanted });
  for (let e = 0; e < entityCount; e++) {
    const macroTime = firstMacro[e]!;
    const converted = macroTime !== Number.POSITIVE_INFINITY;
    for (let i = starts[e]!; i < starts[e + 1]!; i++) {
      const row = order[i]!;
      if (converted && !(times[row]! <= macroTime && macroTime - times[row]! <= windowMs)) continue;
      for (const m of microsOfCode[eventCodes[row]!]!) {
        if (stamp[m] === e) continue;
        stamp[m] = e;
        if (converted) didConverted[m]!++;
        else didNotConvert[m]!++;
      }
    }
  }

  const failures = entities - converters;
  const rows = micros.map((micro, m): MicroImpactRow => {
    const a = didConverted[m]!;
    const b = didNotConvert[m]!;
    const did = a + b;
    const didNot = entities - did;
    const rateWith = did > 0 ? a / did : null;
    const rateWithout = didNot > 0 ? (converters - a) / didNot : null;
    return {
      label: micro.label,
      did,
      didConverted: a,
      didNot,
      didNotConverted: converters - a,
      rateWith,
      rateWithout,
      lift: rateWith !== null && rateWithout ? rateWith / rateWithout - 1 : null,
      oddsRatio: smoothedOddsRatio(a, converters, b, failures),
      pValue: fisherExactTwoSided({ a, b, c: converters - a, d: failures - b }),
      note: micro.names.some((name) => macro.names.includes(name))
        ? 'this is the macro event itself'
        : noteFor(micro, table, did, didNot),
    };
  });
  rows.sort(
    (x, y) =>
      y.oddsRatio - x.oddsRatio || y.did - x.did || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0),
  );
  return { entityUnit: table.entityUnit, entities, converters, rows };
}

function noteFor(micro: Step, table: EventTable, did: number, didNot: number): string {
  if (micro.names.every((name) => table.eventCode(name) < 0))
    return `no ${quotedList(micro.names)} events in the data`;
  if (did === 0) return 'nobody did it before converting, and no non-converter did it';
  if (did < SMALL_SIDE || didNot < SMALL_SIDE) {
    return `small sample: ${did} ${table.entityUnit} did it, ${didNot} did not (fewer than ${SMALL_SIDE} on a side)`;
  }
  return '';
}

/** The result as rows for a sheet: a header row, then one row per micro event. */
export function microImpactTable(result: MicroImpact): (string | number)[][] {
  const unit = result.entityUnit === 'users' ? 'Users' : 'Sessions';
  const header = [
    'Micro event',
    `${unit} who did it`,
    'Of them converted',
    'Conversion rate with',
    'Conversion rate without',
    'Lift',
    'Odds ratio',
    'p-value (Fisher)',
    'Note',
  ];
  return [
    header,
    ...result.rows.map((r) => [
      r.label,
      r.did,
      r.didConverted,
      r.rateWith ?? 'n/a',
      r.rateWithout ?? 'n/a',
      r.lift ?? 'n/a',
      r.oddsRatio,
      r.pValue,
      r.note,
    ]),
  ];
}
