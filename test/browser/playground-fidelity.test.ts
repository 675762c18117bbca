/**
 * The playground draws what Sheets draws (issue 13, item 12): text runs over empty cells to its
 * right and stops at a filled one; each tab keeps its scroll; a toast replaces the one shown, so
 * "Writing…" closes when the write is done; the frozen row's line stays below the header text;
 * the sample-load message names the tabs it wrote; merged cells span their block.
 * Screenshots land in test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { artifactPath, chromiumMissingReason, launchChromium, startPlayground } from './playground';

const missing = chromiumMissingReason();
if (missing) console.warn(missing);

function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

describe.skipIf(missing !== undefined)('the playground draws as Sheets does', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  let url = '';
  let close: () => Promise<void> = async () => undefined;

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const put = (sheet: string, range: string, values: unknown[][]) =>
    send('PUT', '/api/workbook/values', { sheet, range, values });
  const cell = (a1: string) => page.locator(`#grid td[data-cell="${a1}"]`);
  const box = async (a1: string) => (await cell(a1).boundingBox())!;
  const openTab = async (name: string) => {
    await page.getByRole('tab', { name, exact: true }).click();
    await eventually(() => page.locator('#grid table').getAttribute('data-sheet')).toBe(name);
  };

  beforeAll(async () => {
    const started = await startPlayground();
    url = started.url;
    close = started.close;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await close();
  });
  beforeEach(async () => {
    await send('POST', '/api/reset');
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  it('runs text over the empty cells to its right and stops at the first filled one', async () => {
    await put('Sheet1', 'A1', [
      ['A text long enough to need three columns of room', '', 'stop here', ''],
      ['Short', 'next'],
      [1234567890123, ''],
    ]);
    await eventually(() => cell('C1').textContent()).toBe('stop here');
    const a1 = await box('A1');
    const c1 = await box('C1');
    const text = page.locator('#grid td[data-cell="A1"] .over');
    const textBox = (await text.boundingBox())!;
    // Runs over B1 (empty) and ends where C1 (filled) begins: A and B are 100 px wide each.
    expect(textBox.x).toBeGreaterThanOrEqual(a1.x);
    expect(textBox.x + textBox.width).toBeGreaterThan(a1.x + a1.width + 50);
    expect(textBox.x + textBox.width).toBeLessThanOrEqual(c1.x);
    // The text is cut at C1, not written under it: its box holds more than it shows.
    expect(await text.evaluate((d) => d.scrollWidth > d.clientWidth)).toBe(true);
    // A2's right neighbour is filled, and numbers never run over: no overflow there.
    expect(await page.locator('#grid td[data-cell="A2"] .over').count()).toBe(0);
    expect(await page.locator('#grid td[data-cell="A3"] .over').count()).toBe(0);
    await page.screenshot({
      path: artifactPath('playground-overflow'),
      clip: { x: 0, y: 0, width: 700, height: 200 },
    });
  });

  it('keeps each tab’s scroll position when the user goes to another tab and back', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`row ${i + 1}`]);
    await put('Long', 'A1', rows);
    await put('Other', 'A1', [['other']]);
    await openTab('Long');
    await page.locator('#grid').evaluate((g) => {
      g.scrollTop = 2000;
    });
    const left = await page.locator('#grid').evaluate((g) => g.scrollTop);
    expect(left).toBeGreaterThan(1500);
    await openTab('Other');
    expect(await page.locator('#grid').evaluate((g) => g.scrollTop)).toBe(0);
    await openTab('Long');
    await eventually(() => page.locator('#grid').evaluate((g) => g.scrollTop)).toBe(left);
    await page.screenshot({ path: artifactPath('playground-scroll-kept') });
  });

  it('shows one toast at a time: "Writing…" is gone once the tabs are written', async () => {
    const created = await send('POST', '/api/run/createFramework', [{ template: 'ecommerce' }]);
    expect(created.body.ok).toBe(true);
    const toasts = page.locator('#toasts .toast');
    await eventually(() => toasts.allTextContents()).toEqual([
      expect.stringContaining('The framework tabs are up to date.'),
    ]);
    expect(await page.locator('#toasts').textContent()).not.toContain('Writing');
    await page.screenshot({ path: artifactPath('playground-toast') });
  });

  it('draws the frozen row’s line below the header text, and merged cells across their block', async () => {
    await send('POST', '/api/run/createFramework', [{ template: 'ecommerce' }]);
    await openTab('Milestones');
    const header = cell('A1');
    await eventually(() => header.getAttribute('class')).toMatch(/\b/);
    // The line is a shadow outside the cell, not inside it over the text.
    expect(await header.evaluate((td) => getComputedStyle(td).boxShadow)).not.toContain('inset');
    const textBottom = await header.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return range.getBoundingClientRect().bottom;
    });
    const cellBox = await box('A1');
    expect(textBottom).toBeLessThanOrEqual(cellBox.y + cellBox.height);
    await page.screenshot({
      path: artifactPath('playground-frozen-header'),
      clip: { x: 0, y: 0, width: 1100, height: 260 },
    });

    await openTab('Framework');
    // The title is merged across the tab's four columns (framework-tab.ts): one cell spans them.
    await eventually(() => cell('A1').getAttribute('colspan')).toBe('4');
    expect(await cell('B1').count()).toBe(0);
    await page.screenshot({ path: artifactPath('playground-framework-tab') });
  });

  it('downloads the .xlsx and says which charts the file cannot carry', async () => {
    await send('POST', '/api/run/createFramework', [{ template: 'ecommerce' }]);
    const download = page.waitForEvent('download');
    await page.click('#download-xlsx');
    expect((await download).suggestedFilename()).toBe('micro-conversions.xlsx');
    await eventually(() => page.locator('#status').textContent()).toMatch(
      /^Downloaded micro-conversions\.xlsx\. Not in the file \(its "Not exported" sheet lists them\): Funnel: the bar chart/,
    );
    await page.screenshot({
      path: artifactPath('playground-download-note'),
      clip: { x: 0, y: 0, width: 1400, height: 120 },
    });
  });

  it('names the tabs the sample export and its funnel went to, also the second time', async () => {
    await page.click('#load-sample');
    await eventually(() => page.locator('#status').textContent()).toMatch(
      /^Loaded the sample export \(\d+ rows\) into the Sample export tab, with a FUNNEL on the Sample funnel tab\.$/,
    );
    await page.click('#load-sample');
    await eventually(() => page.locator('#status').textContent()).toMatch(
      /^Loaded the sample export \(\d+ rows\) into the Sample export 2 tab, with a FUNNEL on the Sample funnel 2 tab\.$/,
    );
    await page.getByRole('tab', { name: 'Sample export 2', exact: true }).waitFor();
  });
});
