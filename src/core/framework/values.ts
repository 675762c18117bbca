/**
 * Reading one field's value, whatever it arrived as: a spreadsheet cell (number, text,
 * '' for blank, a Date) or a JSON value from the sidebar. Both the table reader and
 * buildFramework use these, so a value means the same thing wherever it was typed.
 * A reader returns the value it could make of the input and, when the input was not
 * usable, a problem sentence that says what is wrong and how to fix it.
 */

export interface ReadValue<T> {
  value: T;
  problem?: string;
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** Shows the offending input in a message, quoted when it is text. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (isDate(value)) return 'a date';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** A value as text for comparing and messages, never throwing: non-text values other than numbers are ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
    return String(value);
  return '';
}

/** Text: trimmed; numbers and booleans are taken as their text; blank is ''. */
export function readText(value: unknown): ReadValue<string> {
  if (isBlank(value)) return { value: '' };
  if (typeof value === 'string') return { value: value.trim() };
  if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
  if (typeof value === 'boolean') return { value: String(value) };
  return { value: '', problem: `${showValue(value)} is not text: type the words in plain text.` };
}

/** Drops float noise such as 0.07 * 100 = 7.000000000000001. */
const tidy = (n: number): number => Number(n.toPrecision(12));

/** A fraction as the percentage a percent-formatted cell shows: 1.5 -> "150%". */
export const asPercent = (fraction: number): string => `${tidy(fraction * 100)}%`;

const RATE_FIX = 'write a fraction between 0 and 1 such as 0.25, or a percentage such as 25%';

/**
 * A rate or target as a fraction in [0, 1]; blank is null. Accepts 0.25, "0.25" and "25%".
 * A bare number above 1 (25) is refused rather than guessed as 25%: in a percent-formatted
 * cell Sheets already turns a typed 25 into 0.25, so a 25 that reaches us is ambiguous.
 */
export function readFraction(value: unknown): ReadValue<number | null> {
  if (isBlank(value)) return { value: null };
  let fraction: number;
  let typedAsPercent = false;
  if (typeof value === 'number') {
    fraction = value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    const percent = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*%$/.exec(text);
    typedAsPercent = percent !== null;
    if (percent) fraction = Number(percent[1]) / 100;
    else if (/^(-?\d+(?:\.\d+)?|-?\.\d+)$/.test(text)) fraction = Number(text);
    else return { value: null, problem: `${showValue(value)} is not a rate: ${RATE_FIX}.` };
  } else {
    return { value: null, problem: `${showValue(value)} is not a rate: ${RATE_FIX}.` };
  }
  if (!Number.isFinite(fraction))
    return { value: null, problem: `${showValue(value)} is not a rate: ${RATE_FIX}.` };
  if (fraction > 1 && fraction <= 100 && !typedAsPercent) {
    // A number of a percent-formatted cell shows as a percentage: 1.5 is the "150%" the user sees.
    return {
      value: null,
      problem: `${showValue(value)} is above 100% as a rate (${asPercent(fraction)}): for ${fraction}% write "${fraction}%" (${tidy(fraction / 100)}).`,
    };
  }
  if (fraction < 0 || fraction > 1) {
    return { value: null, problem: `${showValue(value)} is outside 0% to 100%: ${RATE_FIX}.` };
  }
  return { value: fraction };
}

/**
 * An amount of money (or any count) of 0 or more; blank is null. Accepts 120, "120",
 * "$120.50", "1,200.50" (comma as thousands separator only), "€ 85".
 */
export function readAmount(value: unknown): ReadValue<number | null> {
  if (isBlank(value)) return { value: null };
  const fix = 'write a plain number such as 120 or 120.50 (a dot for decimals), or leave it blank';
  let amount: number;
  if (typeof value === 'number') {
    amount = value;
  } else if (typeof value === 'string') {
    const text = value.trim().replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, '');
    if (/^-?\d+(\.\d+)?$/.test(text)) amount = Number(text);
    else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) amount = Number(text.replace(/,/g, ''));
    else return { value: null, problem: `${showValue(value)} is not a number: ${fix}.` };
  } else {
    return { value: null, problem: `${showValue(value)} is not a number: ${fix}.` };
  }
  if (!Number.isFinite(amount))
    return { value: null, problem: `${showValue(value)} is not a number: ${fix}.` };
  if (amount < 0) return { value: null, problem: `${showValue(value)} is negative: ${fix}.` };
  return { value: amount };
}

/** One of a fixed list, matched without regard to case; blank gives the default. */
export function readChoice<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): ReadValue<T> {
  if (isBlank(value)) return { value: fallback };
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const match = allowed.find((choice) => choice.toLowerCase() === text);
  if (match !== undefined) return { value: match };
  return {
    value: fallback,
    problem: `${showValue(value)} is not one of the choices: pick ${allowed.join(', ')}.`,
  };
}
