/**
 * "Download .xlsx": the workbook as an Excel file (exceljs), for people who take it to Excel or
 * import it into Google Sheets. Formulas keep their text and their last computed result (Excel
 * does not know FUNNEL, so it shows the cached numbers until it recalculates); charts are not
 * written (exceljs cannot draw them).
 */
import ExcelJS from 'exceljs';
import { splitSheetName } from '../fake/a1';
import { DEFAULTS, isDate } from '../fake/cells';
import type { WorkbookModel } from '../fake/model';

/** Sheets' colours are #rrggbb; Excel wants ARGB. */
function argb(color: string | undefined): string | undefined {
  const hex = color?.match(/^#([0-9a-f]{6})$/i)?.[1];
  return hex ? `FF${hex.toUpperCase()}` : undefined;
}

export async function workbookToXlsx(model: WorkbookModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Micro Conversions playground';
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
  return Buffer.from(await book.xlsx.writeBuffer());
}
