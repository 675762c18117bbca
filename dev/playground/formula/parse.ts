/**
 * Parses a spreadsheet formula (`=FUNNEL(Data!A1:C50, "a, b", 7) * 2`) into a small syntax tree.
 * Precedence as in Sheets: comparison < & < + - < * / < ^ < unary minus < %.
 * Throws FormulaSyntaxError for text it cannot read; the caller then shows the formula text.
 */

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'ref'; sheet: string | undefined; ref: string }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '+' | '%'; arg: Node }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { kind: 'array'; rows: Node[][] }
  | { kind: 'empty' };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export class FormulaSyntaxError extends Error {}

type Token =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ref'; sheet: string | undefined; ref: string }
  | { type: 'func'; name: string }
  | { type: 'ident'; name: string }
  | { type: 'op'; value: string };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
/** A1, A1:B2, A2:B (open-ended), A:B (whole columns), 1:2 (whole rows). */
const RANGE = new RegExp(
  `^(?:${CELL}(?::(?:${CELL}|${COLUMN}(?![A-Za-z0-9_(])))?|${COLUMN}:${COLUMN}|${ROW}:${ROW})(?![A-Za-z0-9_(!.])`,
);
const SHEET_QUOTED = /^'((?:[^']|'')+)'!/;
const SHEET_PLAIN = /^([A-Za-z_][A-Za-z0-9_.]*)!/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const STRING = /^"((?:[^"]|"")*)"/;
const FUNC = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPS = [
  '<=',
  '>=',
  '<>',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '%',
  '(',
  ')',
  ',',
  ';',
  '{',
  '}',
];

/** Token rules, tried in order; the first whose pattern matches at the current position wins. */
const RULES: [RegExp, (m: RegExpMatchArray) => Token][] = [
  [STRING, (m) => ({ type: 'string', value: m[1]!.replace(/""/g, '"') })],
  [FUNC, (m) => ({ type: 'func', name: m[1]!.toUpperCase() })],
  [RANGE, (m) => ({ type: 'ref', sheet: undefined, ref: m[0] })],
  [NUMBER, (m) => ({ type: 'number', value: Number(m[0]) })],
  [IDENT, (m) => ({ type: 'ident', name: m[0] })],
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text.trimStart();
  while (rest.length > 0) {
    const sheet = rest.match(SHEET_QUOTED) ?? rest.match(SHEET_PLAIN);
    if (sheet) {
      // Sheet-qualified reference: Data!A1:C50 or 'My tab'!A:A.
      const after = rest.slice(sheet[0].length);
      const range = after.match(RANGE);
      if (!range) throw new FormulaSyntaxError(`"${rest.slice(0, 30)}" is not a range.`);
      tokens.push({ type: 'ref', sheet: sheet[1]!.replace(/''/g, "'"), ref: range[0] });
      rest = after.slice(range[0].length).trimStart();
      continue;
    }
    let length = 0;
    for (const [pattern, make] of RULES) {
      const m = rest.match(pattern);
      if (m) {
        tokens.push(make(m));
        length = m[0].length;
        break;
      }
    }
    if (length === 0) {
      const op = OPS.find((o) => rest.startsWith(o));
      if (!op) throw new FormulaSyntaxError(`Unexpected "${rest[0]}".`);
      tokens.push({ type: 'op', value: op });
      length = op.length;
    }
    rest = rest.slice(length).trimStart();
  }
  return tokens;
}

const BINARY_LEVELS: BinaryOp[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

/** Parses formula text, with or without its leading `=`. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^\s*=/, ''));
  let at = 0;
  const peekOp = (): string | undefined => {
    const t = tokens[at];
    return t?.type === 'op' ? t.value : undefined;
  };
  const expectOp = (op: string): void => {
    if (peekOp() !== op) throw new FormulaSyntaxError(`Expected "${op}".`);
    at++;
  };

  function binary(level: number): Node {
    if (level === BINARY_LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const op = peekOp() as BinaryOp | undefined;
      if (!op || !BINARY_LEVELS[level]!.includes(op)) return left;
      at++;
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
  }

  function unary(): Node {
    const op = peekOp();
    if (op === '-' || op === '+') {
      at++;
      return { kind: 'unary', op, arg: unary() };
    }
    let node = primary();
    while (peekOp() === '%') {
      at++;
      node = { kind: 'unary', op: '%', arg: node };
    }
    return node;
  }

  function args(): Node[] {
    const out: Node[] = [];
    if (peekOp() === ')') {
      at++;
      return out;
    }
    for (;;) {
      const op = peekOp();
      out.push(op === ',' || op === ')' ? { kind: 'empty' } : binary(0));
      if (peekOp() === ')') {
        at++;
        return out;
      }
      expectOp(',');
    }
  }

  function arrayLiteral(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1]!.push(binary(0));
      const op = peekOp();
      at++;
      if (op === '}') return { kind: 'array', rows };
      if (op === ';') rows.push([]);
      else if (op !== ',') throw new FormulaSyntaxError('Expected "," ";" or "}" in an array.');
    }
  }

  function primary(): Node {
    const t = tokens[at++];
    if (!t) throw new FormulaSyntaxError('The formula ends too early.');
    switch (t.type) {
      case 'number':
        return { kind: 'number', value: t.value };
      case 'string':
        return { kind: 'string', value: t.value };
      case 'ref':
        return { kind: 'ref', sheet: t.sheet, ref: t.ref };
      case 'func':
        return { kind: 'call', name: t.name, args: args() };
      case 'ident': {
        const upper = t.name.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
        return { kind: 'name', name: t.name };
      }
      case 'op':
        if (t.value === '(') {
          const inner = binary(0);
          expectOp(')');
          return inner;
        }
        if (t.value === '{') return arrayLiteral();
        throw new FormulaSyntaxError(`Unexpected "${t.value}".`);
    }
  }

  const tree = binary(0);
  if (at !== tokens.length) throw new FormulaSyntaxError('Unexpected text after the formula.');
  return tree;
}
