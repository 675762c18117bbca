/**
 * Client-side checks of what the user types, so the user hears at once; the server stays the
 * authority. Event names are judged by the very rule Check uses (core/framework/names).
 * Pure functions: tested in Node.
 */
import { eventNameAdvice } from '../core/framework/names';

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

/** A live check for a percent field: its error, or undefined when the text reads as a percentage. */
export function percentError(label: string): (text: string) => string | undefined {
  return (text) => {
    const parsed = parsePercent(text, label);
    return parsed.ok ? undefined : parsed.error;
  };
}

export function formatAmount(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

export function requireText(text: string, label: string): Parsed<string> {
  const trimmed = text.trim();
  return trimmed ? { ok: true, value: trimmed } : { ok: false, error: `${label} is required.` };
}

/** What GA4 would refuse in an event name, with the fix; undefined for a good or blank name. */
export function eventNameError(text: string): string | undefined {
  return eventNameAdvice(text.trim());
}

/**
 * The text a percent field starts with: the target as a percentage, or, when the sheet's cell
 * did not read as a rate (`150%` stored as 1.5, `about 10%`), that content as the user typed it,
 * so the field shows it flagged instead of blank.
 */
export function percentFieldText(fraction: number | null, unread: unknown): string {
  if (fraction !== null) return formatPercent(fraction);
  if (typeof unread === 'number') return formatPercent(unread);
  return typeof unread === 'string' ? unread : '';
}
