/**
 * Rows grouped by entity with a counting sort: O(rows + entities), no comparisons, stable
 * (rows of one entity keep their order in the data). Funnel engines then sort each entity's
 * few rows by time.
 */
export interface RowsByEntity {
  /** Row indexes, entity 0's rows first, then entity 1's... */
  order: Int32Array;
  /** Entity e's rows are order[starts[e]] .. order[starts[e + 1] - 1]. Length entityCount + 1. */
  starts: Int32Array;
}

/**
 * Groups rows by entity id. With `wanted`, only the rows whose code (e.g. event code) is wanted,
 * `wanted[codes[row]] === 1`, are kept: a lookup per row rather than a call per row.
 */
export function rowsByEntity(
  entityIds: Int32Array,
  entityCount: number,
  filter?: { codes: Int32Array; wanted: Uint8Array },
): RowsByEntity {
  const starts = new Int32Array(entityCount + 1);
  const rowCount = entityIds.length;
  const codes = filter?.codes;
  const wanted = filter?.wanted;
  let kept = 0;
  for (let row = 0; row < rowCount; row++) {
    if (wanted !== undefined && wanted[codes![row]!] !== 1) continue;
    starts[entityIds[row]! + 1]!++;
    kept++;
  }
  for (let e = 0; e < entityCount; e++) starts[e + 1]! += starts[e]!;
  const next = starts.slice(0, entityCount);
  const order = new Int32Array(kept);
  for (let row = 0; row < rowCount; row++) {
    if (wanted !== undefined && wanted[codes![row]!] !== 1) continue;
    order[next[entityIds[row]!]!++] = row;
  }
  return { order, starts };
}
