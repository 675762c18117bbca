// Wildcard steps in FUNNEL_SQL, worked by hand: the LIKE text, the conditions, ClickHouse's
// refusal of names that can match one event, and the exact overlap test against brute force.
import fc from 'fast-check';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { commonName } from '../../../src/core/sql/name-overlap';
import { eventCondition, likePattern } from '../../../src/core/sql/sql-text';
import { fitsPattern, namePattern } from '../../../src/core/table';
import { FUNNEL_SQL } from '../../../src/functions/funnel-sql';

/** The SQL text with string literals (backslash escapes) and -- comments left out. */
function codeOutsideLiterals(query: string): string {
  let code = '';
  for (let i = 0; i < query.length; i++) {
    if (query[i] === "'") {
      for (i++; i < query.length && query[i] !== "'"; i++) if (query[i] === '\\') i++;
    } else if (query.startsWith('--', i)) {
      while (i < query.length && query[i] !== '\n') i++;
    } else code += query[i];
  }
  return code;
}

const sql = (...args: unknown[]) =>
  (FUNNEL_SQL as (...a: unknown[]) => string[][])(...args)
    .map((row) => row[0]!)
    .join('\n');

describe('likePattern: COUNTIF wildcards as LIKE text', () => {
  // By hand: * is %, ? is _, a literal % _ or \ gets a backslash, ~* ~? ~~ are literal * ? ~.
  it.each([
    ['view_*', 'view\\_%'],
    ['100%*', '100\\%%'],
    ['a~*b?', 'a*b_'],
    ['c:\\*', 'c:\\\\%'],
    ['~~?', '~_'],
  ])('%s is %s', (name, like) => {
    expect(likePattern(name)).toBe(like);
  });
});

describe('eventCondition', () => {
  it('puts exact names in = or IN and wildcards in LIKE, each an escaped string literal', () => {
    // In SQL text the LIKE backslash is doubled once more by the string literal.
    expect(eventCondition('e', ['view_*', 'home'])).toBe("(e = 'home' OR e LIKE 'view\\\\_%')");
    expect(eventCondition('e', ['a', 'b', 'a'])).toBe("e IN ('a', 'b')");
    expect(eventCondition('e', ['a~*'])).toBe("e = 'a*'");
    expect(eventCondition('e', ["it's*"])).toBe("e LIKE 'it\\'s%'");
  });

  it('writes a stars-only step as "not blank": FUNNEL never counts a blank event name', () => {
    expect(eventCondition('e', ['*'])).toBe("e <> ''");
    expect(eventCondition('e', ['**', 'a'])).toBe("(e = 'a' OR e <> '')");
  });
});

describe('commonName: can two step names match one event?', () => {
  it.each([
    ['page_*', 'page_view', 'page_view'],
    ['a*', '*b', 'ab'],
    ['a?', 'ab', 'ab'],
    ['~*', '*', '*'],
    ['*', '*', 'x'],
    ['a~*', 'a*', 'a*'],
    ['?', '😀', '😀'],
    ['page_view', 'page_view', 'page_view'],
  ])('%s and %s: yes, %s', (a, b, name) => {
    expect(commonName(a, b)).toBe(name);
  });

  it.each([
    ['view_*', 'add_*'],
    ['a?c', 'abd'],
    ['??', '😀'],
    ['a~*', 'ab'],
    ['*a', '*b'],
    ['a', 'b'],
  ])('%s and %s: no', (a, b) => {
    expect(commonName(a, b)).toBeUndefined();
  });

  // Reference: every string of up to 6 characters over a, b, c, * (c and * stand for "other"),
  // checked with FUNNEL's own matcher. Patterns of at most 3 pieces share a name of at most 6
  // characters when they share one at all (each piece of one consumes at most one piece of the other).
  const piece = fc.constantFrom('a', 'b', '?', '*', '~*');
  const pattern = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
  const strings: string[] = [''];
  for (let i = 0; i < strings.length && strings[i]!.length < 6; i++) {
    for (const ch of ['a', 'b', 'c', '*']) strings.push(strings[i]! + ch);
  }
  it('finds a common non-empty name exactly when one exists (property)', () => {
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        const [pa, pb] = [namePattern(a), namePattern(b)];
        const name = commonName(a, b);
        const brute = strings.find((s) => s !== '' && fitsPattern(pa, s) && fitsPattern(pb, s));
        if (name === undefined) expect(brute).toBeUndefined();
        else {
          expect(name).not.toBe('');
          expect(fitsPattern(pa, name) && fitsPattern(pb, name)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('FUNNEL_SQL with wildcard steps', () => {
  it('bigquery: only rows a step or exclusion can match reach the UDF, as LIKE', () => {
    const query = sql('view_*|home, add_to_cart, purchase', '1h', 'exclude=refund*');
    expect(query).toContain(
      "  WHERE (event_name IN ('home', 'add_to_cart', 'purchase') OR event_name LIKE 'view\\\\_%' OR event_name LIKE 'refund%')",
    );
    const tail = query.slice(query.indexOf('""";') + 4);
    expect(new Parser().astify(tail, { database: 'BigQuery' })).toBeTruthy();
  });

  it('clickhouse: a wildcard step is a LIKE condition of windowFunnel and of the WHERE', () => {
    const query = sql('view_*|home, add_*', '1h', '', 'clickhouse', 'db.events');
    expect(query).toContain(
      "windowFunnel(3600000000)(toUInt64(event_timestamp), (event_name = 'home' OR event_name LIKE 'view\\\\_%'), event_name LIKE 'add\\\\_%') AS level",
    );
    expect(query).toContain(
      "  WHERE (event_name = 'home' OR event_name LIKE 'view\\\\_%' OR event_name LIKE 'add\\\\_%')",
    );
  });

  it.each([
    ['page_*, page_view', 'page_*', 'page_view', 'page_view'],
    ['a*|z, *b', 'a*', '*b', 'ab'],
    ['v?, vx|w', 'v?', 'vx', 'vx'],
  ])('clickhouse refuses %s: one event can fill two steps there', (steps, first, second, name) => {
    expect(() => sql(steps, '', '', 'clickhouse')).toThrow(
      `the names "${first}" and "${second}" of two steps, which can both match the event "${name}" ` +
        "(FUNNEL needs one row per step, windowFunnel lets one row fill both) cannot be written with ClickHouse's windowFunnel: " +
        'use the dialect "bigquery"',
    );
    // Within one step, overlapping alternatives are fine: a row fills that step once.
    expect(sql('a*|ab, c', '', '', 'clickhouse')).toContain('windowFunnel');
  });

  it('keeps hostile wildcard names string literals in both dialects', () => {
    const evil = "x'*; DROP TABLE t; --";
    for (const dialect of ['bigquery', 'clickhouse']) {
      const query = sql([[evil, 'b']], '', '', dialect);
      const tail = dialect === 'bigquery' ? query.slice(query.indexOf('""";') + 4) : query;
      expect(tail).toContain("LIKE 'x\\'%; DROP TABLE t; --'");
      if (dialect === 'bigquery') {
        const ast = new Parser().astify(tail, { database: 'BigQuery' });
        expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
      }
      // Outside string literals and comments, nothing of the name is left.
      expect(codeOutsideLiterals(tail)).not.toContain('DROP');
    }
  });
});
