/**
 * The sidebar's server functions with malformed requests, through dist/Code.js over the fake
 * spreadsheet: a request the sidebar (or a script) sends with a field of the wrong type, a list
 * that is not a list, a number where text belongs, null, nested garbage. Each call either works or
 * throws a user-facing message (withUserErrors: never "failed unexpectedly", never a TypeError's
 * text, no leaked "undefined" or "[object Object]"), and a refused call leaves the workbook and
 * the document properties exactly as they were: the request is checked before anything is written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { REQUEST } from '../sheets/fixture';
import { type Planner, plannerOver } from '../sheets/harness';

/** What google.script.run can carry: JSON values. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    0,
    -1,
    1e308,
    true,
    [],
    {},
    [[]],
    '=1+1',
    '25',
    25,
    'NaN',
    '__proto__',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const FIELDS = ['template', 'macro', 'phases', 'milestones', 'secondaryActions'] as const;
const ITEM_FIELDS = [
  'name',
  'eventName',
  'phase',
  'target',
  'targetRate',
  'owner',
  'priority',
  'status',
  'metric',
];

/** REQUEST with one to three fields (top level, or inside one item of a list) replaced by junk. */
const badRequest = fc
  .array(
    fc.record({
      field: fc.constantFrom(...FIELDS),
      inItem: fc.boolean(),
      itemField: fc.constantFrom(...ITEM_FIELDS),
      index: fc.nat(3),
      value: junk,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((changes) => {
    const request = JSON.parse(JSON.stringify(REQUEST)) as Record<string, unknown>;
    for (const c of changes) {
      const target = request[c.field];
      const item = Array.isArray(target) && target.length > 0 ? target[c.index % target.length] : undefined;
      if (c.inItem && typeof item === 'object' && item !== null) {
        (item as Record<string, unknown>)[c.itemField] = c.value;
      } else if (c.inItem && c.field === 'macro' && typeof target === 'object' && target !== null) {
        (target as Record<string, unknown>)[c.itemField] = c.value;
      } else request[c.field] = c.value;
    }
    return request;
  });

function state(planner: Planner) {
  return {
    book: snapshot(planner.fake.spreadsheet),
    properties: planner.fake.PropertiesService.getDocumentProperties().getProperties(),
  };
}

/** Runs a server call; on error checks the message and that nothing changed. */
function expectWorksOrRefusesCleanly(planner: Planner, name: string, args: unknown[]): void {
  const before = state(planner);
  let message: string | undefined;
  try {
    planner.call(name, ...args);
  } catch (error) {
    message = (error as Error).message;
  }
  if (message === undefined) return;
  if (process.env.FUZZ_REPORT) console.log(name, message.slice(0, 160).replace(/\n/g, ' / '));
  expect(message).not.toMatch(/failed unexpectedly|is not a function|Cannot read propert|is not iterable/);
  const unquoted = message.replace(/"[^"]*"/g, '""');
  const sent = JSON.stringify(args);
  for (const word of unquoted.match(/\bundefined\b|\bNaN\b|\[object \w+\]/g) ?? []) {
    expect(sent.includes(word), `"${word}" in: ${message}`).toBe(true);
  }
  expect(message.length, message).toBeGreaterThan(20);
  expect(state(planner), `a refused ${name} changed the workbook: ${message}`).toEqual(before);
}

describe('server functions with malformed requests', () => {
  it('createFramework works or refuses with a message, writing nothing when it refuses', () => {
    const planner = plannerOver();
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: badRequest }, junk), (request) => {
        expectWorksOrRefusesCleanly(planner, 'createFramework', [request]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 30) },
    );
  }, 120_000);

  it('describeData, createInsights and selectCell work or refuse with a message, writing nothing when they refuse', () => {
    const planner = plannerOver({ sheetNames: ['Data'] });
    // Event rows with the macro event, so that well-formed requests write (Analyse refuses empty data).
    planner.fake.spreadsheet
      .getSheetByName('Data')!
      .getRange('A1:C3')
      .setValues([
        ['user_pseudo_id', 'event_name', 'event_timestamp'],
        ['u1', 'view_item', '2024-03-04 10:00:00'],
        ['u1', 'purchase', '2024-03-04 11:00:00'],
      ]);
    const insights = fc.oneof(
      fc.record({
        dataRange: fc.oneof(fc.constantFrom('Data!A:C', 'Data', "'Data'!A1:C9"), junk),
        macroEvent: junk,
      }),
      fc.record({
        dataRange: fc.constant('Data!A:C'),
        macroEvent: fc.constant('purchase'),
        steps: junk,
        window: junk,
      }),
      junk,
    );
    fc.assert(
      fc.property(insights, junk, junk, (request, sheet, a1) => {
        expectWorksOrRefusesCleanly(planner, 'describeData', [request]);
        expectWorksOrRefusesCleanly(planner, 'createInsights', [request]);
        expectWorksOrRefusesCleanly(planner, 'selectCell', [sheet, a1]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  }, 120_000);
});
