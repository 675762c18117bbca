/**
 * The record of what the planner drew on a view tab, so the next run knows which cells are its
 * own: per drawn row, a short fingerprint of each cell it wrote, and the array formulas whose
 * results spill. Kept with the tab (developer metadata, see tab-registry.ts), so it survives a
 * copy of the file. A cell is ours only while it still holds what we wrote.
 */

/** An array formula at (row, column) of the view, whose result fills rows x columns from there. */
export interface Spill {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface Drawing {
  /** Per row of the view, in order: fingerprint of each written cell, by column (1-based). */
  rows: Record<string, string>[];
  width: number;
  spills: Spill[];
  /** A drawing from before records were kept: every cell in rows 1..whole, columns 1..width is ours. */
  whole?: number;
}

/** FNV-1a of the cell as read back (its formula, else its value), in base 36: short and stable. */
export function fingerprint(value: unknown, formula: string): string {
  const text =
    formula !== ''
      ? `=${formula.replace(/^=/, '').replace(/\s+/g, '').toUpperCase()}`
      : value === '' || value === null || value === undefined
        ? ''
        : typeof value === 'string' && value.startsWith('=')
          ? `=${value.replace(/^=/, '').replace(/\s+/g, '').toUpperCase()}`
          : `${typeof value}:${String(value)}`;
  if (text === '') return '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Reads a stored record; anything unreadable counts as no record (so every cell is the user's). */
export function parseDrawing(raw: unknown): Drawing | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.rows) || !isCount(raw.width)) return undefined;
  const rows = raw.rows.map((row) =>
    isRecord(row)
      ? Object.fromEntries(
          Object.entries(row).filter(([c, print]) => /^\d+$/.test(c) && typeof print === 'string'),
        )
      : {},
  ) as Record<string, string>[];
  const spills = (Array.isArray(raw.spills) ? raw.spills : []).filter(
    (s): s is Spill => isRecord(s) && [s.row, s.column, s.rows, s.columns].every(isCount),
  );
  return { rows, width: raw.width, spills, ...(isCount(raw.whole) ? { whole: raw.whole } : {}) };
}
