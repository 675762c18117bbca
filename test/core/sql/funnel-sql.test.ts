import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import fc from 'fast-check';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { UDF_OUTPUT, udfModule } from '../../../scripts/generate-udf.mjs';
import { readFunnelSpec } from '../../../src/core/funnel/spec';
import { udfBody } from '../../../src/core/sql/bigquery';
import { FUNNEL } from '../../../src/functions/funnel';
import { FUNNEL_SQL } from '../../../src/functions/funnel-sql';

const sql = (...args: unknown[]) =>
  (FUNNEL_SQL as (...a: unknown[]) => string[][])(...args).map((row) => {
    expect(row).toHaveLength(1);
    return row[0]!;
  });

/** The UDF as BigQuery would run it: its body as a function of `events`, in a fresh JavaScript realm. */
function udfFunction(steps: string, window: unknown, options: string): (events: unknown[]) => boolean[] {
  const body = udfBody(readFunnelSpec(steps, window, options));
  return vm.runInNewContext(`(function (events) {\n${body}\n})`, {});
}

type Event = [user: string, event: string, micros: number];
const T0 = Date.UTC(2024, 2, 1) * 1000; // epoch microseconds, as GA4 exports them
const HEADER = ['user_pseudo_id', 'event_name', 'event_timestamp'];

/** Per-step counts from the UDF: events grouped by user, one call per user, flags added up. */
function udfCounts(events: Event[], steps: string, window: unknown, options: string): number[] {
  return countByUser(events, udfFunction(steps, window, options), steps.split(',').length);
}

function countByUser(events: Event[], run: (events: unknown[]) => boolean[], stepCount: number): number[] {
  const byUser = new Map<string, { t: number; e: string }[]>();
  for (const [u, e, t] of events) byUser.set(u, [...(byUser.get(u) ?? []), { t, e }]);
  const counts = new Array<number>(stepCount).fill(0);
  for (const list of byUser.values()) {
    run(list).forEach((reached, k) => {
      if (reached) counts[k]!++;
    });
  }
  return counts;
}

/**
 * Per-step counts as BigQuery would compute them from FUNNEL_SQL's whole query: the events
 * CTE's WHERE (read from the parsed query and evaluated by the small interpreter below) keeps
 * rows, then the UDF written in the query (not udfBody) runs per user.
 */
function bigQueryCounts(events: Event[], steps: string, window: unknown, options: string): number[] {
  const query = sql(steps, window, options).join('\n');
  const body = query.slice(query.indexOf('LANGUAGE js AS r"""') + 19, query.indexOf('""";'));
  const run = vm.runInNewContext(`(function (events) {\n${body}\n})`, {});
  const ast = new Parser().astify(query.slice(query.indexOf('""";') + 4), { database: 'BigQuery' });
  const where = (Array.isArray(ast) ? ast[0] : ast) as {
    with: { stmt: { ast: { where: SqlNode | null } } }[];
  };
  const condition = where.with[0]!.stmt.ast.where;
  const kept = condition ? events.filter(([, e]) => truthOf(condition, e) === true) : events;
  const stepCount = query.match(/WHEN \d+ THEN/g)!.length;
  return countByUser(kept, run, stepCount);
}

interface SqlNode {
  type: string;
  operator?: string;
  left?: SqlNode;
  right?: SqlNode;
  value?: unknown;
  column?: { expr: { value: string } };
}

/** A WHERE on the event column, as SQL reads it for one row whose event is `event`. */
function truthOf(node: SqlNode, event: string): unknown {
  if (node.type === 'column_ref') {
    expect(node.column!.expr.value).toBe('event_name');
    return event;
  }
  // node-sql-parser keeps a literal's source text: undo BigQuery's backslash escapes.
  if (node.type === 'single_quote_string')
    return String(node.value).replace(/\\(.)/gu, (_, ch: string) => (ch === 'n' ? '\n' : ch));
  if (node.type === 'expr_list') return (node.value as SqlNode[]).map((v) => truthOf(v, event));
  expect(node.type).toBe('binary_expr');
  const left = truthOf(node.left!, event);
  const right = truthOf(node.right!, event);
  switch (node.operator) {
    case 'OR':
      return left === true || right === true;
    case 'AND':
      return left === true && right === true;
    case '=':
      return left === right;
    case '<>':
      return left !== right;
    case 'IN':
      return (right as unknown[]).includes(left);
    case 'LIKE':
      return likeMatches(String(left), String(right));
    default:
      throw new Error(`operator ${node.operator} is not known to this test`);
  }
}

/** BigQuery's LIKE: % any run, _ one character (code point), backslash makes the next one literal. */
function likeMatches(text: string, pattern: string): boolean {
  const chars = Array.from(pattern);
  const tokens: string[] = [];
  for (let i = 0; i < chars.length; i++) tokens.push(chars[i] === '\\' ? `=${chars[++i]}` : chars[i]!);
  const name = Array.from(text);
  // matches(i, j): tokens from i match name from j (plain recursion, inputs are tiny).
  const matches = (i: number, j: number): boolean => {
    if (i === tokens.length) return j === name.length;
    const t = tokens[i]!;
    if (t === '%') return matches(i + 1, j) || (j < name.length && matches(i, j + 1));
    if (j === name.length) return false;
    if (t === '_') return matches(i + 1, j + 1);
    return (t.length > 1 ? t.slice(1) : t) === name[j] && matches(i + 1, j + 1);
  };
  return matches(0, 0);
}

function funnelCounts(events: Event[], steps: string, window: unknown, options: string): number[] {
  const out = (FUNNEL as (...a: unknown[]) => unknown[][])([HEADER, ...events], steps, window, options);
  return out.slice(1).map((row) => row[1] as number);
}

const randomEvents = fc.array(
  fc.tuple(
    fc.constantFrom('u1', 'u2', 'u3', 'u4'),
    // Names wildcards and LIKE escapes can tell apart: a literal % _ * and an emoji (one character).
    fc.constantFrom('a', 'b', 'c', 'x', 'ab', 'a%', 'a*', 'b_c', 'bxc', 'e😀'),
    fc.integer({ min: 0, max: 120 }).map((minute) => T0 + minute * 60_000_000),
  ),
  { minLength: 1, maxLength: 30 },
);
const OPTIONS = [
  '',
  'strict_order',
  'strict_deduplication',
  'strict_increase',
  'strict_order, strict_increase',
  'any order',
  'open',
  'exclude=x',
  'exclude=?',
  'exclude=b*',
];

// Plain, an event in two steps, overlapping alternatives, an optional step, and wildcards:
// overlapping ones, a literal % and * (~*), _ that LIKE must escape, ? over an emoji, all stars.
const STEPS = [
  'a, b, c',
  'a, a, b',
  'a|b, b, c',
  'a, [b], c',
  'a*, b, c',
  '?, b_c, *c',
  'a%*|a~*, b?c, e?',
  'b_*, [a*], *',
];

describe('the generated BigQuery UDF', () => {
  it('is fresh: src/generated/funnel-udf.ts is what scripts/generate-udf.mjs makes from the engine now', async () => {
    expect(readFileSync(UDF_OUTPUT, 'utf8')).toBe(await udfModule());
  });

  it('reproduces ClickHouse docs example 1 (level 4) in a fresh realm', () => {
    const events: Event[] = [
      ['1', '1003', Date.UTC(2019, 0, 29, 10) * 1000],
      ['1', '1009', Date.UTC(2019, 0, 30, 8) * 1000],
      ['1', '1007', Date.UTC(2019, 0, 31, 9) * 1000],
      ['1', '1010', Date.UTC(2019, 1, 1, 8) * 1000],
    ];
    expect(udfCounts(events, '1003, 1009, 1007, 1010', '', '')).toEqual([1, 1, 1, 1]);
  });

  it('gives the same counts as FUNNEL on the same rows, for every mode and wildcard steps (property)', () => {
    fc.assert(
      fc.property(
        randomEvents,
        fc.constantFrom('', '10m', '1h'),
        fc.constantFrom(...OPTIONS),
        fc.constantFrom(...STEPS),
        (events, w, o, steps) => {
          if (steps.includes('[') && /strict_order|any order/.test(o)) return; // refused (errors.test.ts)
          const expected = funnelCounts(events, steps, w, o);
          expect(udfCounts(events, steps, w, o)).toEqual(expected);
          // The whole query: its WHERE must keep every row FUNNEL can use.
          expect(bigQueryCounts(events, steps, w, o)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a wildcard step as FUNNEL does through the whole query (worked by hand)', () => {
    // u1: view_a, view_b, buy within the hour; u2: only "view" (no underscore), then buy; u3:
    // "view_%" (a literal %), buy. Steps "view_*, buy": u1 and u3 at both steps, u2 at none,
    // so [2, 2]; a query treating * literally, or _ as LIKE's any character, says otherwise.
    const events: Event[] = [
      ['u1', 'view_a', T0],
      ['u1', 'view_b', T0 + 60e6],
      ['u1', 'buy', T0 + 120e6],
      ['u2', 'view', T0],
      ['u2', 'buy', T0 + 60e6],
      ['u3', 'view_%', T0],
      ['u3', 'buy', T0 + 60e6],
    ];
    expect(funnelCounts(events, 'view_*, buy', '1h', '')).toEqual([2, 2]);
    expect(bigQueryCounts(events, 'view_*, buy', '1h', '')).toEqual([2, 2]);
    // A literal % step: only u3.
    expect(bigQueryCounts(events, 'view_%*, buy', '1h', '')).toEqual([1, 1]);
  });
});

describe('FUNNEL_SQL bigquery', () => {
  const lines = sql(
    'view_item|view_item_list, add_to_cart, purchase',
    '7d',
    'by session',
    '',
    'proj.analytics_1.events_*',
  );
  const text = lines.join('\n');

  it('declares the UDF over (t, e) structs returning one flag per step, wrapping the engine', () => {
    const start = lines.indexOf(
      'CREATE TEMP FUNCTION funnel_steps(events ARRAY<STRUCT<t FLOAT64, e STRING>>)',
    );
    expect(start).toBeGreaterThanOrEqual(0);
    expect(lines.slice(start + 1, start + 3)).toEqual(['RETURNS ARRAY<BOOL>', 'LANGUAGE js AS r"""']);
    const end = lines.indexOf('""";');
    const body = lines.slice(start + 3, end).join('\n');
    expect(body).toContain('return FunnelUdf.reachedSteps(events, {');
    expect(() => new vm.Script(`(function (events) {\n${body}\n})`)).not.toThrow();
  });

  it('parses as BigQuery SQL (node-sql-parser), reading GA4 columns and the session id from event_params', () => {
    const query = text.slice(text.indexOf('""";') + 4);
    const ast = new Parser().astify(query, { database: 'BigQuery' });
    expect(ast).toBeTruthy();
    expect(query).toContain('FROM `proj.analytics_1.events_*`');
    expect(query).toContain(
      "(SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'ga_session_id') AS entity_session",
    );
    expect(query).toContain('GROUP BY entity_user, entity_session');
    expect(query).toContain("WHERE event_name IN ('view_item', 'view_item_list', 'add_to_cart', 'purchase')");
    expect(query).toContain(
      "SELECT k + 1 AS step, CASE k WHEN 0 THEN 'view_item|view_item_list' WHEN 1 THEN 'add_to_cart' WHEN 2 THEN 'purchase' END AS name, COUNTIF(flag) AS sessions",
    );
    expect(query).toContain('FROM entities, UNNEST(reached) AS flag WITH OFFSET AS k');
  });

  it('keeps every event for strict_order (other events break the chain)', () => {
    const query = sql('a, b', '', 'strict_order').join('\n');
    expect(query).not.toMatch(/WHERE event_name IN/);
    expect(query).toContain('GROUP BY entity_user\n');
  });

  it('escapes hostile step names so they stay string literals', () => {
    const evil = "x'); DROP TABLE t; --";
    // As a range of cells: in one text, ";" separates steps.
    const query = sql([[evil, 'b']]).join('\n');
    const tail = query.slice(query.indexOf('""";') + 4);
    const ast = new Parser().astify(tail, { database: 'BigQuery' });
    expect(JSON.stringify(ast)).toContain("x\\\\'); DROP TABLE t; --");
    expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
  });

  it('uses named columns from the options', () => {
    const query = sql('a, b', '', 'user=client_id, event=action, time=ts_micros').join('\n');
    expect(query).toContain('client_id AS entity_user');
    expect(query).toContain('action AS e');
    expect(query).toContain('CAST(ts_micros AS FLOAT64) AS t');
  });
});

describe('FUNNEL_SQL clickhouse', () => {
  it('writes windowFunnel with the window in microseconds, the modes and one condition per step', () => {
    const lines = sql('a|a2, b', '2h', 'strict_order, strict_increase', 'clickhouse', 'db.events');
    const text = lines.join('\n');
    expect(text).toContain(
      "SELECT windowFunnel(7200000000, 'strict_order', 'strict_increase')(toUInt64(event_timestamp), event_name IN ('a', 'a2'), event_name = 'b') AS level",
    );
    expect(text).toContain('FROM db.events');
    expect(text).toContain('countIf(level >= 2) AS step_2 -- b');
    expect(text).not.toContain('WHERE');
  });

  it.each([
    ['any order', /"any order" cannot be written with ClickHouse's windowFunnel: use the dialect "bigquery"/],
    ['open', /"open" cannot be written/],
    ['exclude=x', /"exclude=" cannot be written/],
  ])('refuses %s', (option, message) => {
    expect(() => sql('a, b', '', option, 'clickhouse')).toThrow(message);
  });

  it.each([
    ['page_view, page_view, purchase', 'page_view'],
    ['view_item|page_view, page_view', 'page_view'],
  ])('refuses %s: windowFunnel lets one row fill two steps, FUNNEL does not', (steps, name) => {
    expect(() => sql(steps, '', '', 'clickhouse')).toThrow(
      `the event "${name}" in two steps (FUNNEL needs one row per step, windowFunnel lets one row fill both) ` +
        `cannot be written with ClickHouse's windowFunnel: use the dialect "bigquery"`,
    );
    // The BigQuery dialect runs FUNNEL's engine, so it takes the same steps.
    expect(sql(steps, '', '', 'bigquery').join('\n')).toContain('CREATE TEMP FUNCTION');
  });

  it('refuses optional steps, which windowFunnel cannot skip', () => {
    expect(() => sql('view, [wish], buy', '', '', 'clickhouse')).toThrow(
      /the optional step "\[wish\]" cannot be written with ClickHouse's windowFunnel: use the dialect "bigquery"/,
    );
  });
});

describe('FUNNEL_SQL errors', () => {
  it.each([
    [
      ['a, b', '', '', 'postgres'],
      /dialect "postgres" is not known: write "bigquery" \(the default\) or "clickhouse"/,
    ],
    [['a, b', '', 'breakdown=device'], /option "breakdown=" is not available in FUNNEL_SQL/],
    [['a, b', '', 'time'], /option "time" is not available in FUNNEL_SQL/],
    [['a, b', '', '', 'bigquery', 'x; DROP TABLE y'], /table "x; DROP TABLE y" is not a table name/],
    [['a, b', 'soon'], /window "soon" is not a duration/],
    [[''], /steps are missing/],
    [['a, b', '', 'user=bad`name'], /user="bad`name" is not a column name/],
  ])('rejects %j', (args, message) => {
    expect(() => sql(...args)).toThrow(message);
  });
});
