/**
 * A tab as Google's PDF export lays it out, as one HTML page for Chromium to print: the cells
 * from A1 to the last one with content (merges included), the column widths and row heights,
 * values as displayed, the fonts, fills, borders, alignment, wrapping and text overflow of the
 * fake's model, and gridlines only when asked for. Built from the model in general, not for one
 * tab. print-pdf.ts turns it into the PDF; the page size and "fit to width" are set there.
 */
import { type BorderData, type Cell, DEFAULTS, displayValue, isDate } from '../fake/cells';
import type { SheetModel, WorkbookModel } from '../fake/model';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../fake/model';
import { mayOverflow, overflowColumns } from './overflow';

/** The options of Google's export address that change the layout (print-url.ts sets them). */
export interface PrintOptions {
  gridlines: boolean;
}

export interface PrintPage {
  html: string;
  /** The printed area's width in CSS pixels, for fit to width. */
  width: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The area Google prints: up to the last row and column with content, merges included. */
function printedArea(sheet: SheetModel): { rows: number; columns: number } {
  let rows = sheet.lastRow();
  let columns = sheet.lastColumn();
  for (const m of sheet.merges) {
    if (m.row <= rows && m.column <= columns) {
      rows = Math.max(rows, m.row + m.numRows - 1);
      columns = Math.max(columns, m.column + m.numColumns - 1);
    }
  }
  return { rows, columns };
}

/** A CSS colour from the model: #hex or a colour name; anything else is left out. */
function cssColor(color: string | null | undefined): string | undefined {
  return color && /^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(color) ? color : undefined;
}

/** Sheets' border styles (SOLID, SOLID_MEDIUM, DASHED, DOTTED, DOUBLE...) as CSS. */
function borderLine(border: BorderData): string {
  const style = (border.style ?? 'SOLID').toUpperCase();
  const width = style.includes('THICK') ? 3 : style.includes('MEDIUM') ? 2 : 1;
  const kind = style.includes('DASH')
    ? 'dashed'
    : style.includes('DOT')
      ? 'dotted'
      : style.includes('DOUBLE')
        ? 'double'
        : 'solid';
  return `${style.includes('DOUBLE') ? 3 : width}px ${kind} ${cssColor(border.color) ?? '#000000'}`;
}

function borderCss(border: BorderData | undefined): string[] {
  if (!border) return [];
  const sides = ['top', 'left', 'bottom', 'right'] as const;
  return sides.filter((side) => border[side] === true).map((side) => `border-${side}:${borderLine(border)}`);
}

const V_ALIGN: Record<string, string> = { top: 'top', middle: 'middle', bottom: 'bottom' };

function cellCss(cell: Cell | undefined, value: unknown): string[] {
  const css: string[] = [];
  const family = cell?.fontFamily ?? DEFAULTS.fontFamily;
  // The family's name only (no quotes or CSS punctuation), Arial where the printer lacks it.
  const name = family.replace(/[^\w -]/g, '');
  if (family !== DEFAULTS.fontFamily && name) css.push(`font-family:'${name}',Arial,sans-serif`);
  const size = cell?.fontSize ?? DEFAULTS.fontSize;
  if (size !== DEFAULTS.fontSize) css.push(`font-size:${size}pt`);
  if (cell?.fontWeight === 'bold') css.push('font-weight:bold');
  if (cell?.fontStyle === 'italic') css.push('font-style:italic');
  if (cell?.fontLine && cell.fontLine !== 'none') css.push(`text-decoration:${cell.fontLine}`);
  const color = cssColor(cell?.fontColor);
  if (color) css.push(`color:${color}`);
  const background = cssColor(cell?.background);
  if (background) css.push(`background:${background}`);
  const align = cell?.horizontalAlignment ?? 'general';
  // "general": numbers, dates and booleans right (booleans centre), text left, as Sheets shows them.
  const general =
    typeof value === 'boolean' ? 'center' : typeof value === 'number' || isDate(value) ? 'right' : 'left';
  css.push(`text-align:${align === 'general' || align === 'general-left' ? general : align}`);
  css.push(`vertical-align:${V_ALIGN[cell?.verticalAlignment ?? 'bottom'] ?? 'bottom'}`);
  if (cell?.wrap) css.push('white-space:pre-wrap', 'overflow-wrap:anywhere');
  css.push(...borderCss(cell?.border));
  return css;
}

export function printPage(model: WorkbookModel, sheet: SheetModel, options: PrintOptions): PrintPage {
  const { rows, columns } = printedArea(sheet);
  const widthOf = (c: number) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; columns: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.row}:${m.column}`, { rows: m.numRows, columns: m.numColumns });
    for (let r = 0; r < m.numRows; r++)
      for (let c = 0; c < m.numColumns; c++) if (r || c) covered.add(`${m.row + r}:${m.column + c}`);
  }
  const text = (r: number, c: number) =>
    displayValue(model.valueAt(sheet, r, c), sheet.cell(r, c)?.numberFormat, model.timeZone);

  let width = 0;
  const cols: string[] = [];
  for (let c = 1; c <= columns; c++) {
    width += widthOf(c);
    cols.push(`<col style="width:${widthOf(c)}px">`);
  }
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const height = sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
    const tds: string[] = [];
    const shown = Array.from({ length: columns }, (_, i) => text(r, i + 1));
    const occupied = (c: number) => shown[c - 1] !== '' || covered.has(`${r}:${c}`) || spans.has(`${r}:${c}`);
    for (let c = 1; c <= columns; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = sheet.cell(r, c);
      const value = model.valueAt(sheet, r, c);
      const span = spans.get(`${r}:${c}`);
      const attrs = span ? ` colspan="${span.columns}" rowspan="${span.rows}"` : '';
      const content = escapeHtml(shown[c - 1] ?? '');
      const overflows =
        !span &&
        mayOverflow({
          text: shown[c - 1] ?? '',
          numeric: typeof value !== 'string',
          wrap: cell?.wrap,
          align: cell?.horizontalAlignment,
        });
      const over = overflows ? overflowColumns(c, columns, occupied) : 0;
      let inner = content;
      if (over > 0) {
        let room = 0;
        for (let k = c; k <= c + over; k++) room += widthOf(k);
        inner = `<div class="over" style="width:${room - 7}px">${content}</div>`;
      }
      tds.push(`<td${attrs} style="${escapeHtml(cellCss(cell, value).join(';'))}">${inner}</td>`);
    }
    body.push(`<tr style="height:${height}px">${tds.join('')}</tr>`);
  }
  const grid = options.gridlines ? '#d0d0d0' : 'transparent';
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(sheet.name)}</title><style>
  html, body { margin: 0; padding: 0; }
  body { font: 10pt Arial, sans-serif; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { border-collapse: collapse; table-layout: fixed; width: ${width}px; }
  td { padding: 2px 3px; overflow: hidden; white-space: pre; line-height: 1.25; border: 1px solid ${grid}; }
  td:has(> .over) { overflow: visible; }
  .over { overflow: hidden; white-space: pre; position: relative; }
</style></head><body>
<table><colgroup>${cols.join('')}</colgroup><tbody>
${body.join('\n')}
</tbody></table></body></html>`;
  return { html, width };
}
