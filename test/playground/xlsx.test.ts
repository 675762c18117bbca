/**
 * "Download .xlsx" carries the conditional formats (issue 13, item 14) and says what it cannot
 * carry (charts). A rule's Excel formula must hold exactly when Sheets' rule holds: checked by
 * evaluating the formula with the playground's formula engine (formulajs) against a reference
 * of Sheets' conditions written here from Sheets' documentation.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionalRuleData } from '../../dev/fake/model';
import { evaluateFormula } from '../../dev/playground/formula/evaluate';
import type { Scalar } from '../../dev/playground/formula/values';
import { PlaygroundSession } from '../../dev/playground/session';
import { ruleFormula } from '../../dev/playground/xlsx-rules';
import { patternParts } from '../../src/core/table/name-pattern';

/** Sheets' conditions (Format > Conditional formatting), as a user reads them. */
const SHEETS: Record<string, (v: Scalar, a: string, b: string) => boolean> = {
  CELL_EMPTY: (v) => v === null || v === '',
  CELL_NOT_EMPTY: (v) => !(v === null || v === ''),
  TEXT_CONTAINS: (v, a) =>
    String(v ?? '')
      .toLowerCase()
      .includes(a.toLowerCase()),
  TEXT_DOES_NOT_CONTAIN: (v, a) =>
    !String(v ?? '')
      .toLowerCase()
      .includes(a.toLowerCase()),
  TEXT_STARTS_WITH: (v, a) =>
    String(v ?? '')
      .toLowerCase()
      .startsWith(a.toLowerCase()),
  TEXT_ENDS_WITH: (v, a) =>
    String(v ?? '')
      .toLowerCase()
      .endsWith(a.toLowerCase()),
  TEXT_EQUAL_TO: (v, a) => String(v ?? '').toLowerCase() === a.toLowerCase(),
  NUMBER_GREATER_THAN: (v, a) => typeof v === 'number' && v > Number(a),
  NUMBER_LESS_THAN_OR_EQUAL_TO: (v, a) => typeof v === 'number' && v <= Number(a),
  NUMBER_BETWEEN: (v, a, b) => typeof v === 'number' && v >= Math.min(+a, +b) && v <= Math.max(+a, +b),
  NUMBER_NOT_BETWEEN: (v, a, b) => typeof v === 'number' && (v < Math.min(+a, +b) || v > Math.max(+a, +b)),
};

/**
 * Excel's SEARCH, from its documentation: case-insensitive, `?` is any one character, `*` any
 * run of characters, `~` makes the next character literal (the escapes step names share:
 * patternParts). The playground's formula engine is Sheets-like and has no wildcards in SEARCH,
 * so the Excel formula is evaluated with this one.
 */
function excelSearch(find: unknown, within: unknown): number {
  const source = patternParts(String(find ?? ''))
    .map((p) => (p === '*' ? '[^]*' : p === '?' ? '[^]' : p.literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  const at = String(within ?? '').search(new RegExp(source, 'i'));
  if (at < 0) throw new Error('#VALUE!: not found');
  return at + 1;
}

/** The Excel formula about B2 evaluated with B2 holding `value`. */
function excelHolds(formula: string, value: Scalar): boolean {
  const result = evaluateFormula(`=${formula}`, {
    grid: {
      cell: (_sheet, row, column) => (row === 2 && column === 2 ? value : null),
      size: () => ({ rows: 10, columns: 10 }),
      namedRange: () => undefined,
    },
    sheet: 'S',
    customFunctions: new Map([['SEARCH', excelSearch]]),
  })[0]?.[0];
  return result === true;
}

const rule = (criteria: string, values: unknown[]): ConditionalRuleData => ({
  criteria,
  values,
  ranges: [],
  background: '#b7e1cd',
  fontColor: null,
  bold: null,
  italic: null,
});

describe('ruleFormula', () => {
  it('writes the Dashboard’s "text is exactly" rule as a comparison with the range’s first cell (by hand)', () => {
    expect(ruleFormula(rule('TEXT_EQUAL_TO', ['On target']), 'E2')).toBe('E2="On target"');
    expect(ruleFormula(rule('NUMBER_GREATER_THAN', [0.5]), 'C3')).toBe('AND(ISNUMBER(C3),C3>0.5)');
    expect(ruleFormula(rule('CUSTOM_FORMULA', ['=$A2>1']), 'A2')).toBe('$A2>1');
    // Date conditions have no formula here: reported as not exported.
    expect(ruleFormula(rule('DATE_BEFORE', ['TODAY']), 'A1')).toBeUndefined();
  });

  it('holds in Excel exactly when the rule holds in Sheets (property, over texts with wildcards)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', 'b', '*', '?', '~', ' ', '"', '1'),
      maxLength: 5,
    });
    const cellValue = fc.oneof(
      text,
      fc.integer({ min: -5, max: 5 }),
      fc.constant(null),
    ) as fc.Arbitrary<Scalar>;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(SHEETS)),
        cellValue,
        fc.oneof(
          text.filter((t) => t !== ''),
          fc.integer({ min: -5, max: 5 }).map(String),
        ),
        fc.integer({ min: -5, max: 5 }).map(String),
        (criteria, value, a, b) => {
          // Number rules take numbers (the sidebar and Sheets' dialog give them as such).
          if (criteria.startsWith('NUMBER') && !/^-?\d+$/.test(a)) return;
          // How Sheets compares a number cell with a text rule is not checked here.
          if (criteria.startsWith('TEXT') && typeof value === 'number') return;
          const formula = ruleFormula(rule(criteria, [a, b]), 'B2')!;
          expect(excelHolds(formula, value), `${criteria} ${JSON.stringify([value, a, b])}: ${formula}`).toBe(
            SHEETS[criteria]!(value, a, b),
          );
        },
      ),
      {
        numRuns: 400,
        // Wildcards in both the rule and the cell, which random texts reach only now and then.
        examples: [
          ['TEXT_DOES_NOT_CONTAIN', '~', '~', '0'],
          ['TEXT_CONTAINS', 'a*b', '*', '0'],
          ['TEXT_CONTAINS', 'ab', '?', '0'],
          ['TEXT_CONTAINS', 'a~?', '~?', '0'],
          ['TEXT_DOES_NOT_CONTAIN', 'ab', 'a*', '0'],
        ],
      },
    );
  });
});

describe('the .xlsx download of a framework', () => {
  it('carries the Dashboard’s status colours and lists the charts as not exported', async () => {
    const session = new PlaygroundSession();
    expect(session.run('createFramework', [{ template: 'ecommerce' }]).ok).toBe(true);
    const dashboard = session.fullWorkbook('Dashboard').sheets.find((s) => s.name === 'Dashboard')!;
    const file = await session.xlsx();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(file.bytes).buffer);
    const ws = book.getWorksheet('Dashboard')!;
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats.length).toBeGreaterThan(0);
    // Every cell the page colours by a rule: some rule of the file holds for its value, with the
    // page's colour as its fill (the page colours by view.ts, a separate reading of the rules).
    const ruled = dashboard.cells.filter(
      (c) => c.background && formats.some((f) => inRef(f.ref, c.row, c.column)),
    );
    expect(ruled.length).toBeGreaterThan(0);
    for (const c of ruled) {
      const stored = ws.getCell(c.row, c.column).value;
      // A formula cell carries its last result.
      const value = (
        stored && typeof stored === 'object' && 'result' in stored ? stored.result : stored
      ) as Scalar;
      const matching = formats
        .filter((f) => inRef(f.ref, c.row, c.column))
        .flatMap((f) => f.rules.map((r) => ({ f, r })))
        .filter(({ f, r }) =>
          excelHoldsAt(String((r as ExcelJS.ExpressionRuleType).formulae![0]), f.ref, c, value),
        )
        .sort((x, y) => x.r.priority - y.r.priority);
      expect(matching.length, `${c.row}:${c.column} ${String(value)}`).toBeGreaterThan(0);
      const fill = matching[0]!.r.style?.fill as ExcelJS.FillPattern;
      expect(fill.bgColor?.argb).toBe(`FF${c.background!.slice(1).toUpperCase()}`);
    }
    // Charts cannot travel (the framework draws one, on the Funnel tab): each is named on the
    // file's last sheet and in the answer, by the tab the page draws it on.
    const charted = session.fullWorkbook().sheets.flatMap((s) =>
      session
        .fullWorkbook(s.name)
        .sheets.find((v) => v.name === s.name)!
        .charts.map(() => s.name),
    );
    expect(charted.length).toBeGreaterThan(0);
    expect(file.notExported.map((sentence) => sentence.split(':')[0])).toEqual(charted);
    expect(file.notExported.every((sentence) => / chart .* cannot be written to \.xlsx/.test(sentence))).toBe(
      true,
    );
    const note = book.worksheets[book.worksheets.length - 1]!;
    expect(note.name).toBe('Not exported');
    expect(note.getColumn(1).values.slice(2)).toEqual(file.notExported);
  });

  it('adds no note sheet when everything travelled', async () => {
    const session = new PlaygroundSession();
    session.writeValues('Sheet1', 'A1', [['a', 1]]);
    const file = await session.xlsx();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(file.bytes).buffer);
    expect(file.notExported).toEqual([]);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sheet1']);
  });
});

/** Whether A1 ref (one or more ranges, space-separated) covers the cell. */
function inRef(ref: string, row: number, column: number): boolean {
  return ref.split(' ').some((part) => {
    const [from, to = from] = part.split(':');
    const [r1, c1] = rowColumn(from!);
    const [r2, c2] = rowColumn(to!);
    return row >= r1 && row <= r2 && column >= c1 && column <= c2;
  });
}

function rowColumn(a1: string): [number, number] {
  const [, letters, digits] = a1.match(/^([A-Z]+)(\d+)$/)!;
  return [Number(digits), [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
}

/** Evaluates a rule written about the range's first cell, for a cell at an offset from it. */
function excelHoldsAt(
  formula: string,
  ref: string,
  cell: { row: number; column: number },
  value: Scalar,
): boolean {
  const [top, left] = rowColumn(ref.split(' ')[0]!.split(':')[0]!);
  // Only formulas about the first cell alone are written for the Dashboard: move it to B2.
  const first = ref.split(' ')[0]!.split(':')[0]!;
  expect(cell.row >= top && cell.column >= left).toBe(true);
  return excelHolds(formula.replaceAll(first, 'B2'), value);
}
