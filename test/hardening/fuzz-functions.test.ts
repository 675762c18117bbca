/**
 * Fuzzing every custom function through dist/Code.js in gas-local, as Sheets calls them: random
 * ranges of mixed cells (numbers, text, Dates from another realm, booleans, blanks, `#N/A`-like
 * error text, very long strings, 'NaN'/'Infinity' text, huge and negative numbers, NaN itself),
 * random steps, windows, periods and options. Every call must either
 *   - return a rectangular 2D array whose cells are finite numbers, strings or booleans
 *     (no Date: FUNNEL_TREND writes its periods as ISO text on purpose), or
 *   - throw an Error whose message is one of the documented UserError messages in ERROR_SHAPES
 *     below: never "failed unexpectedly" (a bug reached withUserErrors), never a TypeError's or
 *     RangeError's own text, never "undefined" or "NaN" outside the user's quoted text.
 * Run `npm run build` first (npm test does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/load-bundle';

const ROOT = join(import.meta.dirname, '..', '..');
const bundle = loadBundle();
const call = (name: string, args: unknown[]): unknown => bundle[name]!(...args);
const table = (name: string, args: unknown[]) => call(name, args) as unknown[][];

// ---- The documented messages: one table, each tied to the source text it comes from --------

interface ErrorShape {
  /** The file that throws it. */
  source: string;
  /** A literal piece of the message as written in that file (checked below, so the table cannot rot). */
  fragment: string;
  /** The whole message as a user sees it. */
  pattern: RegExp;
}

const ERROR_SHAPES: ErrorShape[] = [
  // Data reading (FUNNEL, MICRO_IMPACT, FUNNEL_TREND).
  {
    source: 'src/core/table/read.ts',
    fragment: 'data is empty. ',
    pattern: /^data is empty\. Select the exported rows together with their header row/,
  },
  {
    source: 'src/core/table/read.ts',
    fragment: ' (starting with #) and no table. ',
    pattern: /^data holds only \d+ comment lines? \(starting with #\) and no table\. Paste the export/,
  },
  {
    source: 'src/core/table/read.ts',
    fragment: 'but no data rows under it. ',
    pattern: /^data has a header row \(.*\) but no data rows under it\. Select the exported rows/s,
  },
  {
    source: 'src/core/table/read.ts',
    fragment: '`data: cannot find ',
    pattern: /^data: cannot find .+\. Columns seen: .*\. If a column has another header, name it with user=/s,
  },
  {
    source: 'src/core/table/read.ts',
    fragment: 'rows are needed: one row per event with',
    pattern:
      /^data looks like a report \((columns ".*" and ".*"|count columns ".*")\), but event rows are needed: one row per event/s,
  },
  {
    source: 'src/core/table/read.ts',
    fragment: ': the timestamp is empty. ',
    pattern: /^row \d+ of data, column ".*": the timestamp is empty\. Use dates, epoch numbers/s,
  },
  {
    source: 'src/core/table/read.ts',
    fragment: '" is not a date or time. ',
    pattern: /^row \d+ of data, column ".*": ".*" is not a date or time\. Use dates, epoch numbers/s,
  },
  {
    source: 'src/core/table/report.ts',
    fragment: 'data: no column holds the steps ',
    pattern:
      /^data: no column holds the steps .*\. Columns seen: .*Write the steps as they appear in one of these columns/s,
  },
  {
    source: 'src/core/table/report.ts',
    fragment: ' is negative. A count cannot be below 0: correct the cell.',
    pattern:
      /^row \d+ of data, column ".*": ".*" is negative\. A count cannot be below 0: correct the cell\.$/s,
  },
  {
    source: 'src/core/table/report.ts',
    fragment: ', not a rate or average ',
    pattern:
      /^row \d+ of data, column ".*": ".*" is not a whole number of (users|sessions)\. Select the column of/s,
  },
  {
    source: 'src/core/table/report.ts',
    fragment: 'A report needs a number in its count column on every row.',
    pattern:
      /^row \d+ of data, column ".*": ".*" is not a number\. A report needs a number in its count column on every row\.$/s,
  },
  {
    source: 'src/core/table/report.ts',
    fragment: ' is a TRUE/FALSE (checkbox) value, not a count. ',
    pattern:
      /^row \d+ of data, column ".*": "(true|false)" is a TRUE\/FALSE \(checkbox\) value, not a count\. A report needs a number/is,
  },
  {
    source: 'src/core/table/limits.ts',
    fragment: 'data is too large to finish within the 30 seconds Sheets gives a custom function',
    pattern:
      /^data is too large to finish within the 30 seconds Sheets gives a custom function: after \d+ seconds, \d+ of its \d+ rows were read\./,
  },
  {
    source: 'src/core/table/columns.ts',
    fragment: '". Its columns are ',
    pattern:
      /^(user|session|event|time|count|breakdown)=.*: the data has no column ".*"\. Its columns are .*; write \1= followed by one of them\.$/s,
  },
  // Steps, windows, options (every function that takes them).
  {
    source: 'src/core/table/steps.ts',
    fragment: '`steps are missing. ',
    pattern: /^steps are missing\. Give the step event names in order/,
  },
  {
    source: 'src/core/table/duration.ts',
    fragment: 'is not a duration. Leave it blank for no limit',
    pattern: /^window .+ is not a duration\. Leave it blank for no limit, or write a number of days/s,
  },
  {
    source: 'src/core/table/duration.ts',
    fragment: 'is a date or time cell. Write the window as a number of days or as text: ',
    pattern: /^window is a date or time cell\. Write the window as a number of days or as text: /,
  },
  {
    source: 'src/core/table/options.ts',
    fragment: '`unknown option "',
    pattern: /^unknown option ".+?"( \(".*" needs a value: .*=\.\.\.\))?\. Valid options: .+\.$/s,
  },
  {
    source: 'src/core/table/options.ts',
    fragment: '=". Valid options: ',
    pattern: /^unknown option ".*="\. Valid options: .+\.$/s,
  },
  {
    source: 'src/core/table/options.ts',
    fragment: 'followed by a name.`',
    pattern: /^option "\w+=" has no value: write \w+= followed by a name\.$/,
  },
  {
    source: 'src/core/table/options.ts',
    fragment: '); give it once.`',
    pattern: /^option \w+= is given \d+ times \(.*\); give it once\.$/s,
  },
  // FUNNEL's own combinations.
  {
    source: 'src/core/funnel/spec.ts',
    fragment: 'options "any order" and "open" cannot be combined: choose one of them.',
    pattern: /^options "any order" and "open" cannot be combined: choose one of them\.$/,
  },
  {
    source: 'src/core/funnel/spec.ts',
    fragment: 'refines the default (sequential) funnel and cannot be combined with',
    pattern:
      /^option "strict_\w+" refines the default \(sequential\) funnel and cannot be combined with "(any order|open)": remove one of them\.$/,
  },
  {
    source: 'src/core/funnel/spec.ts',
    fragment: 'chain of steps, but an "open" funnel counts each step on its own: ',
    pattern:
      /^option "time" measures each entity's chain of steps, but an "open" funnel counts each step on its own: remove one of them\.$/,
  },
  {
    source: 'src/core/funnel/optional.ts',
    fragment: 'cannot honour (',
    pattern:
      /^step ".*" is optional \(in square brackets\), which "(any order|strict_order)" cannot honour \(.*\): remove the brackets or the option\.$/s,
  },
  {
    source: 'src/core/funnel/optional.ts',
    fragment: 'but a funnel starts and ends with a required step: ',
    pattern:
      /^step ".*" is optional \(in square brackets\), but a funnel starts and ends with a required step: remove the brackets, or put the step between two required ones\.$/s,
  },
  {
    source: 'src/core/funnel/index.ts',
    fragment: '), which has no times. ',
    pattern:
      /needs? times \(event rows: one row per event .*\), but data has one row per session or lead with TRUE\/FALSE columns \(step columns .*\), which has no times\. Remove (it|them) or use event rows\.$/s,
  },
  {
    source: 'src/core/table/flags.ts',
    fragment:
      'nor a count. In a table of one row per session or lead with TRUE/FALSE columns, a step column holds ',
    pattern:
      /^row \d+ of data, column ".*": ".*" is neither TRUE\/FALSE nor a count\. In a table of one row per session or lead with TRUE\/FALSE columns, a step column holds/s,
  },
  {
    source: 'src/core/table/flags.ts',
    fragment: ' both name the column ',
    pattern:
      /^steps \d+ and \d+ both name the column ".*"\. In a table of one row per session or lead with TRUE\/FALSE columns, a row holds one value per column/s,
  },
  {
    source: 'src/core/funnel/index.ts',
    fragment: 'which only has totals per step. Remove',
    pattern:
      /needs? event rows \(one row per event .*\), but data is a report .* which only has totals per step\. Remove (it|them) or use event rows\.$/s,
  },
  {
    source: 'src/core/funnel/spec.ts',
    fragment: 'compares the segments of a breakdown: add breakdown=<column>',
    pattern:
      /^option "compare" compares the segments of a breakdown: add breakdown=<column> \(e\.g\. breakdown=device\), or remove "compare"\.$/,
  },
  {
    source: 'src/core/funnel/spec.ts',
    fragment: 'measure (anyone may enter at any step): remove one of them.',
    pattern:
      /^option "compare" tests each segment's conversion from the first step to the last, which an "open" funnel does not measure \(anyone may enter at any step\): remove one of them\.$/,
  },
  // DROP_OFF.
  {
    source: 'src/core/funnel/drop-off.ts',
    fragment: 'is not available in DROP_OFF, whose rows are what',
    pattern:
      /^option "(breakdown=|time)" is not available in DROP_OFF, whose rows are what each step's drop-offs did next: use FUNNEL for it\.$/,
  },
  {
    source: 'src/core/funnel/drop-off.ts',
    fragment: 'DROP_OFF needs at least two steps (a drop-off is between',
    pattern:
      /^steps: DROP_OFF needs at least two steps \(a drop-off is between a step and the next\), e\.g\. ".*, purchase"\.$/s,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: 'must be a whole number of rows, at least 1, such as',
    pattern:
      /^top must be a whole number of rows, at least 1, such as 5 \(blank: 5\), not (the text ".*"|a date|TRUE|FALSE|-?[\d.e+-]+|"-?(NaN|Infinity)")\.$/s,
  },
  // MICRO_IMPACT.
  {
    source: 'src/core/insights/arguments.ts',
    fragment: 'is missing: give the event name, e.g.',
    pattern: /^macro_event is missing: give the event name, e\.g\. "purchase"\.$/,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: '`or alternatives joined with | such as',
    pattern: /^macro_event names \d+ events \(.*\): give one, or alternatives joined with \| such as/s,
  },
  {
    source: 'src/core/insights/micro-impact.ts',
    fragment: 'Check the name; events seen include',
    pattern: /^macro_event: no .* events in the data \(column ".*"\)\. Check the name; events seen include/s,
  },
  {
    source: 'src/core/insights/micro-impact.ts',
    fragment: 'micro_events: the data has no events other than the macro event',
    pattern:
      /^micro_events: the data has no events other than the macro event, so there is nothing to compare\.$/,
  },
  // FUNNEL_TREND.
  {
    source: 'src/core/insights/periods.ts',
    fragment: 'is not one of "day", "week" (starting Monday) or "month".',
    pattern: /^period ".*" is not one of "day", "week" \(starting Monday\) or "month"\.$/s,
  },
  {
    source: 'src/core/insights/funnel-trend.ts',
    fragment: 'is not available in FUNNEL_TREND, whose rows are the periods',
    pattern:
      /^option "(time|breakdown=)" is not available in FUNNEL_TREND, whose rows are the periods: use FUNNEL for it\.$/,
  },
  {
    source: 'src/core/insights/funnel-trend.ts',
    fragment: ': check the timestamps, or choose a longer period',
    pattern:
      /^data spans \d+ (day|week|month)s \(.* to .*\), more than \d+: check the timestamps, or choose a longer period/,
  },
  // FUNNEL_SQL.
  {
    source: 'src/core/sql/funnel-sql.ts',
    fragment: 'is not known: write "bigquery" (the default) or "clickhouse".',
    pattern: /^dialect ".*" is not known: write "bigquery" \(the default\) or "clickhouse"\.$/s,
  },
  {
    source: 'src/core/sql/funnel-sql.ts',
    fragment: 'is not available in FUNNEL_SQL, which counts entities per step',
    pattern:
      /^option "(breakdown=|time|count=)" is not available in FUNNEL_SQL, which counts entities per step/,
  },
  {
    source: 'src/core/sql/clickhouse.ts',
    fragment: "cannot be written with ClickHouse's windowFunnel",
    pattern: /cannot be written with ClickHouse's windowFunnel: use the dialect "bigquery"/,
  },
  {
    source: 'src/core/sql/sql-text.ts',
    fragment: 'is not a column name a SQL query can use.',
    pattern: /^(user|session|event|time)=".*" is not a column name a SQL query can use\.$/s,
  },
  {
    source: 'src/core/sql/sql-text.ts',
    fragment: 'is not a table name: use letters, digits, _ - and dots',
    pattern: /^table ".*" is not a table name: use letters, digits, _ - and dots, e\.g\. /s,
  },
  // AB_TEST.
  {
    source: 'src/core/insights/arguments.ts',
    fragment: 'must be one cell or a number, not a range of cells.',
    pattern:
      /^((conversions|visitors)_[ab]|confidence|top) must be one cell or a number, not a range of cells\.$/,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: 'is missing: give a whole number such as',
    pattern: /^(conversions|visitors)_[ab] is missing: give a whole number such as \d+\.$/,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: 'must be a whole number such as ',
    pattern:
      /^(conversions|visitors)_[ab] must be a whole number such as \d+, not (the text ".*"|a date|TRUE|FALSE|"-?(NaN|Infinity)")\.$/s,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: ': a count cannot be negative.',
    pattern: /^(conversions|visitors)_[ab] is -[\d.e+-]+: a count cannot be negative\.$/,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: ': counts are whole numbers (people, sessions), such as',
    pattern:
      /^(conversions|visitors)_[ab] is [\d.e+-]+: counts are whole numbers \(people, sessions\), such as \d+\.$/,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: 'must be a level between 0 and 100% (write',
    pattern:
      /^confidence must be a level between 0 and 100% \(write .*\), not (the text ".*"|a date|TRUE|FALSE|-?[\d.e+-]+|"-?(NaN|Infinity)")\.$/s,
  },
  {
    source: 'src/core/insights/arguments.ts',
    fragment: ': larger than any real count (at most',
    pattern:
      /^(conversions|visitors)_[ab] is [\d.e+]+: larger than any real count \(at most 9007199254740991\), such as \d+\.$/,
  },
  {
    source: 'src/core/insights/ab-test.ts',
    fragment: 'is 0: a group needs visitors before its conversion rate means anything.',
    pattern: /^visitors_[ab] is 0: a group needs visitors before its conversion rate means anything\.$/,
  },
  {
    source: 'src/core/insights/ab-test.ts',
    fragment: 'a visitor converts ',
    pattern:
      /^conversions_[ab] \(\d+\) is larger than visitors_[ab] \(\d+\): a visitor converts at most once\./,
  },
];

/** Messages seen in this run, by pattern index: printed on failure, to see what the fuzzing reached. */
const seen = new Map<number, number>();

/** Checks one call: a table of plain values, or a documented message. */
function expectTableOrDocumentedError(name: string, args: unknown[]): void {
  let out: unknown;
  try {
    out = call(name, args);
  } catch (error) {
    expectDocumentedError(error, args);
    return;
  }
  expectPlainTable(out);
  seen.set(-1, (seen.get(-1) ?? 0) + 1);
}

function expectPlainTable(out: unknown): void {
  expect(Array.isArray(out), 'the result is an array').toBe(true);
  const rows = out as unknown[];
  expect(rows.length, 'at least a header row').toBeGreaterThan(0);
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  expect(width, 'the first row is a non-empty array').toBeGreaterThan(0);
  rows.forEach((row, r) => {
    expect(Array.isArray(row) && row.length === width, `row ${r} has the header's width ${width}`).toBe(true);
    (row as unknown[]).forEach((cell, c) => {
      const plain =
        typeof cell === 'string' ||
        typeof cell === 'boolean' ||
        (typeof cell === 'number' && Number.isFinite(cell));
      expect(plain, `cell [${r}][${c}] is a finite number, a string or a boolean: ${String(cell)}`).toBe(
        true,
      );
    });
  });
}

/** The text of every string cell in the arguments, joined (what the user typed). */
function inputWords(args: unknown[]): string {
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'string') texts.push(v);
  };
  walk(args);
  return texts.join('\n');
}

function expectDocumentedError(error: unknown, args: unknown[]): void {
  // gas-local's realm: no instanceof Error across it, so check the shape.
  const isError = Object.prototype.toString.call(error) === '[object Error]';
  expect(isError, `an Error was thrown, not ${String(error)}`).toBe(true);
  const { name, message } = error as Error;
  expect(name, 'withUserErrors rethrows a plain Error').toBe('Error');
  expect(typeof message).toBe('string');
  expect(message).not.toMatch(/failed unexpectedly/);
  expect(message).not.toMatch(
    /is not a function|Cannot read propert|is not iterable|Invalid time value|Maximum call stack|Invalid array length/,
  );
  // No leaked "undefined", "NaN" or "[object ...]": outside the user's quoted text, such a word
  // may only be the user's own (a step typed "undefined" is quoted back as it was typed).
  const unquoted = message.replace(/"[^"]*"/g, '""');
  for (const word of unquoted.match(/\bundefined\b|\bNaN\b|\[object \w+\]/g) ?? []) {
    expect(inputWords(args).includes(word), `"${word}" in: ${message.slice(0, 300)}`).toBe(true);
  }
  const index = ERROR_SHAPES.findIndex((shape) => shape.pattern.test(message));
  expect(index, `a documented message (ERROR_SHAPES): ${message.slice(0, 400)}`).toBeGreaterThanOrEqual(0);
  seen.set(index, (seen.get(index) ?? 0) + 1);
}

// ---- Cells and arguments as Sheets could hand them over --------------------------------------

const LONG = 'x'.repeat(60_000);
const ERROR_TEXT = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#ERROR!', '#NULL!'];
const NUMBER_TEXT = ['NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x1F', '  ', 'undefined', 'null'];
/** Names that are keys of every plain object: a lookup by object key instead of a Map would trip on them. */
const OBJECT_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const FORMULA_TEXT = ['=1+1', '+1', '-1', '@x', "'quoted", '=IMPORTXML("http://x","//a")'];

const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    -1.7e15,
    5e-324,
    -0,
  ),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '',
    ...ERROR_TEXT,
    ...NUMBER_TEXT,
    ...FORMULA_TEXT,
    ...OBJECT_KEYS,
    LONG,
    'Grand total',
    '# note',
  ),
  fc.boolean(),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }),
  fc.constant(new Date(Number.NaN)),
);

const entityCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('u1', 'u2', 'u3', 7, '__proto__') },
  hostileCell,
);
const eventCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('view', 'cart', 'buy', 'other', 'constructor', '__proto__') },
  hostileCell,
);
/** Mostly real timestamps around March 2024, in every type FUNNEL reads. */
const timeCell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 40 * 86_400 }), fc.integer({ min: 0, max: 5 }))
      .map(([s, kind]) => {
        const ms = Date.UTC(2024, 2, 1) + s * 1000;
        return [new Date(ms), ms * 1000, ms, ms / 1000, new Date(ms).toISOString(), ms / 86_400_000 + 25_569][
          kind
        ];
      }),
  },
  hostileCell,
);
const countCell = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 500 }) }, hostileCell);
/** A checkbox as Sheets holds it, as text, as a count, or blank. */
const flagCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(true, false, 'TRUE', 'false', '', 0, 1, 3) },
  hostileCell,
);

/** Headers: the columns each kind of data needs, with random ones mixed in. */
const EVENT_HEADER = ['user_pseudo_id', 'event_name', 'event_timestamp', 'ga_session_id', 'device'];
const REPORT_HEADER = ['Event name', 'Event count', 'Total users', 'device'];
/** A table of one row per lead with a checkbox per step: its headers are the fuzzed step names. */
const FLAGS_HEADER = ['view', 'cart', 'buy', 'device'];

const dataArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: tableArb(EVENT_HEADER, [entityCell, eventCell, timeCell, entityCell, eventCell]) },
  { weight: 3, arbitrary: tableArb(REPORT_HEADER, [eventCell, countCell, countCell, eventCell]) },
  { weight: 2, arbitrary: tableArb(FLAGS_HEADER, [flagCell, flagCell, flagCell, eventCell]) },
  { weight: 1, arbitrary: fc.array(fc.array(hostileCell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }) },
  { weight: 1, arbitrary: hostileCell },
);

/** A rectangular range: optional GA comment block, a header (some columns swapped for hostile ones), rows. */
function tableArb(header: string[], cells: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown[][]> {
  const width = header.length;
  return fc
    .record({
      comments: fc.constantFrom(0, 0, 2),
      headerCells: fc.tuple(
        ...header.map((h) => fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>(h) }, hostileCell)),
      ),
      rows: fc.array(fc.tuple(...cells), { maxLength: 14 }),
      totals: fc.boolean(),
    })
    .map(({ comments, headerCells, rows, totals }) => {
      const pad = (row: unknown[]) => [...row, ...new Array(width - row.length).fill('')];
      const out: unknown[][] = [];
      if (comments) out.push(pad(['# ----']), pad(['# Start date: 20240301']), pad(['']));
      out.push(headerCells);
      out.push(...rows.map((r) => [...r]));
      if (totals) out.push(pad(['', 'Grand total', 9]));
      return out;
    });
}

const stepName = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom('view', 'cart', 'buy', 'view|cart', 'nope', '__proto__|constructor'),
  },
  hostileCell,
);
const stepsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .array(fc.constantFrom('view', 'cart', 'buy', 'view|cart', '[cart]', 'nope', ' ', '|'), { maxLength: 4 })
    .map((s) => s.join(', ')),
  fc.array(stepName, { minLength: 1, maxLength: 4 }).map((s) => s.map((x) => [x])),
  fc.array(stepName, { minLength: 1, maxLength: 4 }).map((s) => [s]),
  hostileCell,
);
const windowArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', '', '7d', '2h', '30 min', '90s', 1, 1 / 24, 0, 1e306) },
  { weight: 1, arbitrary: fc.constantFrom(-1, '1e400d', '7 fortnights', '-2h') },
  { weight: 1, arbitrary: hostileCell },
);
const OPTION_WORDS = [
  'strict_order',
  'strict_deduplication',
  'strict_increase',
  'any order',
  'open',
  'by session',
  'time',
  'compare',
  'exclude=cart',
  'breakdown=device',
  'breakdown=Nope',
  'user=user_pseudo_id',
  'session=ga_session_id',
  'event=event_name',
  'time=event_timestamp',
  'count=Event count',
  'user=',
  'frobnicate',
  'exclude',
];
const optionsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.subarray(OPTION_WORDS, { maxLength: 3 }).map((w) => w.join(', ')) },
  hostileCell,
);
const periodArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', 'day', 'week', 'month', 'Weekly', 'year') },
  { weight: 1, arbitrary: hostileCell },
);

/** Event rows with the right columns and real timestamps (hostile ids and names), and valid options. */
function wellFormed() {
  const validTime = timeCell.filter((t) => typeof t !== 'string' || !Number.isNaN(Date.parse(t)));
  const rows = fc.array(fc.tuple(entityCell, eventCell, validTime, entityCell, eventCell), {
    minLength: 1,
    maxLength: 14,
  });
  const validOptions = fc
    .subarray(['by session', 'time', 'exclude=cart', 'breakdown=device', 'strict_order', 'strict_increase'], {
      maxLength: 3,
    })
    .map((w) => w.join(', '));
  return { rows, validOptions };
}

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

// ---- The properties ---------------------------------------------------------------------------

describe('fuzzing the custom functions in dist/Code.js', () => {
  afterAll(() => {
    if (process.env.FUZZ_REPORT)
      console.log(
        [...seen].map(([i, n]) => `${n}\t${i < 0 ? 'table' : ERROR_SHAPES[i]!.fragment}`).join('\n'),
      );
  });
  it('every documented message is still written that way in its source file', () => {
    for (const shape of ERROR_SHAPES) {
      expect(readFileSync(join(ROOT, shape.source), 'utf8'), `${shape.source}: ${shape.fragment}`).toContain(
        shape.fragment,
      );
    }
  });

  it('FUNNEL returns plain values or a documented message', () => {
    fc.assert(
      fc.property(dataArb, stepsArb, windowArb, optionsArb, (data, steps, window, options) => {
        expectTableOrDocumentedError('FUNNEL', [data, steps, window, options]);
      }),
      RUNS,
    );
  });

  it('DROP_OFF returns plain values or a documented message', () => {
    const top = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('', 1, 3, '2', 1e9) },
      fc.constantFrom(0, -1, 2.5, [[1, 2]], 'five'),
      hostileCell,
    );
    fc.assert(
      fc.property(dataArb, stepsArb, windowArb, optionsArb, top, (data, steps, window, options, rows) => {
        expectTableOrDocumentedError('DROP_OFF', [data, steps, window, options, rows]);
      }),
      RUNS,
    );
  });

  it('MICRO_IMPACT returns plain values or a documented message', () => {
    const macro = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('buy', 'view|buy', 'nope') }, stepsArb);
    const micros = fc.oneof(fc.constant(''), stepsArb);
    fc.assert(
      fc.property(dataArb, macro, micros, windowArb, (data, macroEvent, microEvents, window) => {
        expectTableOrDocumentedError('MICRO_IMPACT', [data, macroEvent, microEvents, window]);
      }),
      RUNS,
    );
  });

  it('FUNNEL_TREND returns plain values (periods as text, not Dates) or a documented message', () => {
    fc.assert(
      fc.property(
        dataArb,
        stepsArb,
        windowArb,
        periodArb,
        optionsArb,
        (data, steps, window, period, options) => {
          expectTableOrDocumentedError('FUNNEL_TREND', [data, steps, window, period, options]);
        },
      ),
      RUNS,
    );
  });

  it('FUNNEL_SQL returns plain values or a documented message', () => {
    const dialect = fc.oneof(fc.constantFrom('', 'bigquery', 'clickhouse', 'BQ', 'postgres'), hostileCell);
    const table = fc.oneof(
      fc.constantFrom('', 'my-project.analytics_1.events_*', 'db.events', 'x; DROP TABLE y', 'a`b'),
      hostileCell,
    );
    const sqlOptions = fc.oneof(
      optionsArb,
      fc.constantFrom('user=my id', 'event=a`b', 'time=x\\y', 'session=ga_session_id, by session'),
    );
    fc.assert(
      fc.property(stepsArb, windowArb, sqlOptions, dialect, table, (steps, window, options, d, t) => {
        expectTableOrDocumentedError('FUNNEL_SQL', [steps, window, options, d, t]);
      }),
      RUNS,
    );
  });

  it('DROP_OFF on well-formed event rows with hostile ids and names gives tables', () => {
    // Its own test, so each stays well inside the 20 s test timeout on a loaded machine.
    const { rows, validOptions } = wellFormed();
    const top = fc.constantFrom('', 1, 2);
    fc.assert(
      fc.property(rows, stepsArb, validOptions, windowArb, top, (body, steps, options, window, rowsShown) => {
        const data = [EVENT_HEADER, ...body.map((r) => [...r])];
        // Every mode, and compare (with breakdown= in FUNNEL) on the same rows.
        const mode = ['', 'any order', 'open', 'strict_order'][body.length % 4]!;
        const words = [options.replace(/(, )?(time|breakdown=device)/g, ''), mode]
          .filter((w) => w)
          .join(', ');
        expectTableOrDocumentedError('DROP_OFF', [data, steps, window, words, rowsShown]);
        expectTableOrDocumentedError('FUNNEL', [data, steps, window, 'breakdown=device, compare']);
      }),
      RUNS,
    );
  });

  it('FUNNEL, MICRO_IMPACT and FUNNEL_TREND on well-formed event rows with hostile ids and names give tables', () => {
    // Always the right columns and real timestamps, so nearly every call reaches the engines
    // (modes, breakdowns, time columns, periods) with hostile ids, names and breakdown values.
    const { rows, validOptions } = wellFormed();
    fc.assert(
      fc.property(rows, stepsArb, validOptions, periodArb, (body, steps, options, period) => {
        const data = [EVENT_HEADER, ...body.map((r) => [...r])];
        expectTableOrDocumentedError('FUNNEL', [data, steps, '7d', options]);
        expectTableOrDocumentedError('MICRO_IMPACT', [data, steps, '', '2h']);
        expectTableOrDocumentedError('FUNNEL_TREND', [
          data,
          steps,
          1,
          period,
          options.replace(/(, )?(time|breakdown=device)/g, ''),
        ]);
      }),
      RUNS,
    );
  });

  it('AB_TEST returns plain values or a documented message', () => {
    const count = fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 0, max: 5000 }) },
      fc.integer({ min: 0, max: 5000 }).map(String),
      fc.constantFrom(0.5, -3, 1e15, 1e300, 1e308, Number.MAX_SAFE_INTEGER, [[1, 2]], '1,000', '1e308'),
      hostileCell,
    );
    const confidence = fc.oneof(
      fc.constantFrom('', 0.9, 95, '99%', 0.999999, 100, 1, 0, '95 %'),
      hostileCell,
    );
    fc.assert(
      fc.property(count, count, count, count, confidence, (ca, va, cb, vb, level) => {
        expectTableOrDocumentedError('AB_TEST', [ca, va, cb, vb, level]);
      }),
      RUNS,
    );
  });
});

// ---- What the fuzzing found, kept as plain examples ------------------------------------------

describe('inputs the fuzzing found', () => {
  const rows = (time: unknown) => [
    ['user_pseudo_id', 'event_name', 'event_timestamp'],
    ['u1', 'view', Date.UTC(2024, 2, 4) * 1000],
    ['u1', 'buy', time],
  ];

  it.each([
    ['epoch µs far past year 9999', 1e308],
    ['epoch µs far before year 1', -8.6e18],
    ['a serial 90 million days out', 9e7],
  ])(
    'a timestamp beyond the years 1 to 9999 (%s) is "not a date or time" in FUNNEL, MICRO_IMPACT and FUNNEL_TREND',
    (_, time) => {
      const message =
        /^row 3 of data, column "event_timestamp": ".+" is not a date or time\. Use dates, epoch numbers/;
      expect(() => call('FUNNEL', [rows(time), 'view, buy'])).toThrow(message);
      expect(() => call('MICRO_IMPACT', [rows(time), 'buy'])).toThrow(message);
      expect(() => call('FUNNEL_TREND', [rows(time), 'view, buy'])).toThrow(message);
    },
  );

  it('still reads the first and last instants of that range', () => {
    const first = new Date(-62_135_596_800_000); // 0001-01-01T00:00:00Z
    const last = new Date(253_402_300_799_999); // 9999-12-31T23:59:59.999Z
    const only = (time: Date) => [rows(time)[0]!, ['u1', 'buy', time]];
    expect(call('FUNNEL_TREND', [only(first), 'buy', '', 'month'])).toEqual([
      ['Month starting', 'buy (entrants)', 'Conversion (last step / first)', 'Notes'],
      ['0001-01-01', 1, 1, ''],
    ]);
    expect(table('FUNNEL_TREND', [only(last), 'buy', '', 'day'])[1]).toEqual(['9999-12-31', 1, 1, '']);
    expect(table('FUNNEL', [rows(last), 'view, buy'])[2]!.slice(0, 2)).toEqual(['buy', 1]);
  });

  it('AB_TEST refuses counts too large to be exact instead of a verdict from overflowed sums', () => {
    // 100% against 0% of 1e308 visitors each: the pooled sum overflowed and the verdict was "no difference".
    expect(() => call('AB_TEST', [1e308, 1e308, 0, 1e308])).toThrow(
      /^conversions_a is 1e\+308: larger than any real count/,
    );
    expect(() => call('AB_TEST', [0, 2 ** 53 + 2, 0, 10])).toThrow(/^visitors_a is 9007199254740994: larger/);
    expect(table('AB_TEST', [0, Number.MAX_SAFE_INTEGER, 0, 10])[0]).toEqual(['Metric', 'Value']);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'FUNNEL_TREND refuses the period "%s" (not an own key of the period words)',
    (period) => {
      expect(() => call('FUNNEL_TREND', [rows(new Date()), 'view', '', period])).toThrow(
        `period "${period}" is not one of "day", "week" (starting Monday) or "month".`,
      );
    },
  );

  it('a NaN window (only a script can pass one) is quoted back, not shown as a bare NaN', () => {
    expect(() => call('FUNNEL', [rows(new Date()), 'view', Number.NaN])).toThrow(
      /^window "NaN" is not a duration/,
    );
    expect(() => call('AB_TEST', [1, 10, 2, 10, Number.NaN])).toThrow(/not "NaN"\.$/);
  });
});
