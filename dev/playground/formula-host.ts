/**
 * Connects the formula evaluator to the fake workbook: the fake calls `evaluate` for every formula
 * cell (and spills a 2D result itself); this host reads cells back through the model, calls the
 * add-on's custom functions, and remembers error messages and spill sizes for the page.
 */
import { rectA1 } from '../fake/a1';
import type { FormulaContext as FakeFormulaContext, WorkbookModel } from '../fake/model';
import { evaluateFormula, type FormulaGrid } from './formula/evaluate';
import { FormulaError, type Scalar } from './formula/values';
import type { FormulaNotes } from './view';

const ERROR_CODES = new Set(['#ERROR!', '#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#N/A', '#NUM!', '#NULL!']);

export class FormulaHost implements FormulaNotes {
  private messages = new Map<string, string>();
  private spillSizes = new Map<
    string,
    Map<string, { row: number; column: number; rows: number; columns: number }>
  >();

  constructor(
    private readonly model: WorkbookModel,
    private readonly customFunctions: () => ReadonlyMap<string, (...args: unknown[]) => unknown>,
  ) {}

  private readonly grid: FormulaGrid = {
    cell: (sheetName, row, column) => {
      const sheet = this.model.sheetByName(sheetName);
      if (!sheet) return new FormulaError('#REF!', `Unresolved sheet name '${sheetName}'.`);
      const value = this.model.valueAt(sheet, row, column);
      // The fake stores a formula's error as its code; formulas reading it must see an error.
      if (typeof value === 'string' && ERROR_CODES.has(value) && sheet.cell(row, column)?.formula) {
        return new FormulaError(
          value,
          this.errorMessage(sheetName, row, column) ?? `${value} in ${sheetName}.`,
        );
      }
      return value === '' ? null : value;
    },
    size: (sheetName) => {
      const sheet = this.model.sheetByName(sheetName);
      return sheet ? { rows: sheet.maxRows, columns: sheet.maxColumns } : undefined;
    },
    namedRange: (name) => {
      const named = this.model.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!named) return undefined;
      return { sheet: named.ref.sheet.name, a1: rectA1(named.ref.rect) };
    },
  };

  /** The function the fake calls for each formula cell: one value, or a 2D array to spill. */
  readonly evaluate = (formula: string, where: FakeFormulaContext): unknown => {
    const matrix = evaluateFormula(formula, {
      grid: this.grid,
      sheet: where.sheetName,
      customFunctions: this.customFunctions(),
    });
    const key = `${where.sheetName}!${where.row}:${where.column}`;
    const first = matrix[0]?.[0] ?? null;
    if (first instanceof FormulaError) this.messages.set(key, first.message);
    else this.messages.delete(key);
    const spills = this.spillSizes.get(where.sheetName) ?? new Map();
    this.spillSizes.set(where.sheetName, spills);
    const rows = matrix.length;
    const columns = matrix[0]?.length ?? 1;
    if (rows > 1 || columns > 1) spills.set(key, { row: where.row, column: where.column, rows, columns });
    else spills.delete(key);
    return rows === 1 && columns === 1 ? cellValue(first) : matrix.map((line) => line.map(cellValue));
  };

  errorMessage(sheet: string, row: number, column: number): string | undefined {
    return this.messages.get(`${sheet}!${row}:${column}`);
  }

  /** The array results on a sheet whose formula is still there (a cleared formula spills nothing). */
  spills(sheet: string): { row: number; column: number; rows: number; columns: number }[] {
    const model = this.model.sheetByName(sheet);
    return [...(this.spillSizes.get(sheet)?.values() ?? [])].filter(
      (s) => model?.cell(s.row, s.column)?.formula,
    );
  }
}

/** What a cell stores for a computed value: errors as their code (#ERROR!), the message kept aside. */
function cellValue(value: Scalar): unknown {
  if (value instanceof FormulaError) return value.code;
  return value ?? '';
}
