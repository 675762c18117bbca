/**
 * Evaluates a parsed formula against the workbook. Custom functions (FUNNEL...) are called in
 * the loaded dist/Code.js exactly as Sheets calls them: a range argument arrives as a 2D array
 * ('' for empty cells), a single cell as its value. Built-in functions come from formulajs;
 * IF/IFERROR-style functions are evaluated here because they must not evaluate every argument.
 */
import * as formulajs from '@formulajs/formulajs';
import { parseRangeA1, type Rect } from '../../fake/a1';
import { broadcast, ELEMENTWISE, filterRows, stack, uniqueRows } from './arrays';
import { type BinaryOp, FormulaSyntaxError, type Node, parseFormula } from './parse';
import {
  FormulaError,
  isDate,
  type Matrix,
  type Scalar,
  toBoolean,
  toMatrix,
  toNumber,
  toScalar,
  toText,
} from './values';

/** What formulas read: the workbook's cells as currently computed. */
export interface FormulaGrid {
  /** The cell's value (a formula cell gives its computed value); null when empty. */
  cell(sheet: string, row: number, column: number): Scalar;
  /** The sheet's size, or undefined when there is no such sheet. */
  size(sheet: string): { rows: number; columns: number } | undefined;
  /** A named range's sheet and A1 range, or undefined. */
  namedRange(name: string): { sheet: string; a1: string } | undefined;
}

export interface FormulaContext {
  grid: FormulaGrid;
  /** The sheet the formula is on (for references without a sheet name). */
  sheet: string;
  /** The add-on's custom functions by upper-case name, as loaded from dist/Code.js. */
  customFunctions: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  /** True inside ARRAYFORMULA and FILTER: operators and one-value functions take ranges cell by cell. */
  array?: boolean;
}

interface RangeValue {
  kind: 'range';
  sheet: string;
  rect: Rect;
}
type Value = Scalar | RangeValue | { kind: 'matrix'; matrix: Matrix };

const isRange = (v: Value): v is RangeValue =>
  typeof v === 'object' && v !== null && (v as RangeValue).kind === 'range';
const isMatrix = (v: Value): v is { kind: 'matrix'; matrix: Matrix } =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'matrix';

/** True when the formula can be parsed (otherwise the page shows its text). */
export function canParse(formula: string): boolean {
  try {
    parseFormula(formula);
    return true;
  } catch {
    return false;
  }
}

/** Evaluates formula text to a matrix of values (1x1 for a scalar). Never throws. */
export function evaluateFormula(formula: string, context: FormulaContext): Matrix {
  let tree: Node;
  try {
    tree = parseFormula(formula);
  } catch (error) {
    const detail = error instanceof FormulaSyntaxError ? error.message : String(error);
    return [[new FormulaError('#ERROR!', `Formula parse error. ${detail}`)]];
  }
  try {
    const value = evaluate(tree, context);
    if (isRange(value)) return readRange(value, context, null);
    if (isMatrix(value)) return value.matrix;
    return [[value]];
  } catch (error) {
    return [[new FormulaError('#ERROR!', error instanceof Error ? error.message : String(error))]];
  }
}

function resolveRef(
  sheetName: string | undefined,
  ref: string,
  context: FormulaContext,
): RangeValue | FormulaError {
  const sheet = sheetName ?? context.sheet;
  const size = context.grid.size(sheet);
  if (!size) return new FormulaError('#REF!', `Unresolved sheet name '${sheet}'.`);
  const rect = parseRangeA1(ref.replace(/\$/g, ''), size.rows, size.columns);
  if (!rect) return new FormulaError('#REF!', `'${ref}' is not a valid range.`);
  return { kind: 'range', sheet, rect };
}

function readRange(range: RangeValue, context: FormulaContext, empty: Scalar): Matrix {
  const { row, column, numRows, numColumns } = range.rect;
  const out: Matrix = [];
  for (let r = 0; r < numRows; r++) {
    const line: Scalar[] = [];
    for (let c = 0; c < numColumns; c++) {
      const v = context.grid.cell(range.sheet, row + r, column + c);
      line.push(v === null || v === '' ? empty : v);
    }
    out.push(line);
  }
  return out;
}

/** True for a value of more than one cell. */
function isArray(value: Value): boolean {
  if (isRange(value)) return value.rect.numRows * value.rect.numColumns > 1;
  return isMatrix(value);
}

/** Any value as a matrix: a range's cells (null for blanks), a scalar as 1x1. */
function matrixOf(value: Value, context: FormulaContext): Matrix {
  if (isRange(value)) return readRange(value, context, null);
  if (isMatrix(value)) return value.matrix;
  return [[value]];
}

const inArray = (context: FormulaContext): FormulaContext => ({ ...context, array: true });

/** A value where one value is needed: a one-cell range gives its cell, a larger one its first cell. */
function scalarOf(value: Value, context: FormulaContext): Scalar {
  if (isRange(value)) {
    return context.grid.cell(value.sheet, value.rect.row, value.rect.column);
  }
  if (isMatrix(value)) return value.matrix[0]?.[0] ?? null;
  return value;
}

function evaluate(node: Node, context: FormulaContext): Value {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return node.value;
    case 'empty':
      return null;
    case 'ref':
      return resolveRef(node.sheet, node.ref, context);
    case 'name': {
      const named = context.grid.namedRange(node.name);
      if (!named) return new FormulaError('#NAME?', `Unknown range name: '${node.name}'.`);
      return resolveRef(named.sheet, named.a1, context);
    }
    case 'array': {
      const parts = node.rows.map((row) => row.map((cell) => evaluate(cell, context)));
      // Ranges inside `{...}` are spliced in: `{A1; B2:B5}` stacks them (Sheets' array literal).
      if (parts.some((row) => row.some(isArray))) {
        const stacked = stack(parts.map((row) => row.map((part) => matrixOf(part, context))));
        return stacked instanceof FormulaError ? stacked : { kind: 'matrix', matrix: stacked };
      }
      return { kind: 'matrix', matrix: parts.map((row) => row.map((part) => scalarOf(part, context))) };
    }
    case 'unary': {
      const n = toNumber(scalarOf(evaluate(node.arg, context), context));
      if (n instanceof FormulaError) return n;
      return node.op === '-' ? -n : node.op === '%' ? n / 100 : n;
    }
    case 'binary': {
      if (context.array) {
        const left = evaluate(node.left, context);
        const right = evaluate(node.right, context);
        if (isArray(left) || isArray(right)) {
          const cells = [matrixOf(left, context), matrixOf(right, context)];
          return { kind: 'matrix', matrix: broadcast(cells, (a, b) => binary(node.op, a!, b!)) };
        }
        return binary(node.op, scalarOf(left, context), scalarOf(right, context));
      }
      return binary(
        node.op,
        scalarOf(evaluate(node.left, context), context),
        scalarOf(evaluate(node.right, context), context),
      );
    }
    case 'call':
      return call(node.name, node.args, context);
  }
}

function binary(op: BinaryOp, left: Scalar, right: Scalar): Scalar {
  if (left instanceof FormulaError) return left;
  if (right instanceof FormulaError) return right;
  if (op === '&') return `${toText(left)}${toText(right)}`;
  if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
    const order = compare(left, right);
    switch (op) {
      case '=':
        return order === 0;
      case '<>':
        return order !== 0;
      case '<':
        return order < 0;
      case '>':
        return order > 0;
      case '<=':
        return order <= 0;
      default:
        return order >= 0;
    }
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.') : a / b;
    default:
      return a ** b;
  }
}

/** Sheets' ordering: numbers < text < booleans; text compares case-insensitively; empty is 0 or "". */
function compare(left: Scalar, right: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  let a: Scalar = isDate(left) ? toNumber(left) : left;
  let b: Scalar = isDate(right) ? toNumber(right) : right;
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string' && typeof b === 'string') {
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Functions whose arguments are evaluated only when needed, or that look at errors. */
const LAZY: Record<string, (args: Node[], context: FormulaContext) => Value> = {
  IF(args, context) {
    if (context.array) {
      const condition = evaluate(args[0] ?? { kind: 'empty' }, context);
      if (isArray(condition)) {
        // Cell by cell: each cell of the test picks its own branch.
        const branch = (node: Node | undefined) => matrixOf(node ? evaluate(node, context) : false, context);
        const cells = [matrixOf(condition, context), branch(args[1]), branch(args[2])];
        return {
          kind: 'matrix',
          matrix: broadcast(cells, (test, yes, no) => {
            const truth = toBoolean(test!);
            return truth instanceof FormulaError ? truth : truth ? yes! : no!;
          }),
        };
      }
    }
    const test = toBoolean(scalarOf(evaluate(args[0] ?? { kind: 'empty' }, context), context));
    if (test instanceof FormulaError) return test;
    const branch = test ? args[1] : args[2];
    return branch ? evaluate(branch, context) : test;
  },
  IFERROR(args, context) {
    const value = evaluate(args[0] ?? { kind: 'empty' }, context);
    const first = scalarOf(value, context);
    if (first instanceof FormulaError) return args[1] ? evaluate(args[1], context) : '';
    return value;
  },
  IFNA(args, context) {
    const value = evaluate(args[0] ?? { kind: 'empty' }, context);
    const first = scalarOf(value, context);
    if (first instanceof FormulaError && first.code === '#N/A')
      return args[1] ? evaluate(args[1], context) : '';
    return value;
  },
  ISERROR(args, context) {
    return scalarOf(evaluate(args[0] ?? { kind: 'empty' }, context), context) instanceof FormulaError;
  },
  ISBLANK(args, context) {
    const v = scalarOf(evaluate(args[0] ?? { kind: 'empty' }, context), context);
    return v === null || v === '';
  },
  ARRAYFORMULA(args, context) {
    return evaluate(args[0] ?? { kind: 'empty' }, inArray(context));
  },
  FILTER(args, context) {
    const [data, ...conditions] = args.map((arg) => evaluate(arg, inArray(context)));
    if (data === undefined || conditions.length === 0) {
      return new FormulaError('#N/A', 'Wrong number of arguments to FILTER. Expected at least 2 arguments.');
    }
    for (const part of [data, ...conditions]) if (part instanceof FormulaError) return part;
    const kept = filterRows(
      matrixOf(data, context),
      conditions.map((condition) => matrixOf(condition, context)),
    );
    return kept instanceof FormulaError ? kept : { kind: 'matrix', matrix: kept };
  },
  /** OFFSET(range, rows, columns, [height], [width]): a range moved from another, still a range. */
  OFFSET(args, context) {
    const base = evaluate(args[0] ?? { kind: 'empty' }, context);
    if (!isRange(base)) return new FormulaError('#VALUE!', 'Argument must be a range.');
    const number = (index: number, fallback: number) => {
      const node = args[index];
      if (!node || node.kind === 'empty') return fallback;
      return toNumber(scalarOf(evaluate(node, context), context));
    };
    const numbers = [
      number(1, 0),
      number(2, 0),
      number(3, base.rect.numRows),
      number(4, base.rect.numColumns),
    ];
    const error = numbers.find((n): n is FormulaError => n instanceof FormulaError);
    if (error) return error;
    const [rows, columns, height, width] = numbers.map((n) => Math.trunc(n as number)) as number[];
    const rect = {
      row: base.rect.row + rows!,
      column: base.rect.column + columns!,
      numRows: height!,
      numColumns: width!,
    };
    const size = context.grid.size(base.sheet);
    if (
      !size ||
      rect.numRows < 1 ||
      rect.numColumns < 1 ||
      rect.row < 1 ||
      rect.column < 1 ||
      rect.row + rect.numRows - 1 > size.rows ||
      rect.column + rect.numColumns - 1 > size.columns
    ) {
      return new FormulaError('#REF!', 'Result of OFFSET would be outside the sheet, or empty.');
    }
    return { kind: 'range', sheet: base.sheet, rect };
  },
};

/** How Sheets hands a value to a custom function: ranges as 2D arrays of values, '' for empty. */
function customArgument(value: Value, context: FormulaContext): unknown {
  if (isRange(value)) {
    const matrix = readRange(value, context, '');
    return value.rect.numRows === 1 && value.rect.numColumns === 1 ? matrix[0]![0] : matrix;
  }
  if (isMatrix(value)) return value.matrix;
  return value === null ? '' : value;
}

function firstError(values: unknown[]): FormulaError | undefined {
  for (const v of values) {
    if (v instanceof FormulaError) return v;
    if (Array.isArray(v)) {
      const inner = firstError(v);
      if (inner) return inner;
    }
  }
  return undefined;
}

function call(name: string, argNodes: Node[], context: FormulaContext): Value {
  const lazy = LAZY[name];
  if (lazy) return lazy(argNodes, context);
  const values = argNodes.map((a) => evaluate(a, context));

  const custom = context.customFunctions.get(name);
  if (custom) {
    const args = values.map((v) => customArgument(v, context));
    const error = firstError(args);
    if (error) return error;
    try {
      const result = custom(...args);
      // A single value is a scalar, as in Sheets (ISNUMBER(MYFN()) is TRUE for a number).
      return Array.isArray(result) ? { kind: 'matrix', matrix: toMatrix(result) } : toScalar(result);
    } catch (thrown) {
      // Sheets shows a thrown Error as #ERROR! with its message on hover.
      const message =
        thrown instanceof Error || (thrown as Error)?.message ? (thrown as Error).message : String(thrown);
      return new FormulaError('#ERROR!', message);
    }
  }

  // formulajs's UNIQUE and ROWS do not take a column range as Sheets does; these do.
  if (name === 'UNIQUE' && values[0] !== undefined) {
    const first = values[0];
    return first instanceof FormulaError
      ? first
      : { kind: 'matrix', matrix: uniqueRows(matrixOf(first, context)) };
  }
  if (name === 'ROWS' && values[0] !== undefined && isRange(values[0])) return values[0].rect.numRows;
  const builtin = (formulajs as unknown as Record<string, unknown>)[name];
  if (typeof builtin !== 'function') return new FormulaError('#NAME?', `Unknown function: '${name}'.`);
  if (context.array && ELEMENTWISE.has(name) && values.some(isArray)) {
    const cells = values.map((v) => matrixOf(v, context));
    return {
      kind: 'matrix',
      matrix: broadcast(
        cells,
        (...args) => firstError(args) ?? toScalar((builtin as (...a: unknown[]) => unknown)(...args)),
      ),
    };
  }
  // formulajs reads ranges as 2D arrays with null for empty cells; a single cell is its value.
  const args = values.map((v) => {
    if (isRange(v)) {
      return v.rect.numRows === 1 && v.rect.numColumns === 1
        ? scalarOf(v, context)
        : readRange(v, context, null);
    }
    return isMatrix(v) ? v.matrix : v;
  });
  const error = firstError(args);
  if (error) return error;
  const result = (builtin as (...a: unknown[]) => unknown)(...args);
  if (Array.isArray(result)) return { kind: 'matrix', matrix: toMatrix(result) };
  return toScalar(result);
}
