/**
 * Conditional formats for the .xlsx download: each of the fake's rules (Sheets' boolean
 * conditions) as an Excel formula rule on the same ranges, relative to the first range's top-left
 * cell as both programs read it, with the same fill and font. Rules Excel has no formula for here
 * (date conditions, gradients) are returned as sentences for the "Not exported" note.
 */
import type ExcelJS from 'exceljs';
import { cellA1, rectA1 } from '../fake/a1';
import type { ConditionalRuleData, SheetModel } from '../fake/model';

/** A value of a rule as an Excel literal: a number, else a quoted text. */
function literal(value: unknown): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value !== 'boolean' && String(value).trim() !== '' && Number.isFinite(n)) return String(n);
  return `"${String(value).replace(/"/g, '""')}"`;
}

/** A text literal (text rules compare text, also when it looks like a number). */
const text = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;

/** A text for SEARCH, whose * ? ~ are wildcards: each is escaped with ~. */
const searchText = (value: unknown) => text(String(value ?? '').replace(/[~*?]/g, '~$&'));

/** The condition as an Excel formula about `at` (the range's top-left cell), or undefined. */
export function ruleFormula(rule: ConditionalRuleData, at: string): string | undefined {
  const [a, b] = rule.values;
  const number = (test: string) => `AND(ISNUMBER(${at}),${test})`;
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return `LEN(${at})=0`;
    case 'CELL_NOT_EMPTY':
      return `LEN(${at})>0`;
    case 'TEXT_EQUAL_TO':
      // Excel's = compares text ignoring case, as Sheets' "text is exactly" rule does.
      return `${at}=${text(a)}`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(SEARCH(${searchText(a)},${at}))`;
    case 'TEXT_DOES_NOT_CONTAIN':
      return `ISERROR(SEARCH(${searchText(a)},${at}))`;
    case 'TEXT_STARTS_WITH':
      return `LEFT(${at},LEN(${text(a)}))=${text(a)}`;
    case 'TEXT_ENDS_WITH':
      return `RIGHT(${at},LEN(${text(a)}))=${text(a)}`;
    case 'NUMBER_EQUAL_TO':
      return number(`${at}=${literal(a)}`);
    case 'NUMBER_NOT_EQUAL_TO':
      return number(`${at}<>${literal(a)}`);
    case 'NUMBER_GREATER_THAN':
      return number(`${at}>${literal(a)}`);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return number(`${at}>=${literal(a)}`);
    case 'NUMBER_LESS_THAN':
      return number(`${at}<${literal(a)}`);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return number(`${at}<=${literal(a)}`);
    case 'NUMBER_BETWEEN':
      return number(`${at}>=MIN(${literal(a)},${literal(b)}),${at}<=MAX(${literal(a)},${literal(b)})`);
    case 'NUMBER_NOT_BETWEEN':
      return number(`OR(${at}<MIN(${literal(a)},${literal(b)}),${at}>MAX(${literal(a)},${literal(b)}))`);
    case 'CUSTOM_FORMULA':
      return String(a ?? '').replace(/^=/, '') || undefined;
    default:
      return undefined;
  }
}

/** Sheets' colours are #rrggbb; Excel wants ARGB. */
export function argb(color: string | null | undefined): string | undefined {
  const hex = color?.match(/^#([0-9a-f]{6})$/i)?.[1];
  return hex ? `FF${hex.toUpperCase()}` : undefined;
}

function ruleStyle(rule: ConditionalRuleData): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const fill = argb(rule.background);
  // A conditional fill is drawn with the pattern's background colour in Excel.
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } };
  const font: Partial<ExcelJS.Font> = {};
  const color = argb(rule.fontColor);
  if (color) font.color = { argb: color };
  if (rule.bold) font.bold = true;
  if (rule.italic) font.italic = true;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

/** Adds the sheet's conditional formats to `ws`; returns what could not be written, in words. */
export function addConditionalFormats(sheet: SheetModel, ws: ExcelJS.Worksheet): string[] {
  const lost: string[] = [];
  sheet.conditionalRules.forEach((rule, i) => {
    const ranges = rule.ranges.filter((ref) => ref.sheet === sheet).map((ref) => ref.rect);
    const first = ranges[0];
    const formula = first && ruleFormula(rule, cellA1(first.row, first.column));
    const where = ranges.map(rectA1).join(', ');
    if (!first || !formula) {
      lost.push(`${sheet.name}: the conditional format "${rule.criteria}" on ${where || 'no range'}`);
      return;
    }
    ws.addConditionalFormatting({
      ref: ranges.map(rectA1).join(' '),
      // Sheets applies the first rule that holds: the earlier rule gets the higher priority.
      rules: [{ type: 'expression', priority: i + 1, formulae: [formula], style: ruleStyle(rule) }],
    });
  });
  return lost;
}
