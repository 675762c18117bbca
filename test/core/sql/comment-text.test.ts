/**
 * FUNNEL_SQL writes user text (step names, options) into `--` comment lines. A line break in that
 * text would end the comment and turn the rest of the text into SQL, so every way a line can end
 * (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029) must stay inside the comment, and `*`+`/`, `--` and
 * quotes must not matter. Each output row is one line of the query as pasted.
 */
import fc from 'fast-check';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { FUNNEL_SQL } from '../../../src/functions/funnel-sql';

const sql = (...args: unknown[]) =>
  (FUNNEL_SQL as (...a: unknown[]) => string[][])(...args).map((row) => row[0] as string);

/** Written independently of the code under test: every character a SQL or editor line ends at. */
const LINE_ENDS = ['\n', '\r', '\r\n', '\v', '\f', '\u0085', '\u2028', '\u2029'];
const endsALine = (text: string) => LINE_ENDS.some((end) => text.includes(end));

/** A text built to escape a comment: line breaks, comment closers and openers, a statement. */
const payload = fc
  .array(fc.constantFrom(...LINE_ENDS, '*/', '/*', '--', '#', "'", '"', ';', 'DROP TABLE t', ' ', 'x'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => `x${parts.join('')}`);

/** The BigQuery query after its UDF, as the existing SQL tests parse it. */
function parsedTail(lines: string[]) {
  const query = lines.join('\n');
  return new Parser().astify(query.slice(query.indexOf('""";') + 4), { database: 'BigQuery' });
}

describe('FUNNEL_SQL comment lines hold user text safely', () => {
  it('keeps a step name with a line separator inside its comment (worked by hand)', () => {
    // As a range of cells: one cell may hold any text (LF and CR there separate steps, U+2028 does
    // not). The header's first line names the steps, the separator became a space.
    const lines = sql([['view\u2028DROP TABLE t; --', 'buy']]);
    expect(lines[0]).toBe('-- Funnel: view DROP TABLE t; -- > buy');
    expect(lines[1]).toMatch(/^-- Window: none; options: none\.$/);
  });

  it('keeps an exclude= value with a line separator inside the options comment (worked by hand)', () => {
    const lines = sql('a, b', '', 'exclude=x\u2028DROP TABLE t');
    expect(lines[1]).toBe('-- Window: none; options: exclude=x DROP TABLE t.');
  });

  it('no text in a step or exclude= can end a comment line, in either dialect (property)', () => {
    let written = 0;
    fc.assert(
      fc.property(payload, payload, (step, excluded) => {
        const queries = [
          () => sql([[step, 'buy']], '1d', `exclude=${excluded.replace(/,/g, ' ')}`),
          () => sql([[step, 'buy']], '1d', '', 'clickhouse'),
        ];
        for (const query of queries) {
          let lines: string[];
          try {
            lines = query();
          } catch (error) {
            // Some payloads make steps FUNNEL refuses (the same step twice for ClickHouse...).
            expect((error as Error).message).not.toMatch(/is not a function|Cannot read/);
            continue;
          }
          written++;
          // Three header comment lines, each on one row and on one line, then SQL.
          const header = lines.slice(0, 3);
          expect(header.every((line) => line.startsWith('-- ') && !endsALine(line))).toBe(true);
          expect(lines[3]!.startsWith('--')).toBe(false);
          // ClickHouse names each step in a comment at the end of its countIf row.
          const stepRows = lines.filter((line) => line.includes('countIf('));
          expect(stepRows.some(endsALine)).toBe(false);
          // The BigQuery query still parses as ONE statement: nothing of the payload became SQL.
          if (lines.some((line) => line.startsWith('CREATE TEMP FUNCTION'))) {
            const ast = parsedTail(lines);
            expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
          }
        }
      }),
      { numRuns: 200 },
    );
    // Most payloads make a query: the checks above did run.
    expect(written).toBeGreaterThan(200);
  });

  it('refuses a column name holding any line break, as it refuses a backtick', () => {
    for (const end of LINE_ENDS) {
      expect(() => sql('a, b', '', `user=id${end}x`)).toThrow(/is not a column name a SQL query can use/);
    }
  });
});
