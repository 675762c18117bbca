/**
 * strict_order's rows that are no step, reduced to the one per entity that can matter.
 *
 * The scan (sequential.ts) passes over such a row until the entity's first step-1 row, and
 * stops at the first one after it. A row at the very time of that step 1 sorts before it
 * (entries.ts: no step first at equal times) and is passed over too. So of an entity's page
 * views, scrolls and other events, only the earliest one later than its first step 1 is
 * needed: found here in two passes over the table in row order, rather than by grouping every
 * row by entity and sorting it with the steps (at 1M rows, reading those rows' times and codes
 * in entity order, one cache miss each, was most of strict_order's scan).
 */
import type { EventTable } from '../table';
import type { StepMatch } from './step-match';

export interface StrictBreaks {
  /** Per entity, the time of its first step-1 row; NO_START when it has none. */
  firstStart: Float64Array;
  /** Per entity, the row that ends its chains (the first non-step row after firstStart), or -1. */
  breakRow: Int32Array;
}

/** An entity with no step-1 row: no chain starts. */
export const NO_START = Number.POSITIVE_INFINITY;

export function strictBreaks(table: EventTable, match: StepMatch): StrictBreaks {
  const { entityIds, eventCodes, times, rowCount } = table;
  const { start, steps } = match;
  const entityCount = table.entityKeys.length;
  const firstStart = new Float64Array(entityCount).fill(NO_START);
  for (let row = 0; row < rowCount; row++) {
    const code = eventCodes[row]!;
    // A code's steps are ascending: it matches step 1 when its first one is 1.
    if (start[code] === start[code + 1] || steps[start[code]!] !== 1) continue;
    const entity = entityIds[row]!;
    if (times[row]! < firstStart[entity]!) firstStart[entity] = times[row]!;
  }
  const breakRow = new Int32Array(entityCount).fill(-1);
  // The time of breakRow, per entity: times[breakRow] would be a cache miss per row.
  const breakTime = new Float64Array(entityCount).fill(NO_START);
  for (let row = 0; row < rowCount; row++) {
    const code = eventCodes[row]!;
    if (start[code] !== start[code + 1]) continue;
    const entity = entityIds[row]!;
    const t = times[row]!;
    // Rows in table order: at equal times the first row stays, as the sort would put it.
    if (t > firstStart[entity]! && t < breakTime[entity]!) {
      breakTime[entity] = t;
      breakRow[entity] = row;
    }
  }
  return { firstStart, breakRow };
}
