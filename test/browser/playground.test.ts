/**
 * The local playground, end to end: its automation API over fetch, and the page in Debian's
 * Chromium (menu, real sidebar, CSV import, a FUNNEL typed in a cell, hostile names as text).
 * Expected funnel numbers are worked out by hand from the small export below, or (for the sample
 * export) by a deliberately simple reference implementation in this file.
 */
import { request } from 'node:http';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../dev/playground/csv';
import { makeSampleExport } from '../../dev/playground/sample-export';
import { artifactPath, chromiumMissingReason, launchChromium, startPlayground } from './playground';

/**
 * Six users, steps view_item > add_to_cart > purchase, 7-day window. By hand:
 * u1 does all three; u2 views and adds; u3 only views; u4 adds without viewing (never enters);
 * u5 views then buys without adding (stops at step 1); u6 adds 9 days after viewing (outside 7d).
 * So view_item 5 users (u1 u2 u3 u5 u6), add_to_cart 2 (u1 u2), purchase 1 (u1).
 */
const SMALL_EXPORT = [
  '# ----------------------------------------',
  '# Test shop events',
  '# 20240101-20240110',
  '# ----------------------------------------',
  'user_pseudo_id,event_name,event_timestamp',
  'u1,view_item,2024-01-01 10:00:00',
  'u1,add_to_cart,2024-01-01 10:05:00',
  'u1,purchase,2024-01-01 10:10:00',
  'u2,view_item,2024-01-01 11:00:00',
  'u2,add_to_cart,2024-01-01 11:30:00',
  'u3,view_item,2024-01-02 09:00:00',
  'u4,add_to_cart,2024-01-02 09:00:00',
  'u5,view_item,2024-01-01 08:00:00',
  'u5,purchase,2024-01-01 09:00:00',
  'u6,view_item,2024-01-01 08:00:00',
  'u6,add_to_cart,2024-01-10 08:00:00',
].join('\r\n');
const SMALL_ROWS = 16;
const STEPS = 'view_item, add_to_cart, purchase';
/** Users per step, and shares of the first step (2/5, 1/5), by hand from the comment above. */
const EXPECTED_USERS = [5, 2, 1];

type Json = Record<string, unknown>;
type PlainSheet = { name: string; values: unknown[][]; formulas: string[][] };

let url = '';
let closeServer: () => Promise<void> = async () => undefined;

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function sheets(): Promise<PlainSheet[]> {
  return (await api('GET', '/api/workbook')).body.sheets as PlainSheet[];
}

async function sheet(name: string): Promise<PlainSheet> {
  const found = (await sheets()).find((s) => s.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}

const put = (sheetName: string, range: string, values: unknown[][]) =>
  api('PUT', '/api/workbook/values', { sheet: sheetName, range, values });

beforeAll(async () => {
  const started = await startPlayground({ port: 0 });
  url = started.url;
  closeServer = started.close;
});
afterAll(() => closeServer());

describe('playground automation API', () => {
  beforeEach(async () => {
    await api('POST', '/api/reset');
  });

  it('starts with one empty tab', async () => {
    expect(await sheets()).toEqual([{ name: 'Sheet1', values: [], formulas: [] }]);
  });

  it('PUT /api/workbook/values creates the tab and types values as Sheets does; GET shows them as displayed', async () => {
    const { status } = await put('Typed', 'B2', [
      ['20240105', '2024-01-05 10:30:00', '12.5', '50%', 'TRUE', 'hello'],
    ]);
    expect(status).toBe(200);
    const typed = await sheet('Typed');
    // GA's YYYYMMDD stays a number; a date-time becomes a date (ISO in the API); 50% shows as typed.
    expect(typed.values[1]).toEqual(['', 20240105, '2024-01-05T10:30:00.000Z', 12.5, '50%', true, 'hello']);
    expect(typed.formulas[1]).toEqual(['', '', '', '', '', '', '']);
  });

  it('refuses malformed writes with a message that says what to send', async () => {
    const noValues = await api('PUT', '/api/workbook/values', { sheet: 'X', range: 'A1', values: 'nope' });
    expect(noValues.status).toBe(400);
    expect(noValues.body.error).toMatch(/"values" must be a 2D array/);
    const badRange = await put('X', 'not a range', [[1]]);
    expect(badRange.status).toBe(400);
    expect(badRange.body.error).toMatch(/not an A1 range/);
    const wrongSize = await put('X', 'A1:B2', [[1]]);
    expect(wrongSize.body.error).toMatch(/2x2 but the values are 1x1/);
  });

  it('POST /api/run/<function> runs only the bundle’s public functions', async () => {
    const unknown = await api('POST', '/api/run/nope', []);
    expect(unknown.body).toMatchObject({ ok: false });
    expect(unknown.body.error).toMatch(/no public function "nope"/);
    // Built-ins of the script's global scope are not server functions.
    const builtin = await api('POST', '/api/run/eval', ['1 + 1']);
    expect(builtin.body.ok).toBe(false);
    const notArray = await api('POST', '/api/run/listTemplates', { template: 'x' });
    expect(notArray.status).toBe(400);
    expect(notArray.body.error).toMatch(/JSON array of arguments/);
  });

  it('runs server functions the sidebar calls: listTemplates and createFramework write the tabs', async () => {
    const templates = await api('POST', '/api/run/listTemplates', []);
    expect(templates.body.ok).toBe(true);
    const ids = (templates.body.result as { id: string }[]).map((t) => t.id);
    expect(ids).toContain('ecommerce');
    const created = await api('POST', '/api/run/createFramework', [{ template: 'ecommerce' }]);
    expect(created.body).toMatchObject({ ok: true });
    const names = (await sheets()).map((s) => s.name);
    for (const tab of ['Macro', 'Phases', 'Milestones', 'Funnel', 'Dashboard', 'Framework'])
      expect(names).toContain(tab);
  });

  it('runs a custom function directly with JSON arguments', async () => {
    const rows = parseCsv(SMALL_EXPORT);
    const run = await api('POST', '/api/run/FUNNEL', [rows, STEPS, '7d']);
    expect(run.body.ok).toBe(true);
    const table = run.body.result as unknown[][];
    expect(table.slice(1, 4).map((r) => r[1])).toEqual(EXPECTED_USERS);
  });

  it('evaluates a FUNNEL formula through the bundle, spills it, and recalculates when its input changes', async () => {
    await api('POST', '/api/import', { sheet: 'Events', text: SMALL_EXPORT });
    await put('Report', 'A1', [[`=FUNNEL(Events!A1:C30, "${STEPS}", "7d")`]]);
    let report = await sheet('Report');
    expect(report.formulas[0]![0]).toMatch(/^=FUNNEL\(/);
    expect(report.values.slice(1, 4).map((r) => r[0])).toEqual(['view_item', 'add_to_cart', 'purchase']);
    expect(report.values.slice(1, 4).map((r) => r[1])).toEqual(EXPECTED_USERS);
    // Share of first step: 2/5 and 1/5.
    expect(report.values[2]![2]).toBeCloseTo(0.4, 12);
    expect(report.values[3]![2]).toBeCloseTo(0.2, 12);
    // u3 now adds to cart a day after viewing: add_to_cart has 3 users.
    await put('Events', `A${SMALL_ROWS + 1}`, [['u3', 'add_to_cart', '2024-01-03 09:00:00']]);
    report = await sheet('Report');
    expect(report.values.slice(1, 4).map((r) => r[1])).toEqual([5, 3, 1]);
  });

  it('shows #ERROR! with the custom function’s message, and #REF! when a spill is blocked', async () => {
    await put('Bad', 'A1', [
      ['who', 'what'],
      ['u1', 'view_item'],
    ]);
    await put('Bad', 'D1', [[`=FUNNEL(A1:B2, "${STEPS}")`]]);
    expect((await sheet('Bad')).values[0]![3]).toBe('#ERROR!');
    const full = (await api('GET', '/api/workbook/full?sheet=Bad')).body as {
      sheets: { name: string; cells: { row: number; column: number; error?: string }[] }[];
    };
    const cell = full.sheets.find((s) => s.name === 'Bad')!.cells.find((c) => c.row === 1 && c.column === 4)!;
    expect(cell.error).toMatch(/\w{4,}/);
    expect(cell.error).not.toMatch(/undefined|NaN|at Object\./);
    // A value in the spill area blocks the array result.
    await api('POST', '/api/import', { sheet: 'Events', text: SMALL_EXPORT });
    await put('Blocked', 'A1', [[`=FUNNEL(Events!A1:C16, "${STEPS}")`], [''], ['typed by the user']]);
    const blocked = await sheet('Blocked');
    expect(blocked.values[0]![0]).toBe('#REF!');
    expect(blocked.values[2]![0]).toBe('typed by the user');
  });

  it('evaluates references, arithmetic and built-in functions around them; unknown functions give #NAME?', async () => {
    await put('Calc', 'A1', [
      [2],
      [3],
      ['=A1*3+1'],
      ['=SUM(A1:A3)'],
      ['=IF(A4>10,"big","small")'],
      ['=NOSUCH(1)'],
    ]);
    await put('Calc', 'B1', [['=Calc!A3/0'], ['=IFERROR(B1,"none")'], ['="a"&A1']]);
    const calc = await sheet('Calc');
    expect(calc.values.map((r) => r[0])).toEqual([2, 3, 7, 12, 'big', '#NAME?']);
    expect(calc.values.slice(0, 3).map((r) => r[1])).toEqual(['#DIV/0!', 'none', 'a2']);
  });

  it('imports CSV as Sheets would: comment lines kept, CRLF, ";" delimiter, numbers and dates typed, formulas kept as text', async () => {
    const text = ['# GA4 export', 'Date;Sessions;Note', '20250201;12;=1+2', '20250202;7,5;-oops', ''].join(
      '\r\n',
    );
    const imported = await api('POST', '/api/import', { sheet: 'Imported', text, start: 'A1' });
    expect(imported.body).toMatchObject({ ok: true, rows: 4, columns: 3 });
    const tab = await sheet('Imported');
    expect(tab.values).toEqual([
      ['# GA4 export', '', ''],
      ['Date', 'Sessions', 'Note'],
      [20250201, 12, '=1+2'],
      // A decimal comma stays text in an en_US spreadsheet, as in Sheets.
      [20250202, '7,5', '-oops'],
    ]);
    expect(tab.formulas.flat().every((f) => f === '')).toBe(true);
  });

  it('loads the sample export with a first funnel that matches a simple reference count', async () => {
    const loaded = await api('POST', '/api/sample');
    expect(loaded.body).toMatchObject({ ok: true, sheet: 'Sample funnel', dataSheet: 'Sample export' });
    const funnel = await sheet('Sample funnel');
    const steps = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'];
    expect(funnel.values.slice(1, 5).map((r) => r[0])).toEqual(steps);
    expect(funnel.values.slice(1, 5).map((r) => r[1])).toEqual(
      referenceFunnel(parseCsv(makeSampleExport()), steps, 7),
    );
  });

  it('downloads the workbook as .xlsx with values, formulas and their results', async () => {
    await put('Typed', 'A1', [
      ['name', 'n'],
      ['a', '5'],
      ['b', '=B2*2'],
    ]);
    const response = await fetch(`${url}/api/download.xlsx`);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const ws = book.getWorksheet('Typed')!;
    expect(ws.getCell('A2').value).toBe('a');
    expect(ws.getCell('B2').value).toBe(5);
    expect(ws.getCell('B3').value).toMatchObject({ formula: 'B2*2', result: 10 });
  });

  it('refuses requests from other web sites and other host names (CSRF, DNS rebinding)', async () => {
    const foreign = await fetch(`${url}/api/run/createFramework`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
      body: '[{"template":"ecommerce"}]',
    });
    expect(foreign.status).toBe(403);
    const port = new URL(url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/workbook', headers: { host: `evil.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    expect((await sheets()).map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('serves the sidebar the add-on opened, with the google.script.run shim loaded first', async () => {
    expect((await fetch(`${url}/sidebar`)).status).toBe(404);
    await api('POST', '/api/run/showPlanner', []);
    const ui = (await api('GET', '/api/ui')).body as { sidebar?: { title: string } };
    expect(ui.sidebar?.title).toBeTruthy();
    const html = await (await fetch(`${url}/sidebar`)).text();
    const shim = html.indexOf('/sidebar-shim.js');
    expect(shim).toBeGreaterThan(-1);
    expect(shim).toBeLessThan(html.search(/<script>|<script\s+type/));
  });
});

/**
 * A deliberately simple closed funnel: per user, for every first-step event try to walk the
 * steps in order, each at or after the previous one and within `days` of the start; the user's
 * level is the deepest any start reached.
 */
function referenceFunnel(rows: string[][], steps: string[], days: number): number[] {
  const header = rows.findIndex((r) => r[0] === 'user_pseudo_id');
  const byUser = new Map<string, { event: string; time: number }[]>();
  for (const [user = '', event = '', stamp = ''] of rows.slice(header + 1)) {
    const list = byUser.get(user) ?? [];
    list.push({ event, time: Date.parse(`${stamp.replace(' ', 'T')}Z`) });
    byUser.set(user, list);
  }
  const counts = steps.map(() => 0);
  for (const events of byUser.values()) {
    events.sort((a, b) => a.time - b.time);
    let best = 0;
    events.forEach((start, i) => {
      if (start.event !== steps[0]) return;
      let level = 1;
      for (const e of events.slice(i + 1)) {
        if (level < steps.length && e.event === steps[level] && e.time <= start.time + days * 86_400_000)
          level++;
      }
      best = Math.max(best, level);
    });
    for (let k = 0; k < best; k++) counts[k]!++;
  }
  return counts;
}

/** Polls until the page shows what is expected; generous, as CI runs test files side by side. */
function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

const missing = chromiumMissingReason();
if (missing) console.warn(missing);

describe.skipIf(missing !== undefined)('playground in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await api('POST', '/api/reset');
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  const cell = (a1: string) => page.locator(`#grid td[data-cell="${a1}"]`);

  it('opens the planner from the add-on menu and creates the tabs from a template in the sidebar', async () => {
    await page.click('#menu-extensions');
    expect(await page.locator('.menu-heading').textContent()).toBe('Micro Conversions');
    const items = page.getByRole('menuitem');
    await eventually(() => items.allTextContents()).toEqual([
      'Open planner',
      'Check framework',
      'Print framework',
      'Help',
    ]);
    await page.getByRole('menuitem', { name: 'Open planner' }).click();
    const frame = page.locator('#sidebar-frame');
    await frame.waitFor();
    expect((await frame.boundingBox())?.width).toBe(300);
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.getByLabel('E-commerce').check();
    await sidebar.getByRole('button', { name: 'Use this start' }).click();
    await sidebar.getByRole('button', { name: /Step 5/ }).click();
    await sidebar.getByRole('button', { name: 'Create / update tabs' }).click();
    for (const tab of ['Macro', 'Phases', 'Milestones', 'Funnel', 'Dashboard', 'Framework']) {
      await page.getByRole('tab', { name: tab, exact: true }).waitFor();
    }
    await page.getByRole('tab', { name: 'Milestones', exact: true }).click();
    // The header row is bold and frozen; the phase column is a dropdown.
    await eventually(() => cell('A1').evaluate((td) => getComputedStyle(td).fontWeight)).toBe('700');
    expect(await page.locator('#grid tr.frozen').count()).toBe(1);
    expect(await cell('A2').locator('select').count()).toBe(1);
    await page.screenshot({ path: artifactPath('planner-created') });
    expect(pageErrors).toEqual([]);
  });

  it('imports a small export, reads FUNNEL’s numbers after typing the formula, and edits a cell', async () => {
    await page.setInputFiles('#import-file', {
      name: 'events.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SMALL_EXPORT),
    });
    await page.fill('#import-sheet', 'Events');
    await page.click('#import-confirm');
    await page.getByRole('tab', { name: 'Events' }).waitFor();
    await eventually(() => cell('A5').textContent()).toBe('user_pseudo_id');
    // Type the formula into E1 the way a person does: select, type, Enter.
    await cell('E1').click();
    // The range reaches past the data, so rows added below count too (FUNNEL skips blank rows).
    await page.keyboard.type(`=FUNNEL(Events!A1:C30, "${STEPS}", "7d")`);
    await page.keyboard.press('Enter');
    await eventually(() => cell('F2').textContent()).toBe(String(EXPECTED_USERS[0]));
    expect(await cell('F3').textContent()).toBe(String(EXPECTED_USERS[1]));
    expect(await cell('F4').textContent()).toBe(String(EXPECTED_USERS[2]));
    expect(await cell('G3').textContent()).toBe('0.4');
    // Editing an input recalculates: u2 buys too.
    await cell(`A${SMALL_ROWS + 1}`).dblclick();
    await page.keyboard.type('u2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('purchase');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2024-01-01 12:00:00');
    await page.keyboard.press('Enter');
    await eventually(() => cell('F4').textContent()).toBe('2');
    await page.screenshot({ path: artifactPath('funnel-typed') });
    expect(pageErrors).toEqual([]);
  });

  it('pastes a block from the clipboard at the selected cell, typed like an import', async () => {
    await cell('B2').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'event\tusers\nview_item\t12\nadd_to_cart\t5%');
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await eventually(() => cell('C3').textContent()).toBe('12');
    expect((await sheet('Sheet1')).values).toEqual([
      ['', '', ''],
      ['', 'event', 'users'],
      ['', 'view_item', 12],
      ['', 'add_to_cart', '5%'],
    ]);
  });

  it('closes the sidebar when the sidebar calls google.script.host.close()', async () => {
    await page.click('#menu-extensions');
    await page.getByRole('menuitem', { name: 'Help' }).click();
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('body').waitFor();
    await page
      .locator('#sidebar-frame')
      .evaluate((iframe: HTMLIFrameElement) =>
        (
          iframe.contentWindow as unknown as { google: { script: { host: { close(): void } } } }
        ).google.script.host.close(),
      );
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    expect(((await api('GET', '/api/ui')).body as { sidebar?: unknown }).sidebar).toBeUndefined();
  });

  it('goes to the cell the add-on selects (Check framework’s links call selectCell)', async () => {
    await api('POST', '/api/run/createFramework', [{ template: 'ecommerce' }]);
    await page.getByRole('tab', { name: 'Phases', exact: true }).waitFor();
    const selected = await api('POST', '/api/run/selectCell', ['Milestones', 'C4']);
    expect(selected.body.ok).toBe(true);
    await eventually(() =>
      page.getByRole('tab', { name: 'Milestones', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    await eventually(() => cell('C4').getAttribute('class')).toMatch(/selected/);
    expect(await page.locator('#cell-name').textContent()).toBe('C4');
  });

  it('shows an error’s message on hover', async () => {
    await put('Sheet1', 'A1', [['=FUNNEL("x", "a, b")']]);
    await page.reload();
    await eventually(() => cell('A1').textContent()).toBe('#ERROR!');
    expect(await cell('A1').getAttribute('title')).toMatch(/\w{4,}/);
  });

  it('shows hostile names and cell text as text, running nothing', async () => {
    const hostileTab = '<img src=x onerror=alert(1)>';
    const hostileText = '"><script>alert(2)</script>';
    await put(hostileTab, 'A1', [[hostileText, '<b onmouseover=alert(3)>x</b>']]);
    await page.getByRole('tab', { name: hostileTab }).click();
    await eventually(() => cell('A1').textContent()).toBe(hostileText);
    expect(await cell('B1').textContent()).toBe('<b onmouseover=alert(3)>x</b>');
    await cell('B1').hover();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#grid script, #grid b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: artifactPath('hostile-names') });
  });

  it('shows hostile framework names written by the add-on as text, in the grid and the sidebar', async () => {
    const hostileName = '<img src=x onerror=alert(1)>';
    const hostileOwner = '"><script>alert(2)</script>';
    const created = await api('POST', '/api/run/createFramework', [
      {
        template: 'ecommerce',
        macro: { name: hostileName, eventName: 'purchase', targetRate: 0.02, owner: hostileOwner },
      },
    ]);
    expect(created.body.ok).toBe(true);
    await page.getByRole('tab', { name: 'Macro', exact: true }).click();
    await eventually(() => cell('A2').textContent()).toBe(hostileName);
    expect(await cell('E2').textContent()).toBe(hostileOwner);
    await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
    await eventually(() => page.locator('#grid td').filter({ hasText: hostileName }).count()).toBeGreaterThan(
      0,
    );
    await page.click('#menu-extensions');
    await page.getByRole('menuitem', { name: 'Open planner' }).click();
    await page.frameLocator('#sidebar-frame').getByText(hostileName).first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.frameLocator('#sidebar-frame').locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: artifactPath('hostile-framework') });
  });

  it('loads the sample export in one click and draws its funnel', async () => {
    await page.click('#load-sample');
    await page.getByRole('tab', { name: 'Sample funnel' }).waitFor();
    await eventually(() => cell('A2').textContent()).toBe('view_item');
    expect(Number(await cell('B2').textContent())).toBeGreaterThan(Number(await cell('B5').textContent()));
    await page.screenshot({ path: artifactPath('sample-funnel') });
  });
});
