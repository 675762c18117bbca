/**
 * "Download .xlsx": the workbook as an Excel file (exceljs), for people who take it to Excel or
 * import it into Google Sheets. Formulas keep their text and their last computed result (Excel
 * does not know FUNNEL, so it shows the cached numbers until it recalculates). Conditional
 * formats go as Excel formula rules (xlsx-rules.ts). Charts cannot be written (exceljs cannot
 * draw them): what did not travel is listed on a last "Not exported" sheet and returned, so the
 * page can say so too.
 */
import ExcelJS from 'exceljs';
import { rectA1, splitSheetName } from '../fake/a1';
import { DEFAULTS, isDate } from '../fake/cells';
import type { ChartData, SheetModel, WorkbookModel } from '../fake/model';
import { addConditionalFormats, argb } from './xlsx-rules';

/** The name of the note sheet listing what the file does not carry. */
export const NOT_EXPORTED_SHEET = 'Not exported';

export interface XlsxFile {
  bytes: Buffer;
  /** What could not be written, one sentence each (empty when everything travelled). */
  notExported: string[];
}

function chartSentence(sheet: SheetModel, chart: ChartData): string {
  const title =
    typeof chart.options.title === 'string' && chart.options.title ? ` "${chart.options.title}"` : '';
  const data = chart.ranges.map((ref) => `${ref.sheet.name}!${rectA1(ref.rect)}`).join(', ');
  return `${sheet.name}: the ${chart.type.toLowerCase()} chart${title} over ${data || 'no data'} (charts cannot be written to .xlsx here; insert it again in Excel from that range)`;
}

export async function workbookToXlsx(model: WorkbookModel): Promise<XlsxFile> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Micro Conversions playground';
  const notExported: string[] = [];
  for (const sheet of model.sheets) {
    // Excel forbids some characters in sheet names and caps them at 31.
    const ws = book.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31), {
      views:
        sheet.frozenRows > 0 || sheet.frozenColumns > 0
          ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }]
          : [],
      state: sheet.hidden ? 'hidden' : 'visible',
    });
    for (const [column, width] of sheet.columnWidths) ws.getColumn(column).width = Math.max(2, width / 7);
    notExported.push(...addConditionalFormats(sheet, ws));
    notExported.push(...sheet.charts.map((chart) => chartSentence(sheet, chart)));
    const { rows, columns } = sheet.usedExtent();
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const cell = sheet.cell(r, c);
        const value = model.valueAt(sheet, r, c);
        if (!cell && value === '') continue;
        const target = ws.getCell(r, c);
        const plain = value === '' ? null : isDate(value) ? new Date(value.getTime()) : value;
        target.value = cell?.formula
          ? ({ formula: cell.formula.replace(/^=/, ''), result: plain ?? '' } as ExcelJS.CellFormulaValue)
          : plain;
        if (!cell) continue;
        if (cell.numberFormat && cell.numberFormat !== DEFAULTS.numberFormat)
          target.numFmt = cell.numberFormat;
        const font: Partial<ExcelJS.Font> = {};
        if (cell.fontWeight === 'bold') font.bold = true;
        if (cell.fontStyle === 'italic') font.italic = true;
        const color = argb(cell.fontColor);
        if (color && cell.fontColor !== DEFAULTS.fontColor) font.color = { argb: color };
        if (Object.keys(font).length > 0) target.font = font;
        const fill = argb(cell.background);
        if (fill && cell.background !== DEFAULTS.background) {
          target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
        }
        if (cell.wrap) target.alignment = { wrapText: true };
        if (cell.note) target.note = cell.note;
        const rule = cell.validation;
        if (rule?.criteria === 'VALUE_IN_LIST' && Array.isArray(rule.values[0])) {
          const list = (rule.values[0] as unknown[]).map(String).join(',').replace(/"/g, '""');
          target.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`] };
        } else if (rule?.criteria === 'VALUE_IN_RANGE' && rule.sourceRange) {
          const { sheetName, ref } = splitSheetName(rule.sourceRange);
          const quoted = sheetName === undefined ? '' : `'${sheetName.replace(/'/g, "''")}'!`;
          target.dataValidation = { type: 'list', allowBlank: true, formulae: [`${quoted}${ref}`] };
        }
      }
    }
  }
  if (notExported.length > 0) {
    const taken = new Set(book.worksheets.map((ws) => ws.name.toLowerCase()));
    let name = NOT_EXPORTED_SHEET;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${NOT_EXPORTED_SHEET} ${i}`;
    const note = book.addWorksheet(name);
    note.getColumn(1).width = 120;
    note.addRow([
      'This file does not carry the following; they are in the playground (and in Sheets).',
    ]).font = {
      bold: true,
    };
    for (const sentence of notExported) note.addRow([sentence]);
  }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), notExported };
}
