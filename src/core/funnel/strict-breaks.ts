/**
 * strict_order's rows that are no step, reduced to the time of the one per entity that can matter.
 *
 * The scan (sequential.ts) passes over such a row until the entity's first step-1 row, and
 * stops at the first one after it. A row at the very time of that step 1 sorts before it
 * (entries.ts: no step first at equal times) and is passed over too. So of an entity's page
 * views, scrolls and other events, only the earliest one later than its first step 1 is
 * needed: found here in passes over the rows in data order, rather than by grouping every row
 * by entity and sorting it with the steps. The rows of other events are not in the table
 * (FUNNEL reads only its events' rows, read.ts keepEvent): table.otherRows reads them now.
 */
import type { EventTable } from '../table';
import type { StepMatch } from './step-match';

export interface StrictBreaks {
  /** Per entity, the time of its first step-1 row; NONE when it has none (no chain starts). */
  firstStart: Float64Array;
  /** Per entity, the time of the row that ends its chains; NONE when no row does. */
  breakTime: Float64Array;
}

/** No such row. */
export const NONE = Number.POSITIVE_INFINITY;

/** Rows of other events read at a time (table.otherRows). */
const CHUNK_ROWS = 4096;

export function strictBreaks(table: EventTable, match: StepMatch): StrictBreaks {
  const { entityIds, eventCodes, times, rowCount } = table;
  const { start, steps } = match;
  const entityCount = table.entityKeys.length;
  const firstStart = new Float64Array(entityCount).fill(NONE);
  for (let row = 0; row < rowCount; row++) {
    const code = eventCodes[row]!;
    // A code's steps are ascending: it matches step 1 when its first one is 1.
    if (start[code] === start[code + 1] || steps[start[code]!] !== 1) continue;
    const entity = entityIds[row]!;
    if (times[row]! < firstStart[entity]!) firstStart[entity] = times[row]!;
  }
  const breakTime = new Float64Array(entityCount).fill(NONE);
  // Rows of the table that are no step (an excluded event's)...
  for (let row = 0; row < rowCount; row++) {
    const code = eventCodes[row]!;
    if (start[code] !== start[code + 1]) continue;
    const entity = entityIds[row]!;
    const t = times[row]!;
    if (t > firstStart[entity]! && t < breakTime[entity]!) breakTime[entity] = t;
  }
  // ...and the rows of every other event.
  const others = table.otherRows?.();
  if (others) {
    const chunkIds = new Int32Array(CHUNK_ROWS);
    const chunkTimes = new Float64Array(CHUNK_ROWS);
    for (let n = others.next(chunkIds, chunkTimes); n > 0; n = others.next(chunkIds, chunkTimes)) {
      for (let i = 0; i < n; i++) {
        const entity = chunkIds[i]!;
        const t = chunkTimes[i]!;
        if (t > firstStart[entity]! && t < breakTime[entity]!) breakTime[entity] = t;
      }
    }
  }
  return { firstStart, breakTime };
}
