/**
 * Hostile text that reaches the page through the add-on's own output, in Chromium: event names
 * in pasted data come back as FUNNEL's step labels and MICRO_IMPACT's rows, and a bad option
 * comes back inside an error message (the #ERROR! hover). test/browser/ already covers hostile
 * tab names, typed cells and framework names; this covers what the custom functions spill.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, chromiumMissingReason, launchChromium, startPlayground } from '../browser/playground';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>window.__pwned = 1</script>';
const FORMULA = '=HYPERLINK("http://evil.example","x")';
/** An option word (no "=", which would make it a key=value option). */
const OPTION = '<script>alert(4)</script>';

/** CSV with the hostile names as event names (quoted as CSV needs); import keeps `=...` as text. */
const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;
const EVENTS = [
  'user_pseudo_id,event_name,event_timestamp',
  `u1,${csvField(IMG)},2024-01-01 10:00:00`,
  `u1,${csvField(SCRIPT)},2024-01-01 10:01:00`,
  `u1,${csvField(FORMULA)},2024-01-01 10:02:00`,
  'u1,buy,2024-01-01 10:03:00',
  `u2,${csvField(IMG)},2024-01-01 11:00:00`,
  `u2,${csvField(FORMULA)},2024-01-01 11:01:00`,
].join('\n');

const missing = chromiumMissingReason();

describe.skipIf(missing !== undefined)('hostile text in custom-function output, in Chromium', () => {
  let url = '';
  let close: () => Promise<void> = async () => undefined;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const cell = (a1: string) => page.locator(`#grid td[data-cell="${a1}"]`);

  beforeAll(async () => {
    const started = await startPlayground({ port: 0 });
    url = started.url;
    close = started.close;
    browser = await launchChromium();
    await api('POST', '/api/import', { sheet: 'Events', text: EVENTS });
    await api('PUT', '/api/workbook/values', {
      sheet: 'Out',
      range: 'A1',
      values: [
        ['=FUNNEL(Events!A1:C7, Events!B2:B4)'],
        ...new Array(4).fill(['']),
        ['=MICRO_IMPACT(Events!A1:C7, "buy")'],
        ...new Array(4).fill(['']),
        [`=FUNNEL(Events!A1:C7, "buy", "", "${OPTION}")`],
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('tab', { name: 'Out', exact: true }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await close();
  });

  it('shows spilled step labels and micro events exactly as text, running nothing', async () => {
    // FUNNEL's steps are the three hostile names, read from the data cells: rows 2 to 4, column A.
    await expect.poll(() => cell('A2').textContent()).toBe(IMG);
    expect(await cell('A3').textContent()).toBe(SCRIPT);
    expect(await cell('A4').textContent()).toBe(FORMULA);
    // MICRO_IMPACT lists every event other than the macro: the same three names, in some order.
    const micros = await Promise.all(['A7', 'A8', 'A9'].map((a1) => cell(a1).textContent()));
    expect(micros.sort()).toEqual([IMG, SCRIPT, FORMULA].sort());
    // The spill holds values: the formula-like name is not a formula in any cell it reached.
    const book = (await api('GET', '/api/workbook')) as { sheets: { name: string; formulas: string[][] }[] };
    const formulas = book.sheets
      .find((s) => s.name === 'Out')!
      .formulas.flat()
      .filter((f) => f !== '');
    expect(formulas).toHaveLength(3);
    expect(formulas.every((f) => /^=(FUNNEL|MICRO_IMPACT)\(Events!A1:C7,/.test(f))).toBe(true);

    expect(await page.locator('#grid img, #grid script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows an error message quoting a hostile option as text on hover', async () => {
    await expect.poll(() => cell('A11').textContent()).toBe('#ERROR!');
    expect(await cell('A11').getAttribute('title')).toContain(`unknown option "${OPTION}"`);
    await cell('A11').hover();
    await page.screenshot({ path: artifactPath('hardening-hostile-output') });
    expect(await page.locator('#grid img, #grid script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
