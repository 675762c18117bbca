/**
 * The sidebar's server functions with malformed requests, through dist/Code.js over the fake
 * spreadsheet: a request the sidebar (or a script) sends with a field of the wrong type, a list
 * that is not a list, a number where text belongs, null, nested garbage. Each call either works or
 * throws a user-facing message (withUserErrors: never "failed unexpectedly", never a TypeError's
 * text, no leaked "undefined" or "[object Object]"), and a refused call leaves the workbook and
 * the document properties exactly as they were: the request is checked before anything is written.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../dev/fake';
import { type StartedPlayground, startPlayground } from '../../dev/playground/server';
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

// ---------------------------------------------------------------- the playground's HTTP API

/**
 * The playground server (dev/playground) with malformed addresses, oversized bodies and very
 * large writes: every answer is a status below 500 with a JSON message, and a refused write
 * leaves no tab behind. Requests go over a raw socket so that the address is sent exactly as
 * written (fetch would normalise it).
 */
describe('the playground HTTP API with malformed and oversized requests', () => {
  let playground: StartedPlayground;
  beforeAll(async () => {
    playground = await startPlayground({ port: 0 });
  }, 60_000);
  afterAll(() => playground?.close());

  /** Sends a raw HTTP/1.1 request; resolves with the status and the body as sent (chunk sizes included). */
  function raw(method: string, path: string, headers: Record<string, string> = {}, body = '') {
    const { hostname, port } = new URL(playground.url);
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('utf8');
      });
      socket.on('error', reject);
      socket.on('end', () => {
        const status = Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
        resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
      });
      const head: Record<string, string> = { host: `localhost:${port}`, connection: 'close', ...headers };
      if (body !== '' && !('content-length' in head))
        head['content-length'] = String(Buffer.byteLength(body));
      const lines = Object.entries(head).map(([k, v]) => `${k}: ${v}`);
      socket.write(`${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
    });
  }

  async function json(method: string, path: string, body?: unknown) {
    const response = await fetch(`${playground.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string } };
  }

  const sheetNames = () => playground.session.fullWorkbook().sheets.map((s) => s.name);

  it('answers a malformed percent-encoding in the address with 400 naming it', async () => {
    const answer = await raw('POST', '/api/run/%E0%A4%A', { 'content-type': 'application/json' }, '[]');
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('%E0%A4%A\\" in the address is not valid percent-encoding');
  });

  it('answers an address that is not a URL with 400', async () => {
    // "//[" is a network-path reference with an unclosed IPv6 host: no URL parser accepts it.
    const answer = await raw('GET', '//[');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/not a valid address/);
  });

  it('never answers 500 to random addresses and bodies (property)', async () => {
    const segment = fc.string({
      unit: fc.constantFrom('a', '%', 'E0', 'zz', '/', '[', ']', '?', '#', '..', '~', 'run', 'api'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        segment,
        fc.oneof(fc.constant(''), fc.json(), fc.string({ maxLength: 20 })),
        async (method, tail, body) => {
          const answer = await raw(method, `/api/${tail}`, { 'content-type': 'application/json' }, body);
          expect(answer.status, `${method} /api/${tail} ${body}: ${answer.body}`).toBeGreaterThanOrEqual(200);
          expect(answer.status, `${method} /api/${tail} ${body}: ${answer.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  }, 120_000);

  it('answers a body over the limit with 413 and says how large a body may be', async () => {
    // The length is announced and over 64 MiB: refused before any of it is read.
    const answer = await raw('POST', '/api/import', {
      'content-type': 'application/json',
      'content-length': String(65 * 1024 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/larger than 64 MiB/);
  });

  it('writes a cell at A200000 of a new tab', async () => {
    await json('POST', '/api/reset');
    const answer = await json('PUT', '/api/workbook/values', {
      sheet: 'Far',
      range: 'A200000',
      values: [['x']],
    });
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    const far = playground.session.workbook().sheets.find((s) => s.name === 'Far')!;
    expect(far.values.length).toBe(200_000);
    expect(far.values[199_999]).toEqual(['x']);
  }, 60_000);

  it('imports a 200,000-row CSV and keeps every row', async () => {
    await json('POST', '/api/reset');
    // Rows made here: header + u<i>,event,<i>: the last data row is u199999 with time 199999.
    const lines = ['user_pseudo_id,event_name,event_timestamp'];
    for (let i = 0; i < 200_000; i++) lines.push(`u${i},${i % 2 ? 'purchase' : 'view_item'},${i}`);
    const answer = await json('POST', '/api/import', { sheet: 'Big', text: lines.join('\n') });
    expect(answer.status, answer.body.error).toBe(200);
    const big = playground.session.workbook().sheets.find((s) => s.name === 'Big')!;
    expect(big.values.length).toBe(200_001);
    expect(big.values[200_000]).toEqual(['u199999', 'purchase', 199_999]);
  }, 120_000);

  it('refuses a write past Sheets limit of 10 million cells with 400, leaving no tab behind', async () => {
    const before = sheetNames();
    // 400,000 rows x 26 columns = 10.4 million cells, over the limit on its own.
    const answer = await json('PUT', '/api/workbook/values', {
      sheet: 'Huge',
      range: 'A400000',
      values: [['x']],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/10,000,000 cells/);
    expect(sheetNames()).toEqual(before);
  });

  it('refuses a text Sheets would refuse with 400, leaving no tab behind', async () => {
    const before = sheetNames();
    const answer = await json('PUT', '/api/workbook/values', {
      sheet: 'Long',
      range: 'A1',
      values: [['x'.repeat(50_001)]],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/50000|50,000/);
    expect(sheetNames()).toEqual(before);
  });
});
