/**
 * One cell of the fake: plain data, every property optional (absent = Sheets' default), plus the
 * rules Sheets applies when a script writes a value (formula detection, number parsing) and when
 * it shows one (display values).
 */
export type CellValue = string | number | boolean | Date;

/** A data validation rule as plain data. `sourceRange` is A1 with sheet name for VALUE_IN_RANGE. */
export interface ValidationData {
  criteria: string;
  values: unknown[];
  sourceRange?: string;
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface BorderData {
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

export interface Cell {
  value?: CellValue;
  formula?: string;
  /** The link of a rich text value (setRichTextValue); any setValue(s) or setFormula(s) replaces it. */
  link?: string;
  numberFormat?: string;
  note?: string;
  fontWeight?: string;
  fontColor?: string;
  fontSize?: number;
  fontStyle?: string;
  fontFamily?: string;
  fontLine?: string;
  background?: string;
  validation?: ValidationData;
  wrap?: boolean;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  border?: BorderData;
}

/** What Sheets reports for a cell nobody touched. */
export const DEFAULTS = {
  numberFormat: '0.###############',
  note: '',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontSize: 10,
  fontStyle: 'normal',
  fontFamily: 'Arial',
  fontLine: 'none',
  background: '#ffffff',
  wrap: false,
  wrapStrategy: 'OVERFLOW',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
} as const;

/** Properties a "clear format" resets (validation and notes survive it, as in Sheets). */
export const FORMAT_KEYS = [
  'numberFormat',
  'fontWeight',
  'fontColor',
  'fontSize',
  'fontStyle',
  'fontFamily',
  'fontLine',
  'background',
  'wrap',
  'wrapStrategy',
  'horizontalAlignment',
  'verticalAlignment',
  'border',
] as const;

export const PLAIN_TEXT_FORMAT = '@';

/** Sheets refuses a cell text longer than this (typed or written by a script). */
export const MAX_CELL_CHARACTERS = 50_000;

export function isDate(value: unknown): value is Date {
  // Dates from the bundle's vm context fail `instanceof Date` here.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True when a cell holds nothing worth keeping (so the grid can drop it). */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  return Object.values(cell).every((v) => v === undefined);
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && ((cell.value !== undefined && cell.value !== '') || !!cell.formula);
}

/** What a write stores: a formula, or a typed value, and the number format Sheets picks for it. */
export interface Interpreted {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Interprets one value a script writes with setValue(s), as Sheets does:
 * - a string starting with `=` is a formula; one starting with `+` or `-` that is not a number is
 *   parsed as a formula too (Sheets shows #ERROR! for "- item"), so it is stored as `=` + text;
 * - a leading apostrophe forces text and is dropped;
 * - in a cell formatted as plain text (`@`) every string is kept literally;
 * - numeric-looking strings become numbers, `50%` becomes 0.5, TRUE/FALSE booleans,
 *   ISO and M/D/YYYY dates become Dates in the spreadsheet's time zone.
 */
export function interpretInput(
  input: unknown,
  numberFormat: string | undefined,
  timeZone: string,
  where: string,
): Interpreted {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      throw new Error(
        `Cell ${where} would receive ${input}; Sheets cannot store it (the fake refuses it to catch the bug).`,
      );
    }
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) {
    if (Number.isNaN(input.getTime())) {
      throw new Error(`Cell ${where} would receive an invalid Date; Sheets cannot store it.`);
    }
    return { value: new Date(input.getTime()) };
  }
  if (typeof input !== 'string') {
    throw new Error(
      `Cell ${where} would receive an object (${Object.prototype.toString.call(input)}); write a string, number, boolean or Date.`,
    );
  }
  if (input.length > MAX_CELL_CHARACTERS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell (cell ${where}).`,
    );
  }
  if (numberFormat === PLAIN_TEXT_FORMAT) return { value: input };
  if (input.startsWith("'")) return input.length > 1 ? { value: input.slice(1) } : {};
  if (input.startsWith('=') && input.length > 1) return { formula: input };
  const text = input.trim();
  if (/^[+-]/.test(text) && !NUMBER.test(text) && !/^[+-]?[\d.,]+%$/.test(text)) {
    return { formula: `=${text}` };
  }
  return parseTyped(text, numberFormat, timeZone) ?? { value: input };
}

function parseTyped(
  text: string,
  numberFormat: string | undefined,
  timeZone: string,
): Interpreted | undefined {
  const untouchedFormat = numberFormat === undefined;
  if (/\d/.test(text) && NUMBER.test(text)) return { value: Number(text.replace(/,/g, '')) };
  const percent = text.match(/^([+-]?[\d.,]+)%$/);
  if (percent && NUMBER.test(percent[1]!)) {
    const n = Number(percent[1]!.replace(/,/g, '')) / 100;
    const decimals = percent[1]!.includes('.') ? '0.00%' : '0%';
    return untouchedFormat ? { value: n, numberFormat: decimals } : { value: n };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE' };
  const iso = text.match(ISO_DATE);
  const us = text.match(US_DATE);
  if (iso || us) {
    const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : [us![3], us![1], us![2]];
    const m = (iso ?? us)!;
    const date = zonedDate(
      [Number(y), Number(mo), Number(d), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)],
      timeZone,
    );
    if (!date) return undefined;
    const format = m[4] !== undefined ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
    return untouchedFormat ? { value: date, numberFormat: format } : { value: date };
  }
  return undefined;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The Date for a wall-clock time in a time zone; undefined for an impossible date (2024-02-30). */
export function zonedDate(fields: number[], timeZone: string): Date | undefined {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fields;
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  let utc = guess;
  // Two passes settle the offset also next to a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(utc), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    utc += guess - shown;
  }
  return new Date(utc);
}

/** The text Sheets shows for a value under a number format (the common formats only). */
export function displayValue(
  value: CellValue | undefined,
  numberFormat: string | undefined,
  timeZone: string,
): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDate(value)) return formatDate(value, numberFormat ?? 'yyyy-mm-dd hh:mm:ss', timeZone);
  return formatNumber(value, numberFormat ?? DEFAULTS.numberFormat);
}

function formatNumber(n: number, format: string): string {
  if (format === PLAIN_TEXT_FORMAT || format === DEFAULTS.numberFormat || /^general$/i.test(format)) {
    return String(Number(n.toPrecision(15)));
  }
  const percent = format.includes('%');
  const decimals = (format.match(/\.([0#]+)/)?.[1] ?? '').length;
  const value = percent ? n * 100 : n;
  let text = Math.abs(value).toFixed(decimals);
  if (format.includes(',')) {
    const [int = '', frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const prefix = format.match(/^[^0#]*?([$€£])/)?.[1] ?? '';
  return `${value < 0 ? '-' : ''}${prefix}${text}${percent ? '%' : ''}`;
}

function formatDate(date: Date, format: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const tokens = format.match(/yyyy|yy|mm|m|dd|d|hh|h|ss|s|[^ymdhs]+/gi) ?? [];
  let afterHour = false;
  return tokens
    .map((token) => {
      const t = token.toLowerCase();
      // `mm` right after an hour token is minutes, elsewhere the month (as in Sheets' formats).
      const isMinute = afterHour && (t === 'mm' || t === 'm');
      if (/^h+$/.test(t)) afterHour = true;
      else if (/^[yd]+$/.test(t) || isMinute) afterHour = false;
      if (isMinute) return t === 'mm' ? pad(p.minute) : String(p.minute);
      const out: Record<string, string> = {
        yyyy: String(p.year),
        yy: pad(p.year % 100),
        mm: pad(p.month),
        m: String(p.month),
        dd: pad(p.day),
        d: String(p.day),
        hh: pad(p.hour),
        h: String(p.hour),
        ss: pad(p.second),
        s: String(p.second),
      };
      return out[t] ?? token;
    })
    .join('');
}

/** Sheets reports colours as lowercase `#rrggbb`. */
const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
};

export function normalizeColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const c = String(color).trim().toLowerCase();
  const short = c.match(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return NAMED_COLORS[c] ?? c;
}
