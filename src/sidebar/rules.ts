/**
 * Client-side checks of what the user types, cheap copies of the server's rules so the
 * user hears at once; the server stays the authority. Pure functions: tested in Node.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads "2", "2.5", "2,5" or "2 %" typed as a percentage; blank means not set. Returns a fraction. */
export function parsePercent(text: string, label: string): Parsed<number | null> {
  const trimmed = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) {
    return {
      ok: false,
      error: `${label} must be a number from 0 to 100, such as 2 or 12.5 (you typed "${text}").`,
    };
  }
  const percent = Number(trimmed);
  if (percent > 100) {
    return { ok: false, error: `${label} must be at most 100 % (you typed ${trimmed}).` };
  }
  return { ok: true, value: percent / 100 };
}

/** A fraction shown as a percentage for editing: 0.025 -> "2.5"; null -> "". */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '';
  // toPrecision drops float noise such as 0.07 * 100 = 7.000000000000001.
  return String(Number((fraction * 100).toPrecision(12)));
}

/** Reads a money amount such as "45" or "45.50"; blank means unknown. */
export function parseAmount(text: string, label: string): Parsed<number | null> {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) {
    return {
      ok: false,
      error: `${label} must be a positive number such as 45 or 19.90 (you typed "${text}").`,
    };
  }
  return { ok: true, value: Number(trimmed) };
}

export function formatAmount(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

export function requireText(text: string, label: string): Parsed<string> {
  const trimmed = text.trim();
  return trimmed ? { ok: true, value: trimmed } : { ok: false, error: `${label} is required.` };
}
